import { describe, expect, it } from 'vitest';
import type { Vulnerability } from '../../../../../shared/model';
import {
  filterFromIntent,
  NO_FILTER,
  passes,
} from '../../../../../renderer/features/vulnerabilities/filters';

const record = (patch: Partial<Vulnerability>): Vulnerability =>
  ({
    id: 'v1',
    assessmentId: 'a1',
    assetId: 'asset-1',
    advisoryId: 'ICSA-23-257-01',
    title: 'Siemens SIMATIC S7-1500 CPU family',
    cves: ['CVE-2023-28831', 'CVE-2022-1292'],
    cvss: 7.5,
    kev: false,
    status: 'affected',
    confidence: 'version-in-range',
    decision: null,
    ...patch,
  }) as Vulnerability;

describe('the Vulnerabilities filter', () => {
  const v = record({});

  it('finds a match by advisory id, title words, CVE or asset name, accents and case ignored', () => {
    const by = (text: string, asset: string | null = 'Presse Münster PLC') =>
      passes(v, { ...NO_FILTER, text }, asset);
    expect(by('icsa-23-257')).toBe(true);
    expect(by('simatic 1500')).toBe(true);
    expect(by('cve-2022-1292')).toBe(true);
    expect(by('munster')).toBe(true);
    expect(by('munster', null)).toBe(false);
    expect(by('CVE-2021')).toBe(false);
    expect(by('simatic rockwell')).toBe(false);
    expect(by('   ')).toBe(true);
  });

  it('opens on the undecided matches when a link asks for them', () => {
    const undecided = filterFromIntent({ decision: 'undecided' });
    expect(undecided).toEqual({ ...NO_FILTER, decision: 'undecided' });
    expect(passes(v, undecided)).toBe(true);
    expect(passes(record({ decision: 'accept' }), undecided)).toBe(false);
    expect(filterFromIntent({})).toEqual(NO_FILTER);
  });
});
