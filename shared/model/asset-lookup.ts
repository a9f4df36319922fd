import { matchesWords, normaliseForSearch, searchWords } from '../text/search';
import type { Asset } from './inventory';

export type AssetLookup =
  | { kind: 'empty' }
  | { kind: 'found'; asset: Asset }
  | { kind: 'none'; text: string }
  | { kind: 'ambiguous'; text: string; matches: Asset[] };

/** How an asset is offered in a picker: its name, with its first IP when that differs. */
export function assetPickerLabel(asset: Asset): string {
  return asset.ips[0] && asset.ips[0] !== asset.name ? `${asset.name} (${asset.ips[0]})` : asset.name;
}

/**
 * The assets a picker offers for what is typed so far: those whose name, IPs or host names hold
 * every typed word (accents and case ignored), in inventory order, at most `limit`.
 */
export function assetsMatchingQuery(assets: readonly Asset[], query: string, limit: number): Asset[] {
  const words = searchWords(query);
  const found: Asset[] = [];
  for (const asset of assets) {
    if (found.length >= limit) break;
    if (matchesWords(words, [asset.name, ...asset.ips, ...asset.hostnames])) found.push(asset);
  }
  return found;
}

/** The ways a typed text can name an asset, tried in this order; the first that matches any asset decides. */
const KEYS: readonly ((asset: Asset) => readonly string[])[] = [
  (a) => [assetPickerLabel(a)],
  (a) => [a.name],
  (a) => a.ips,
  (a) => a.hostnames,
];

/**
 * The asset a typed text names: its picker label, its exact name, one of its IPs or one of its
 * host names (accents, case and surrounding spaces ignored). A text that fits several assets in the
 * first way that fits any is ambiguous, and says which.
 */
export function lookUpAsset(assets: readonly Asset[], typed: string): AssetLookup {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const wanted = normaliseForSearch(text);
  for (const keys of KEYS) {
    const matches = assets.filter((a) => keys(a).some((k) => normaliseForSearch(k) === wanted));
    if (matches.length === 1) return { kind: 'found', asset: matches[0]! };
    if (matches.length > 1) return { kind: 'ambiguous', text, matches };
  }
  return { kind: 'none', text };
}

/** A field message for a lookup that did not find one asset, or null when it did. */
export function assetLookupMessage(lookup: AssetLookup): string | null {
  switch (lookup.kind) {
    case 'found':
      return null;
    case 'empty':
      return 'Type an asset’s name or IP address, or pick one from the list';
    case 'none':
      return `No asset is named “${lookup.text}” or has that address`;
    case 'ambiguous': {
      const names = lookup.matches.slice(0, 3).map(assetPickerLabel).join(', ');
      const more = lookup.matches.length > 3 ? ` and ${lookup.matches.length - 3} more` : '';
      return `“${lookup.text}” fits ${lookup.matches.length} assets (${names}${more}); pick one from the list`;
    }
  }
}
