import type { AdvisoryIndex } from './index-file';
import { AdvisoryMatcher, type AdvisoryMatch, type MatchableAsset } from './match';

export interface MatchRunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; a true answer stops the run. */
  cancelled?: () => boolean;
  chunk?: number;
}

/**
 * Matches many assets, reporting progress per chunk. Assets with the same vendor, model and
 * firmware are matched once (a plant has hundreds of identical I/O modules).
 */
export function matchAssets<T extends MatchableAsset & { id: string }>(
  index: Pick<AdvisoryIndex, 'advisories'>,
  kev: ReadonlySet<string>,
  assets: readonly T[],
  options: MatchRunOptions = {},
): Map<string, AdvisoryMatch[]> | null {
  const matcher = new AdvisoryMatcher(index.advisories, kev);
  const chunk = options.chunk ?? 2000;
  const seen = new Map<string, AdvisoryMatch[]>();
  const out = new Map<string, AdvisoryMatch[]>();
  for (let start = 0; start < assets.length; start += chunk) {
    if (options.cancelled?.()) return null;
    for (const asset of assets.slice(start, start + chunk)) {
      const key = `${asset.vendor ?? ''}\u0000${asset.model ?? ''}\u0000${asset.firmware ?? ''}`;
      let matches = seen.get(key);
      if (!matches) {
        matches = matcher.match(asset);
        seen.set(key, matches);
      }
      if (matches.length > 0) out.set(asset.id, matches);
    }
    options.onProgress?.(Math.min(assets.length, start + chunk), assets.length);
  }
  return out;
}
