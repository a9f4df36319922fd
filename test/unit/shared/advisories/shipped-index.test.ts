import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AdvisoryMatcher,
  buildIndexFromArchive,
  decodeIndex,
  encodeIndex,
} from '../../../../shared/advisories';
import { parseInventory } from '../../../../shared/importers';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { INDEX_PATH, SNAPSHOT_PATH, shippedIndex } from './helpers';

describe('the shipped advisory index', () => {
  it('is exactly what scripts/build-advisory-index.ts builds from the shipped snapshot', () => {
    const { index, pack } = buildIndexFromArchive(
      'cisa-csaf-ot-2017-2023.tar.gz',
      new Uint8Array(readFileSync(SNAPSHOT_PATH)),
    );
    expect(pack.problems).toEqual([]);
    expect(pack.verified).toBe(2035);
    expect(shippedIndex()).toEqual(index);
    expect(decodeIndex(encodeIndex(index))).toEqual(index);
  });

  it('holds the 2,035 advisories of 2017 to 2023, compactly', () => {
    const index = shippedIndex();
    expect(index.advisories).toHaveLength(2035);
    expect(index.from).toBe('2017-01-09');
    expect(index.advisories.some((a) => a.id === 'ICSA-17-010-01A' || a.id === 'ICSA-17-010-01')).toBe(true);
    expect(index.advisories.at(-1)!.id).toMatch(/^ICSMA-23-/);
    expect(readFileSync(INDEX_PATH).length).toBeLessThan(1_000_000);
  });
});

describe('the real samples', () => {
  const matcher = new AdvisoryMatcher(shippedIndex().advisories);

  it('flags the Modicon M340 of the Nozomi export', async () => {
    const fixture = join(import.meta.dirname, '../../../fixtures/importers/nozomi/ibm-car_query_assets.json');
    const parsed = await parseInventory({
      name: 'ibm-car_query_assets.json',
      bytes: new Uint8Array(readFileSync(fixture)),
    });
    const m340 = parsed.assets.find((a) => /M340/.test(a.model ?? ''))!;
    expect(m340).toMatchObject({ vendor: 'Schneider Electric', firmware: expect.stringMatching(/2\.9/) });
    const matches = matcher.match(m340);
    expect(matches.map((m) => m.advisoryId)).toContain('ICSA-20-016-01');
    expect(matches.find((m) => m.advisoryId === 'ICSA-20-016-01')).toMatchObject({
      status: 'affected',
      confidence: 'version-in-range',
    });
    expect(matches.map((m) => m.advisoryId)).not.toContain('ICSA-17-054-03');
  });

  it('flags the S7-1516 of the rich assessment', async () => {
    const data = await richAssessment();
    const s7 = data.assets.find((a) => a.model === 'S7-1516')!;
    const matches = matcher.match(s7);
    expect(matches.find((m) => m.advisoryId === 'ICSA-23-257-01')).toMatchObject({
      status: 'affected',
      cvss: expect.any(Number),
    });
  });
});
