import { describe, expect, it } from 'vitest';
import { AdvisoryMatcher, type MatchableAsset, type MatchStatus } from '../../../../shared/advisories';
import { shippedIndex } from './helpers';

/**
 * An inventory built from real advisories of the shipped pack, with the advisories that truly
 * apply to each asset worked out by hand from the advisories' product trees (not by the matcher).
 * `possibly` lists those that apply only where the asset's variant or version is unknown.
 */
interface Case extends MatchableAsset {
  what: string;
  affected: string[];
  possibly?: string[];
}

const S7_1516_V294 = [
  'ICSA-19-344-06', // S7-1500 CPU family, versions 2.8.1 and later (CVE-2019-10943)
  'ICSA-22-167-14', // S7-1500 CPU family < V3.0.1
  'ICSA-22-314-02',
  'ICSA-22-349-03',
  'ICSA-23-012-08',
  'ICSA-23-222-07', // 1516-3 PN/DP: 3AN00 all versions, 3AN01/3AN02 < V2.9.7
  'ICSA-23-222-09',
  'ICSA-23-257-01',
  'ICSA-23-348-09',
];
const M340_ALL_VERSIONS = [
  'ICSA-18-086-01',
  'ICSA-19-136-01',
  'ICSA-21-005-01',
  'ICSA-21-194-02',
  'ICSA-23-227-01',
];
const SCALANCE_X204_2 = [
  // SCALANCE X-200 switch family
  'ICSA-17-129-02',
  'ICSA-18-163-02',
  'ICSA-18-165-01',
  'ICSA-19-162-04',
  'ICSA-20-042-07',
  'ICSA-21-012-02',
  'ICSA-21-012-05',
  // SCALANCE X204-2 by name
  'ICSA-19-085-01',
  'ICSA-20-042-04',
  'ICSA-20-105-07',
  'ICSA-21-103-07',
  'ICSA-21-194-03',
  'ICSA-22-195-01',
  'ICSA-22-286-15',
  'ICSA-23-103-13',
];

const INVENTORY: Case[] = [
  {
    what: 'vers: ranges and a family advisory (the rich fixture S7-1516)',
    vendor: 'Siemens',
    model: 'S7-1516',
    firmware: 'V2.9.4',
    affected: S7_1516_V294,
  },
  {
    what: 'the same CPU as a sensor spells it, firmware with leading zeros',
    vendor: 'Siemens AG',
    model: 'SIMATIC S7-1500 CPU 1516-3 PN/DP',
    firmware: 'v02.09.04',
    affected: S7_1516_V294,
  },
  {
    what: 'near-negative: order number 3AN01 at the fixed V2.9.7',
    vendor: 'SIEMENS',
    model: 'CPU 1516-3 PN/DP 6ES7516-3AN01-0AB0',
    firmware: 'V2.9.7',
    // 3AN01 all versions in these; 23-222-07/-09 and 23-257-01 are fixed at V2.9.7.
    affected: [
      'ICSA-19-344-06',
      'ICSA-22-167-14',
      'ICSA-22-314-02',
      'ICSA-22-349-03',
      'ICSA-23-012-08',
      'ICSA-23-348-09',
    ],
  },
  {
    what: 'free-text "prior to v3.01" and a near-negative at the fixed 2.9 (Nozomi spelling)',
    vendor: 'Schneider Electric',
    model: 'BMXP342020 Modicon M340 Processor Module',
    firmware: 'v2.9',
    // Not ICSA-17-054-03: "M340 CPUs with firmware prior to v2.9".
    affected: [...M340_ALL_VERSIONS, 'ICSA-19-183-01', 'ICSA-20-016-01', 'ICSA-23-201-01'],
  },
  {
    what: 'vendor alias in the model text (Forescout "Schneider M340"), near-negative at the fixed 3.01',
    vendor: null,
    model: 'Schneider M340',
    firmware: '3.01',
    // Not ICSA-19-183-01 / ICSA-20-016-01 (< 3.01) nor ICSA-17-054-03 (< 2.9).
    affected: [...M340_ALL_VERSIONS, 'ICSA-23-201-01'],
  },
  {
    what: 'alias Allen-Bradley, free-text "and earlier" and "and below"',
    vendor: 'Allen-Bradley',
    model: 'MicroLogix 1400',
    firmware: '21.003',
    // Not ICSA-18-009-01 (Series B and C: 21.002 and earlier).
    affected: ['ICSA-18-310-02', 'ICSA-21-033-01', 'ICSA-21-145-02', 'ICSA-22-188-01', 'ICSA-22-354-04'],
    // Series A, all versions (Series B only to 15.002): the series decides.
    possibly: ['ICSA-19-113-01'],
  },
  {
    what: 'catalogue number with the product line, span "V28 - V32", exact versions that do not apply',
    vendor: 'Rockwell Automation / Allen-Bradley',
    model: '1756-L83E ControlLogix 5580',
    firmware: '32.011',
    // Not ICSA-17-094-05 (exactly V28.011-V28.013 and V29.011).
    affected: ['ICSA-22-090-05', 'ICSA-22-090-07', 'ICSA-22-144-01', 'ICSA-22-342-03', 'ICSA-23-026-06'],
  },
  {
    what: 'exact version listed',
    vendor: 'MOXA',
    model: 'NPort 5110',
    firmware: '2.6',
    affected: ['ICSA-17-320-01'],
  },
  {
    what: 'near-negative: an exact version the advisory does not list',
    vendor: 'Moxa Inc.',
    model: 'NPort 5110',
    firmware: '2.5',
    affected: [],
  },
  {
    what: 'no firmware: all-versions advisories apply, ranged ones possibly',
    vendor: 'Siemens',
    model: 'SCALANCE X204-2',
    firmware: null,
    affected: ['ICSA-21-194-12', 'ICSA-22-167-14'],
    possibly: SCALANCE_X204_2,
  },
  {
    what: 'no firmware, catalogue spelling',
    vendor: 'Rockwell',
    model: 'ControlLogix 5580',
    firmware: '',
    affected: ['ICSA-22-090-05', 'ICSA-22-090-07'],
    possibly: ['ICSA-17-094-05', 'ICSA-22-144-01', 'ICSA-22-342-03', 'ICSA-23-026-06'],
  },
  { what: 'family token alone', vendor: 'Siemens', model: 'S7-1500', firmware: 'V2.9.4', affected: [] },
  { what: 'family token alone', vendor: 'Siemens', model: 'SIMATIC S7', firmware: 'V2.9.4', affected: [] },
  {
    what: 'family word alone',
    vendor: 'Schneider Electric',
    model: 'Modicon',
    firmware: '2.9',
    affected: [],
  },
  { what: 'no model', vendor: 'Siemens', model: null, firmware: 'V2.9.4', affected: [] },
  {
    what: 'a vendor the pack does not know',
    vendor: 'Acme Controls',
    model: 'S7-1516',
    firmware: 'V2.9.4',
    affected: [],
  },
];

