import { describe, expect, it } from 'vitest';
import { BLIND_1_SEED, sampleAdvisories, scoreBlindSet, type BlindCase } from './blind-set';
import { shippedIndex } from './helpers';

/**
 * The blind evaluation set: 40 advisories drawn from the shipped pack by a fixed seed (BLIND_1_SEED),
 * none of which the matcher's development looked at. The expected answers were written by reading
 * each advisory's product tree and ranges, not from the matcher. Only these 40 advisories are
 * scored: an asset's matches outside the sample are left out of both sides, since nobody read them.
 * Advisories of the sample without a case here are those whose product an assessor would not
 * find on a plant inventory as named (FactoryTalk Activation inside 30 products, PI Web API
 * "prior to 2017 (1.9.0)", Nucleus stacks, Mendix apps, medical devices, …).
 */
const CASES: BlindCase[] = [
  {
    what: 'free text "and previous versions" with a build',
    vendor: 'Moxa',
    model: 'OnCell G3150-HSDPA',
    firmware: '1.3',
    affected: ['ICSA-17-143-01'],
  },
  {
    what: 'near-negative above the last affected version',
    vendor: 'Moxa Inc.',
    model: 'OnCell G3150-HSDPA',
    firmware: '1.5',
    affected: [],
  },
  {
    what: 'vendor without its umlaut, "prior to"',
    vendor: 'Geutebruck',
    model: 'E2 Camera Series',
    firmware: '1.12.0.19',
    affected: ['ICSA-18-347-03'],
  },
  {
    what: 'near-negative at the fixed version',
    vendor: 'Geutebrück GmbH',
    model: 'E2 Camera Series',
    firmware: '1.12.0.25',
    affected: [],
  },
  {
    what: 'all versions, no firmware',
    vendor: 'Siemens',
    model: 'SIMATIC CP 1616',
    firmware: null,
    affected: ['ICSA-19-043-06'],
  },
  {
    what: 'two advisories, "and prior" at the first one\'s bound',
    vendor: 'Delta Electronics',
    model: 'CNCSoft ScreenEditor',
    firmware: '1.00.84',
    affected: ['ICSA-19-050-02', 'ICSA-19-106-01'],
  },
  {
    what: 'between the two bounds',
    vendor: 'Delta',
    model: 'CNCSoft ScreenEditor',
    firmware: 'V1.00.86',
    affected: ['ICSA-19-106-01'],
  },
  {
    what: 'near-negative past both bounds',
    vendor: 'Delta Electronics',
    model: 'CNCSoft ScreenEditor',
    firmware: '1.00.89',
    affected: [],
  },
  {
    what: '"prior to Version 2.30", alias Schneider',
    vendor: 'Schneider',
    model: 'Modicon M580 BMEP582040',
    firmware: 'SV2.20',
    affected: ['ICSA-19-136-01'],
  },
  {
    what: 'near-negative at 2.30',
    vendor: 'Schneider Electric',
    model: 'Modicon M580 BMEP582040',
    firmware: 'SV2.30',
    affected: [],
  },
  {
    what: 'all versions by product words, no firmware',
    vendor: 'Schneider Electric',
    model: 'Modicon Premium',
    firmware: null,
    affected: ['ICSA-19-136-01'],
  },
  {
    what: '"9.6 and prior"',
    vendor: 'ABB',
    model: 'Asset Suite',
    firmware: '9.5',
    affected: ['ICSA-20-072-02'],
  },
  { what: 'near-negative above 9.6', vendor: 'ABB', model: 'Asset Suite', firmware: '9.7', affected: [] },
  {
    what: 'alias GE, vendor-style letters in the version',
    vendor: 'GE',
    model: 'Reason S2020',
    firmware: '07A05',
    affected: ['ICSA-20-266-02'],
  },
  {
    what: 'near-negative at 07A06',
    vendor: 'General Electric',
    model: 'S2020',
    firmware: '07A06',
    affected: [],
  },
  {
    what: 'exact version and all versions',
    vendor: 'Paradox',
    model: 'IP150',
    firmware: '5.02.09',
    affected: ['ICSA-20-324-02'],
  },
  {
    what: '"and prior" at its bound',
    vendor: 'FATEK',
    model: 'FvDesigner',
    firmware: '1.5.76',
    affected: ['ICSA-21-056-02'],
  },
  {
    what: 'near-negative one build later',
    vendor: 'FATEK Automation',
    model: 'FvDesigner',
    firmware: '1.5.77',
    affected: [],
  },
  {
    what: 'no firmware, a range',
    vendor: 'FATEK Automation',
    model: 'FvDesigner',
    firmware: null,
    affected: [],
    possibly: ['ICSA-21-056-02'],
  },
  {
    what: 'four-part version "prior to"',
    vendor: 'OPC Foundation',
    model: 'OPC UA .NET Standard',
    firmware: '1.4.365.40',
    affected: ['ICSA-21-133-03'],
  },
  {
    what: 'near-negative at the fixed version',
    vendor: 'OPC Foundation',
    model: 'OPC UA .NET Standard',
    firmware: '1.4.365.48',
    affected: [],
  },
  {
    what: 'wildcard minor versions in two advisories',
    vendor: 'Hitachi Energy',
    model: 'RTU500 Series CMU',
    firmware: '12.6.1',
    affected: ['ICSA-21-341-01', 'ICSA-22-242-04'],
  },
  {
    what: 'one advisory names 13.2.1, the other 13.2.*',
    vendor: 'Hitachi Energy',
    model: 'RTU500 series CMU',
    firmware: '13.2.1',
    affected: ['ICSA-21-341-01', 'ICSA-22-242-04'],
  },
  {
    what: 'near-negative: a line neither names',
    vendor: 'Hitachi Energy',
    model: 'RTU500 series CMU',
    firmware: '12.5.3',
    affected: [],
  },
  {
    what: 'vers: range, all versions',
    vendor: 'Siemens',
    model: 'SICAM TOOLBOX II',
    firmware: 'V07.10',
    affected: ['ICSA-22-041-05'],
  },
  {
    what: 'vers: range in a 144-product advisory',
    vendor: 'Siemens',
    model: 'RUGGEDCOM i800',
    firmware: 'V4.3.7',
    affected: ['ICSA-22-069-12'],
  },
  {
    what: 'near-negative at V4.3.8',
    vendor: 'Siemens AG',
    model: 'RUGGEDCOM i800',
    firmware: 'V4.3.8',
    affected: [],
  },
  {
    what: '"< V4.80"',
    vendor: 'Siemens',
    model: 'SICAM A8000 CP-8050',
    firmware: 'V4.70',
    affected: ['ICSA-22-104-10'],
  },
  {
    what: 'near-negative at V4.80',
    vendor: 'Siemens',
    model: 'SICAM A8000 CP-8050',
    firmware: 'V4.80',
    affected: [],
  },
  {
    what: 'no firmware, a range',
    vendor: 'Siemens',
    model: 'SICAM A8000 CP-8031',
    firmware: null,
    affected: [],
    possibly: ['ICSA-22-104-10'],
  },
  {
    what: 'list of major versions',
    vendor: 'Johnson Controls',
    model: 'Metasys ADS Server',
    firmware: '11',
    affected: ['ICSA-22-125-01'],
  },
  {
    what: 'near-negative: a version the list leaves out',
    vendor: 'Johnson Controls',
    model: 'Metasys ADS Server',
    firmware: '12.0',
    affected: [],
  },
  {
    what: 'all versions including a named build',
    vendor: 'Eaton',
    model: 'Intelligent Power Manager Infrastructure',
    firmware: '1.5.0',
    affected: ['ICSA-22-130-03'],
  },
  {
    what: 'alias AutomationDirect, "prior to v2.72"',
    vendor: 'AutomationDirect',
    model: 'D0-06DD1',
    firmware: '2.71',
    affected: ['ICSA-22-167-02'],
  },
  {
    what: 'near-negative at v2.72',
    vendor: 'Automation Direct',
    model: 'D0-06DD1',
    firmware: '2.72',
    affected: [],
  },
  {
    what: '"All Versions < SE2022MP9"',
    vendor: 'Siemens',
    model: 'Solid Edge',
    firmware: 'SE2022MP8',
    affected: ['ICSA-22-286-03'],
  },
  {
    what: 'exact version',
    vendor: 'Measuresoft',
    model: 'ScadaPro Server',
    firmware: '6.7',
    affected: ['ICSA-22-265-01'],
  },
  {
    what: 'a sensor names the model, not the series',
    vendor: 'OMRON Corporation',
    model: 'NX1P2-9024DT1',
    firmware: '1.40',
    affected: ['ICSA-22-314-08'],
  },
  {
    what: 'all versions, no firmware',
    vendor: 'Atlas Copco',
    model: 'Power Focus 6000',
    firmware: null,
    affected: ['ICSA-23-159-01'],
  },
  {
    what: 'vers: "<V2.90.3.8"',
    vendor: 'Siemens',
    model: 'SiPass integrated',
    firmware: 'V2.90.3.7',
    affected: ['ICSA-23-194-02'],
  },
  {
    what: 'near-negative at V2.90.3.8',
    vendor: 'Siemens',
    model: 'SiPass integrated',
    firmware: 'V2.90.3.8',
    affected: [],
  },
  {
    what: 'exact version, alias Allen-Bradley',
    vendor: 'Allen-Bradley',
    model: 'Kinetix 5700',
    firmware: '13.001',
    affected: ['ICSA-23-199-01'],
  },
  {
    what: 'near-negative: another exact version',
    vendor: 'Rockwell Automation',
    model: 'Kinetix 5700',
    firmware: '13.002',
    affected: [],
  },
  {
    what: 'vendor with a brand, exact version',
    vendor: 'Baker Hughes',
    model: 'Bently Nevada 3500 Rack',
    firmware: '5.05',
    affected: ['ICSA-23-269-05'],
  },
  {
    what: '"<V4.41"',
    vendor: 'Siemens',
    model: 'SIPROTEC 4 7SJ66',
    firmware: 'V4.40',
    affected: ['ICSA-23-320-10'],
  },
  {
    what: 'near-negative at V4.41',
    vendor: 'Siemens',
    model: 'SIPROTEC 4 7SJ66',
    firmware: 'V4.41',
    affected: [],
  },
];

describe('matching precision and recall on a blind set of 40 sampled advisories', () => {
  it('reports both figures on advisories the matcher was not developed against', () => {
    const index = shippedIndex();
    const picked = sampleAdvisories(
      BLIND_1_SEED,
      index.advisories.map((a) => a.id),
      40,
    );
    for (const c of CASES)
      for (const id of [...c.affected, ...(c.possibly ?? [])]) expect(picked).toContain(id);
    const { precision, recall, report } = scoreBlindSet(
      `blind set 1 (seed ${BLIND_1_SEED})`,
      index,
      picked,
      CASES,
    );
    console.log(report);
    // First measured at 100% and 72.7%; the misses then (wildcards, "10 | 11" lists, "including",
    // family-only names, GE's 07A05, vendor spellings) were fixed in general terms, so this set
    // is no longer blind: the second set is the honest figure. Precision must stay at 100%.
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });
});
