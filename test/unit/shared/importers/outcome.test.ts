import { describe, expect, it } from 'vitest';
import { describeOutcome, mergeIntoInventory, outcomeOf } from '../../../../shared/importers';
import { batchFor, parseFixture } from './helpers';

async function outcome(path: string, existing: Parameters<typeof mergeIntoInventory>[0] = []) {
  const parsed = await parseFixture(path);
  const merged = mergeIntoInventory(existing, parsed, batchFor(parsed.format, path));
  return { parsed, merged, outcome: outcomeOf(parsed, merged) };
}

describe('the outcome of an import in words', () => {
  it('says a links file holds connections, not assets, and why nothing came in', async () => {
    const { outcome: o } = await outcome('forescout_eyeinspect/xsoar_links.json');
    const text = describeOutcome('xsoar_links.json', o);
    expect(text.changesNothing).toBe(true);
    expect(text.headline).toBe(
      'xsoar_links.json holds 1 connection record and no assets; nothing was imported: its connections are between endpoints that are not in the inventory',
    );
    expect(text.headline).not.toContain('already');
    expect(text.lines).toEqual([
      '1 connection record: 0 new, 1 between endpoints that are not in the inventory, left out (import the matching asset export first)',
    ]);
  });

  it('predicts the merge of a file into itself: every asset already there', async () => {
    const first = await outcome('nozomi/ibm-car_query_assets.json');
    expect(first.outcome.newAssets).toBeGreaterThan(0);
    const again = await outcome('nozomi/ibm-car_query_assets.json', first.merged.added);
    const text = describeOutcome('ibm-car_query_assets.json', again.outcome, 'preview');
    expect(text.changesNothing).toBe(true);
    expect(text.headline).toMatch(
      /importing it would change nothing: every asset and connection in it is already in the inventory, unchanged$/,
    );
    expect(text.lines[0]).toMatch(/→ \d+ assets? \(0 new, \d+ already in the inventory/);
  });

  it('names records merged within one file', async () => {
    const { parsed, outcome: o } = await outcome('grassmarlin/session.gm3');
    const text = describeOutcome('session.gm3', o, 'preview');
    expect(o.newAssets).toBeLessThanOrEqual(parsed.assets.length);
    expect(text.lines[0]).toBe(
      `${parsed.assets.length} asset records → ${o.newAssets} assets (${o.newAssets} new${o.mergedRecords ? `; ${o.mergedRecords} records merged` : ''})`,
    );
  });
});