describe('matching precision and recall on an inventory built from the shipped pack', () => {
  const matcher = new AdvisoryMatcher(shippedIndex().advisories);
  const results = INVENTORY.map((item) => ({ item, matches: matcher.match(item) }));

  it('finds what applies and little else', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const misses: string[] = [];
    for (const { item, matches } of results) {
      const expected = new Set([...item.affected, ...(item.possibly ?? [])]);
      const found = new Set(matches.map((m) => m.advisoryId));
      for (const id of found) {
        if (expected.has(id)) truePositives++;
        else {
          falsePositives++;
          misses.push(`${item.model} ${item.firmware}: ${id} reported`);
        }
      }
      for (const id of expected) {
        if (!found.has(id)) {
          falseNegatives++;
          misses.push(`${item.model} ${item.firmware}: ${id} missed`);
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `advisory matching on ${INVENTORY.length} assets: precision ${(precision * 100).toFixed(1)}% ` +
        `(${truePositives} of ${truePositives + falsePositives} reported), recall ${(recall * 100).toFixed(1)}% ` +
        `(${truePositives} of ${truePositives + falseNegatives} expected)` +
        (misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''),
    );
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('says affected where the firmware is in range and possibly affected where it is not known', () => {
    const wrong: string[] = [];
    for (const { item, matches } of results) {
      for (const match of matches) {
        const want: MatchStatus | null = item.affected.includes(match.advisoryId)
          ? 'affected'
          : item.possibly?.includes(match.advisoryId)
            ? 'possibly-affected'
            : null;
        if (want && want !== match.status)
          wrong.push(`${item.model} ${match.advisoryId}: ${match.status}, want ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('explains each match with the product branch and the range text', () => {
    const [s7] = results;
    const match = s7!.matches.find((m) => m.advisoryId === 'ICSA-23-257-01')!;
    expect(match.confidence).toBe('version-in-range');
    expect(match.why).toBe(
      'Siemens / SIMATIC S7-1500 CPU 1516-3 PN/DP (6ES7516-3AN01-0AB0), versions "vers:all/<V2.9.7": firmware V2.9.4 is in range',
    );
    const scalance = results.find((r) => r.item.model === 'SCALANCE X204-2')!;
    const unknown = scalance.matches.find((m) => m.advisoryId === 'ICSA-19-085-01')!;
    expect(unknown).toMatchObject({ status: 'possibly-affected', confidence: 'version-unknown' });
    expect(unknown.why).toMatch(/versions "< V5\.2\.6": the asset has no firmware version$/);
  });
});
