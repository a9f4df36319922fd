import { AdvisoryMatcher, type AdvisoryIndex, type MatchableAsset } from '../../../../shared/advisories';

/** One asset of a blind set and the sampled advisories that truly apply to it, read by hand. */
export interface BlindCase extends MatchableAsset {
  what: string;
  affected: string[];
  /** Apply where the version is unknown (no firmware): reported possibly affected. */
  possibly?: string[];
}

/** The first blind set's draw; the second draws with another seed and leaves these out. */
export const BLIND_1_SEED = 14;

/**
 * `size` advisory ids drawn from `ids` by a fixed seed (a linear congruential generator over the
 * sorted ids, so the draw is the same on every machine), skipping `exclude`.
 */
export function sampleAdvisories(
  seed: number,
  ids: readonly string[],
  size: number,
  exclude: ReadonlySet<string> = new Set(),
): Set<string> {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sorted = [...ids].sort();
  const picked = new Set<string>();
  while (picked.size < size) {
    const id = sorted[Math.floor(random() * sorted.length)]!;
    if (!exclude.has(id)) picked.add(id);
  }
  return picked;
}

export interface BlindScore {
  precision: number;
  recall: number;
  /** One line: both figures with their counts, then each wrong answer. */
  report: string;
}

/** Precision and recall of today's matcher on the cases, counting only the sampled advisories. */
export function scoreBlindSet(
  label: string,
  index: AdvisoryIndex,
  picked: ReadonlySet<string>,
  cases: readonly BlindCase[],
): BlindScore {
  const matcher = new AdvisoryMatcher(index.advisories);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const found = matcher.match(c).filter((m) => picked.has(m.advisoryId));
    const expected = new Set([...c.affected, ...(c.possibly ?? [])]);
    for (const m of found) {
      if (expected.has(m.advisoryId)) tp++;
      else {
        fp++;
        wrong.push(`${c.vendor} ${c.model} ${c.firmware}: ${m.advisoryId} reported`);
      }
    }
    for (const id of expected) {
      if (!found.some((m) => m.advisoryId === id)) {
        fn++;
        wrong.push(`${c.vendor} ${c.model} ${c.firmware}: ${id} missed`);
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp / (tp + fn);
  const report =
    `${label} (${picked.size} sampled advisories, ${cases.length} assets): precision ${(precision * 100).toFixed(1)}% ` +
    `(${tp} of ${tp + fp} reported), recall ${(recall * 100).toFixed(1)}% (${tp} of ${tp + fn} expected)` +
    (wrong.length > 0 ? `\n  ${wrong.join('\n  ')}` : '');
  return { precision, recall, report };
}
