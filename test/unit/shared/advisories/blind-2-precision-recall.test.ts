import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLIND_1_SEED, sampleAdvisories, scoreBlindSet, type BlindCase } from './blind-set';
import { shippedIndex } from './helpers';

/**
 * The second blind set, drawn the same way as the first but with another seed, leaving out the
 * first set's 40 advisories and every advisory the development set names. It was written and
 * committed before the matcher was changed against the first set's misses, and its answers come
 * from each advisory's product tree and product_status, not from the matcher. Only the sampled
 * advisories are scored. Sampled advisories without a case: Datakit's CAD libraries (inside
 * Luxion KeyShot, not on a plant inventory), Mendix applications, the Keysight test software
 * lines dated by release day, and a diabetes management program.
 */
const SEED = 62443;

const CASES: BlindCase[] = [
  {
    what: '"or prior" at its bound, a router that runs the mesh OS',
    vendor: 'ABB',
    model: 'TropOS Mesh OS',
    firmware: '8.5.2',
    affected: ['ICSA-17-318-02A'],
  },
  {
    what: 'near-negative one patch later',
    vendor: 'ABB',
    model: 'TropOS Mesh OS',
    firmware: '8.5.3',
    affected: [],
  },
  {
    what: '"prior to v1.4", not the WinCC OA server',
    vendor: 'Siemens AG',
    model: 'SIMATIC WinCC OA Operator iOS App',
    firmware: '1.3',
    affected: ['ICSA-18-109-01'],
  },
  {
    what: 'near-negative at v1.4',
    vendor: 'Siemens',
    model: 'SIMATIC WinCC OA Operator iOS App',
    firmware: '1.4',
    affected: [],
  },
  {
    what: 'patch-level version "< V3.14-P021"',
    vendor: 'Siemens',
    model: 'SIMATIC WinCC OA',
    firmware: 'V3.14-P020',
    affected: ['ICSA-18-254-04'],
  },
  {
    what: 'near-negative at the fixed patch',
    vendor: 'Siemens',
    model: 'SIMATIC WinCC OA',
    firmware: 'V3.14-P021',
    affected: [],
  },
  {
    what: 'near-negative: a later release line',
    vendor: 'Siemens',
    model: 'WinCC OA',
    firmware: 'V3.16',
    affected: [],
  },
  {
    what: '"Version 1.89 or prior" at its bound',
    vendor: 'Delta Electronics, Inc.',
    model: 'TPEditor',
    firmware: '1.89',
    affected: ['ICSA-18-137-04'],
  },
  {
    what: 'near-negative at 1.90',
    vendor: 'Delta Electronics',
    model: 'TPEditor',
    firmware: '1.90',
    affected: [],
  },
  {
    what: 'four-part version "and prior", vendor in capitals',
    vendor: 'OMRON Corporation',
    model: 'CX-Supervisor',
    firmware: '3.4.1.0',
    affected: ['ICSA-18-290-01'],
  },
  {
    what: 'near-negative above the bound',
    vendor: 'Omron',
    model: 'CX-Supervisor',
    firmware: '3.4.2',
    affected: [],
  },
  {
    what: '"1.7.1 and prior"',
    vendor: 'ABB',
    model: 'CMS-770',
    firmware: '1.7.1',
    affected: ['ICSA-18-352-06'],
  },
  {
    what: 'no firmware, a range',
    vendor: 'ABB',
    model: 'CMS-770',
    firmware: null,
    affected: [],
    possibly: ['ICSA-18-352-06'],
  },
  {
    what: 'advisory vendor "Schneider Electric Software, LLC", alias Schneider',
    vendor: 'Schneider',
    model: 'Zelio Soft 2',
    firmware: '5.1',
    affected: ['ICSA-19-190-03'],
  },
  {
    what: 'near-negative above 5.2',
    vendor: 'Schneider Electric',
    model: 'Zelio Soft 2',
    firmware: '5.3',
    affected: [],
  },
  {
    what: '"all versions prior to 8.0.0"',
    vendor: 'Schneider Electric',
    model: 'ProClima',
    firmware: '7.9.1',
    affected: ['ICSA-19-295-01'],
  },
  {
    what: 'near-negative at 8.0.0',
    vendor: 'Schneider Electric',
    model: 'ProClima',
    firmware: '8.0.0',
    affected: [],
  },
  {
    what: 'camera model number, build-style firmware',
    vendor: 'Honeywell',
    model: 'H4W2GR1',
    firmware: '1.000.HW00.19.20190601',
    affected: ['ICSA-19-304-04'],
  },
  {
    what: 'camera with no firmware',
    vendor: 'Honeywell International',
    model: 'HRHT4041',
    firmware: null,
    affected: [],
    possibly: ['ICSA-19-304-04'],
  },
  {
    what: 'RTU with its model number, "5.0 and prior"',
    vendor: 'Synergy Systems & Solutions',
    model: 'HUSKY RTU 6049-E70',
    firmware: '5.0',
    affected: ['ICSA-20-042-01'],
  },
  {
    what: '"3.16.00 through 3.25.01"',
    vendor: 'Triangle MicroWorks',
    model: 'DNP3 Outstation Libraries',
    firmware: '3.20.00',
    affected: ['ICSA-20-105-02'],
  },
  {
    what: 'near-negative below the lower bound',
    vendor: 'Triangle MicroWorks',
    model: 'DNP3 Outstation Libraries',
    firmware: '3.15.00',
    affected: [],
  },
  {
    what: 'near-negative above the upper bound',
    vendor: 'Triangle MicroWorks',
    model: 'DNP3 Outstation Libraries',
    firmware: '3.26.00',
    affected: [],
  },
  {
    what: '"All versions < V2.05"',
    vendor: 'Siemens',
    model: 'SICAM MMU',
    firmware: 'V2.04',
    affected: ['ICSA-20-196-03'],
  },
  { what: 'near-negative at V2.05', vendor: 'Siemens', model: 'SICAM MMU', firmware: 'V2.05', affected: [] },
  {
    what: 'all versions, no firmware',
    vendor: 'Siemens',
    model: 'SICAM SGU',
    firmware: null,
    affected: ['ICSA-20-196-03'],
  },
  { what: 'near-negative at V2.18', vendor: 'Siemens', model: 'SICAM T', firmware: 'V2.18', affected: [] },
  {
    what: 'slash in the product name, "9.0.1 and prior"',
    vendor: 'Advantech',
    model: 'WebAccess/SCADA',
    firmware: '9.0.1',
    affected: ['ICSA-21-103-02'],
  },
  {
    what: 'near-negative at 9.0.2',
    vendor: 'Advantech',
    model: 'WebAccess/SCADA',
    firmware: '9.0.2',
    affected: [],
  },
  {
    what: '"< V3.0"',
    vendor: 'Siemens',
    model: 'SINEMA Remote Connect Server',
    firmware: 'V2.1',
    affected: ['ICSA-21-103-08'],
  },
  {
    what: 'near-negative at V3.0',
    vendor: 'Siemens',
    model: 'SINEMA Remote Connect Server',
    firmware: 'V3.0',
    affected: [],
  },
  {
    what: 'release names "2020 R2" as exact versions',
    vendor: 'Siemens',
    model: 'Siveillance Video Open Network Bridge',
    firmware: '2020 R2',
    affected: ['ICSA-21-103-15'],
  },
  {
    what: 'near-negative: a release the advisory does not list',
    vendor: 'Siemens',
    model: 'Siveillance Video Open Network Bridge',
    firmware: '2021 R1',
    affected: [],
  },
  {
    what: 'HMI model with a zero-padded version "and prior"',
    vendor: 'Mitsubishi Electric',
    model: 'GT2107-WTSD',
    firmware: '01.40.000',
    affected: ['ICSA-21-112-02'],
  },
  {
    what: 'near-negative one release later',
    vendor: 'Mitsubishi Electric',
    model: 'GT2107-WTSD',
    firmware: '01.41.000',
    affected: [],
  },
  {
    what: 'a GT25 model named by the series "GT25 model"',
    vendor: 'Mitsubishi',
    model: 'GT2510-VTBA',
    firmware: '01.39.010',
    affected: ['ICSA-21-112-02'],
  },
  {
    what: 'all versions, no firmware',
    vendor: 'Siemens',
    model: 'SINAMICS SL150',
    firmware: null,
    affected: ['ICSA-21-131-13'],
  },
  {
    what: 'near-negative: another SINAMICS drive, only the brand in common',
    vendor: 'Siemens',
    model: 'SINAMICS G120',
    firmware: 'V4.7',
    affected: [],
  },
  {
    what: '"prior to v1.1.0"',
    vendor: 'Delta Electronics',
    model: 'DIAScreen',
    firmware: '1.0.9',
    affected: ['ICSA-21-208-05'],
  },
  {
    what: 'near-negative at v1.1.0',
    vendor: 'Delta Electronics',
    model: 'DIAScreen',
    firmware: '1.1.0',
    affected: [],
  },
  {
    what: '"v7 v7.20 … v7.70" list, one listed',
    vendor: 'FANUC',
    model: 'R-30iA Mate',
    firmware: 'V7.63',
    affected: ['ICSA-21-243-02'],
  },
  {
    what: 'near-negative: a later controller version',
    vendor: 'FANUC',
    model: 'R-30iA',
    firmware: 'V8.10',
    affected: [],
  },
  {
    what: '"1.13 and prior"',
    vendor: 'FATEK Automation',
    model: 'Communication Server',
    firmware: '1.13',
    affected: ['ICSA-21-280-07'],
  },
  {
    what: 'near-negative at 1.14',
    vendor: 'FATEK',
    model: 'Communication Server',
    firmware: '1.14',
    affected: [],
  },
  {
    what: '"prior to v4.0.12.0"',
    vendor: 'Fuji Electric',
    model: 'V-Server Lite',
    firmware: '4.0.11.0',
    affected: ['ICSA-21-299-01'],
  },
  {
    what: 'near-negative at v4.0.12.0',
    vendor: 'Fuji Electric',
    model: 'V-Server Lite',
    firmware: '4.0.12.0',
    affected: [],
  },
  {
    what: 'two vendors on one product, no firmware',
    vendor: 'Red Lion Controls',
    model: 'DA50N',
    firmware: null,
    affected: ['ICSA-22-104-03'],
  },
  {
    what: 'slash list of CPU types "XGK-CPUU/H/A/S/E"',
    vendor: 'LS Electric',
    model: 'XGK-CPUH',
    firmware: 'V3.40',
    affected: ['ICSA-22-228-02'],
  },
  {
    what: 'near-negative at V3.50',
    vendor: 'LS ELECTRIC',
    model: 'XGK-CPUU',
    firmware: 'V3.50',
    affected: [],
  },
  {
    what: 'engineering software of the same advisory',
    vendor: 'LS ELECTRIC',
    model: 'XG5000',
    firmware: 'V3.9',
    affected: ['ICSA-22-228-02'],
  },
  {
    what: '"version 2.2 and earlier"',
    vendor: 'Hitachi Energy',
    model: 'MSM',
    firmware: '2.2',
    affected: ['ICSA-22-242-03'],
  },
  { what: 'near-negative at 2.3', vendor: 'Hitachi Energy', model: 'MSM', firmware: '2.3', affected: [] },
  {
    what: '"All versions prior to v9.78"',
    vendor: 'OMRON',
    model: 'CX-Programmer',
    firmware: '9.77',
    affected: ['ICSA-22-242-09'],
  },
  { what: 'near-negative at v9.78', vendor: 'Omron', model: 'CX-Programmer', firmware: '9.78', affected: [] },
  {
    what: 'vers: "<V4.3.8" in a 60-product advisory',
    vendor: 'Siemens',
    model: 'RUGGEDCOM RS416',
    firmware: 'V4.3.7',
    affected: ['ICSA-22-314-05'],
  },
  {
    what: 'near-negative at V4.3.8',
    vendor: 'Siemens',
    model: 'RUGGEDCOM RS416',
    firmware: 'V4.3.8',
    affected: [],
  },
  {
    what: 'the NC variant: all versions',
    vendor: 'Siemens',
    model: 'RUGGEDCOM RS416NC',
    firmware: 'V4.3.8',
    affected: ['ICSA-22-314-05'],
  },
  {
    what: 'order number and "< V3.2.7"',
    vendor: 'Siemens',
    model: 'SCALANCE X204RNA EEC (PRP) 6GK5204-0BS00-3LA3',
    firmware: 'V3.2.6',
    affected: ['ICSA-22-349-21'],
  },
  {
    what: 'no order number, every variant below V3.2.7',
    vendor: 'Siemens',
    model: 'SCALANCE X204RNA',
    firmware: 'V3.2.6',
    affected: ['ICSA-22-349-21'],
  },
  {
    what: 'near-negative at V3.2.7',
    vendor: 'Siemens',
    model: 'SCALANCE X204RNA',
    firmware: 'V3.2.7',
    affected: [],
  },
  {
    what: 'vers: "<V17 Update 6" with an Update suffix',
    vendor: 'Siemens',
    model: 'TIA Portal V17',
    firmware: 'V17 Update 5',
    affected: ['ICSA-23-103-08'],
  },
  {
    what: 'near-negative at V17 Update 6',
    vendor: 'Siemens',
    model: 'TIA Portal V17',
    firmware: 'V17 Update 6',
    affected: [],
  },
  {
    what: 'order number, "vers:all/<V2.2"',
    vendor: 'Siemens',
    model: 'SCALANCE XCM332',
    firmware: 'V2.1',
    affected: ['ICSA-23-103-09'],
  },
  {
    what: 'near-negative at V2.2',
    vendor: 'Siemens',
    model: 'SCALANCE XCM332',
    firmware: 'V2.2',
    affected: [],
  },
  {
    what: 'build number "<=2.1.7351"',
    vendor: 'Keysight',
    model: 'N8844A Data Analytics Web Service',
    firmware: '2.1.7350',
    affected: ['ICSA-23-115-01'],
  },
  {
    what: 'feature pack and hotfix "<= 9.4 FP2 Hotfix 5"',
    vendor: 'Hitachi Energy',
    model: 'MicroSCADA Pro SYS600',
    firmware: '9.4 FP2',
    affected: ['ICSA-23-138-03'],
  },
  {
    what: '"<= 10.1.1" at its bound',
    vendor: 'Hitachi Energy',
    model: 'MicroSCADA X SYS600',
    firmware: '10.1.1',
    affected: ['ICSA-23-138-03'],
  },
  {
    what: 'near-negative at 10.2',
    vendor: 'Hitachi Energy',
    model: 'MicroSCADA X SYS600',
    firmware: '10.2',
    affected: [],
  },
  {
    what: '"Version v1.0" exact, a "Series" product name',
    vendor: 'Moxa',
    model: 'MXsecurity',
    firmware: 'v1.0',
    affected: ['ICSA-23-145-01'],
  },
  { what: 'near-negative: v1.1', vendor: 'Moxa', model: 'MXsecurity', firmware: 'v1.1', affected: [] },
  {
    what: 'exact version v6.11.0, alias Allen-Bradley',
    vendor: 'Allen-Bradley',
    model: 'FactoryTalk Policy Manager',
    firmware: '6.11.0',
    affected: ['ICSA-23-164-02'],
  },
  {
    what: 'near-negative: another version of it',
    vendor: 'Rockwell Automation',
    model: 'FactoryTalk Policy Manager',
    firmware: '6.30.0',
    affected: [],
  },
  {
    what: 'a model the advisory names as a pattern "FX3U-xMy/z x=16,32,…"',
    vendor: 'Mitsubishi Electric',
    model: 'FX3U-32MR/ES',
    firmware: null,
    affected: ['ICSA-23-180-04'],
  },
  {
    what: 'a model the advisory names outright',
    vendor: 'Mitsubishi Electric',
    model: 'FX3UC-32MT-LT-2',
    firmware: null,
    affected: ['ICSA-23-180-04'],
  },
  {
    what: '">= 3.2 | < 6.1" range',
    vendor: 'TEL-STER',
    model: 'TelWin SCADA WebInterface',
    firmware: '5.0',
    affected: ['ICSA-23-215-03'],
  },
  {
    what: 'near-negative between the ranges',
    vendor: 'TEL-STER',
    model: 'TelWin SCADA WebInterface',
    firmware: '6.5',
    affected: [],
  },
  {
    what: 'a listed version "8.0 | 9.0"',
    vendor: 'TEL-STER',
    model: 'TelWin SCADA WebInterface',
    firmware: '8.0',
    affected: ['ICSA-23-215-03'],
  },
  {
    what: 'a transmitter module named in free text, no firmware',
    vendor: 'Mirion Technologies',
    model: 'DMC 3000 Transmitter Module',
    firmware: null,
    affected: ['ICSA-17-208-02'],
  },
];

