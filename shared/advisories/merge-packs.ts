import { compareRevisions } from './csaf';
import type { AdvisoryIndex } from './index-file';
import type { Advisory } from './types';

function newer(a: Advisory, b: Advisory): boolean {
  const order = compareRevisions(a.revision, b.revision);
  return order > 0 || (order === 0 && a.currentRelease > b.currentRelease);
}

/**
 * The advisories of several packs (the bundled one and those the assessor imported) as one index:
 * of one tracking id the latest revision wins, whichever pack holds it, so an imported pack with
 * only the newer advisories adds to the bundled one instead of replacing it.
 */
export function mergeIndexes(indexes: readonly AdvisoryIndex[]): AdvisoryIndex {
  const byId = new Map<string, Advisory>();
  for (const index of indexes) {
    for (const advisory of index.advisories) {
      const known = byId.get(advisory.id);
      if (!known || newer(advisory, known)) byId.set(advisory.id, advisory);
    }
  }
  const dates = indexes
    .flatMap((i) => [i.from, i.to])
    .filter((d): d is string => d !== null)
    .sort();
  return {
    source: null,
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    advisories: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
