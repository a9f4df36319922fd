import type { Asset } from '../../../shared/model';
import { normaliseForSearch, searchWords } from '../../../shared/text/search';

/** What the diagram's asset lists narrow by: words to find, and a vendor and a type to keep. */
export interface AssetQuery {
  text: string;
  vendor: string;
  type: string;
}

export const ANY_ASSET: AssetQuery = { text: '', vendor: '', type: '' };

/** The assets every word of the query finds (in name, address, vendor, model, type), of the chosen vendor and type. */
export function searchAssets(assets: readonly Asset[], query: AssetQuery): readonly Asset[] {
  const words = searchWords(query.text);
  if (words.length === 0 && !query.vendor && !query.type) return assets;
  return assets.filter((asset) => {
    if (query.vendor && asset.vendor !== query.vendor) return false;
    if (query.type && asset.type !== query.type) return false;
    if (words.length === 0) return true;
    const haystack = normaliseForSearch(
      [asset.name, ...asset.ips, ...asset.macs, asset.vendor, asset.model, asset.type, ...asset.hostnames]
        .filter(Boolean)
        .join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** The vendors and types present, sorted, for the filter menus. */
export function assetFacets(assets: readonly Asset[]): { vendors: string[]; types: string[] } {
  const vendors = new Set<string>();
  const types = new Set<string>();
  for (const asset of assets) {
    if (asset.vendor) vendors.add(asset.vendor);
    if (asset.type) types.add(asset.type);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { vendors: sorted(vendors), types: sorted(types) };
}
