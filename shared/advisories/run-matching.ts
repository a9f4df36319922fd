import type { AdvisoryIndex } from './index-file';
import type { AliasEdit } from '../vendors/normalise';
import { AdvisoryMatcher, type AdvisoryMatch, type MatchableAsset } from './match';

export interface MatchRunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; a true answer stops the run. */
  cancelled?: () => boolean;
  chunk?: number;
  /** The assessor's aliases (only the vendor ones count), over the built-in vendor table. */
  vendorAliases?: readonly AliasEdit[];
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
  const matcher = new AdvisoryMatcher(index.advisories, kev, options.vendorAliases);
  const chunk = options.chunk ?? 2000;
  // vendor → model → firmware: nested maps, so no joined key string is built and hashed per asset.
  const seen = new Map<string, Map<string, Map<string, AdvisoryMatch[]>>>();
  const out = new Map<string, AdvisoryMatch[]>();
  for (let start = 0; start < assets.length; start += chunk) {
    if (options.cancelled?.()) return null;
    for (const asset of assets.slice(start, start + chunk)) {
      const byFirmware = firmwareMap(seen, asset.vendor ?? '', asset.model ?? '');
      let matches = byFirmware.get(asset.firmware ?? '');
      if (!matches) {
        matches = matcher.match(asset);
        byFirmware.set(asset.firmware ?? '', matches);
      }
      if (matches.length > 0) out.set(asset.id, matches);
    }
    options.onProgress?.(Math.min(assets.length, start + chunk), assets.length);
  }
  return out;
}

function firmwareMap<T>(
  seen: Map<string, Map<string, Map<string, T>>>,
  vendor: string,
  model: string,
): Map<string, T> {
  let byModel = seen.get(vendor);
  if (!byModel) seen.set(vendor, (byModel = new Map()));
  let byFirmware = byModel.get(model);
  if (!byFirmware) byModel.set(model, (byFirmware = new Map()));
  return byFirmware;
}
