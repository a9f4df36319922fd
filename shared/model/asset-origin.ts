import type { Asset } from './inventory';

/**
 * Where an asset's existence rests: a sensor's inventory export, only packet captures (an endpoint
 * seen in traffic, which nothing has identified), or the assessor's hand. Derived from its sources,
 * so assets stored before this class existed fall into it, and a capture endpoint that a sensor
 * export later names becomes a sensor asset.
 */
export type AssetOrigin = 'sensor' | 'traffic' | 'manual';

/** The source formats of packet captures (shared/traffic CAPTURE_FORMAT). */
export const TRAFFIC_FORMATS: ReadonlySet<string> = new Set(['pcap']);

export const ASSET_ORIGIN_LABELS: Record<AssetOrigin, string> = {
  sensor: 'Sensor',
  traffic: 'Seen in traffic',
  manual: 'By hand',
};

/** A sensor's word outweighs the assessor's, which outweighs a capture's. */
export function assetOrigin(asset: Pick<Asset, 'sources'>): AssetOrigin {
  let traffic = false;
  let manual = asset.sources.length === 0;
  for (const { format } of asset.sources) {
    if (TRAFFIC_FORMATS.has(format)) traffic = true;
    else if (format === 'manual') manual = true;
    else return 'sensor';
  }
  return manual || !traffic ? 'manual' : 'traffic';
}

/** How many assets of each origin. */
export function countOrigins(assets: readonly Pick<Asset, 'sources'>[]): Record<AssetOrigin, number> {
  const counts: Record<AssetOrigin, number> = { sensor: 0, traffic: 0, manual: 0 };
  for (const asset of assets) counts[assetOrigin(asset)]++;
  return counts;
}
