import { describe, expect, it } from 'vitest';
import { AdvisoryMatcher, mergeIndexes, readPack, type AdvisoryIndex } from '../../../../shared/advisories';
import { shippedIndex, snapshotFile } from './helpers';

/** A pack of one real advisory republished as a later revision with a new title. */
function laterPack(): AdvisoryIndex {
  const { json } = snapshotFile('icsa-20-016-01.json');
  const csaf = JSON.parse(new TextDecoder().decode(json.bytes));
  csaf.document.title = 'Schneider Electric Modicon Controllers (Update B)';
  csaf.document.tracking.version = '3';
  csaf.document.tracking.current_release_date = '2024-02-01T00:00:00.000Z';
  const pack = readPack([
    { path: 'icsa-20-016-01.json', bytes: new TextEncoder().encode(JSON.stringify(csaf)) },
  ]);
  return { source: null, from: pack.from, to: pack.to, advisories: pack.advisories };
}

describe('merging the bundled pack with imported ones', () => {
  it('keeps every advisory once, the latest revision of each, whichever order the packs come in', () => {
    const bundled = shippedIndex();
    for (const order of [
      [bundled, laterPack()],
      [laterPack(), bundled],
    ]) {
      const merged = mergeIndexes(order);
      expect(merged.advisories).toHaveLength(bundled.advisories.length);
      const m340 = merged.advisories.find((a) => a.id === 'ICSA-20-016-01')!;
      expect([m340.revision, m340.title]).toEqual(['3', 'Schneider Electric Modicon Controllers (Update B)']);
      expect(merged.from).toBe(bundled.from);
      expect(merged.to! >= '2024-02-01').toBe(true);
    }
    // An older revision imported later does not replace the newer one.
    const older = laterPack();
    older.advisories = older.advisories.map((a) => ({ ...a, revision: '1', title: 'old' }));
    const merged = mergeIndexes([bundled, older]);
    expect(merged.advisories.find((a) => a.id === 'ICSA-20-016-01')!.title).not.toBe('old');
  });

  it('matches against the merged advisories', () => {
    const matcher = new AdvisoryMatcher(mergeIndexes([shippedIndex(), laterPack()]).advisories);
    const matches = matcher.match({
      vendor: 'Schneider Electric',
      model: 'Modicon M340 BMXP342020',
      firmware: 'SV2.70',
    });
    expect(matches.find((m) => m.advisoryId === 'ICSA-20-016-01')?.title).toBe(
      'Schneider Electric Modicon Controllers (Update B)',
    );
  });
});