/** The advisories the development set (precision-recall.test.ts) names: not to be drawn again. */
function developmentIds(): Set<string> {
  const text = readFileSync(new URL('./precision-recall.test.ts', import.meta.url), 'utf8');
  return new Set(text.match(/ICS[A-Z]*-\d{2}-\d{3}-\d{2}[A-Z]?/g));
}

describe('matching precision and recall on a second blind set of 40 sampled advisories', () => {
  it('reports both figures on advisories neither the matcher nor the first blind set looked at', () => {
    const index = shippedIndex();
    const ids = index.advisories.map((a) => a.id);
    const first = sampleAdvisories(BLIND_1_SEED, ids, 40);
    const picked = sampleAdvisories(SEED, ids, 40, new Set([...first, ...developmentIds()]));
    for (const c of CASES)
      for (const id of [...c.affected, ...(c.possibly ?? [])]) expect(picked).toContain(id);
    const { precision, recall, report } = scoreBlindSet(`blind set 2 (seed ${SEED})`, index, picked, CASES);
    console.log(report);
    // First measured with the matcher as it was when this set was committed: precision 90.2%
    // (37 of 41), recall 80.4% (37 of 46). After the general grammar and product fixes: 100% and
    // 82.6%. Precision must stay at 100%; the printed misses are the matcher's known gaps.
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.82);
  });
});
