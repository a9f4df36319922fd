import type { Asset, EndpointRef, Zone } from '../../../shared/model';

/** An endpoint in words: the asset's name and first IP, the zone's name, or the text itself. */
export function describeEndpoint(
  end: EndpointRef,
  zones: ReadonlyMap<string, Zone>,
  assets: ReadonlyMap<string, Asset>,
): string {
  if (end.kind === 'text') return end.text;
  if (end.kind === 'zone') return `Zone ${zones.get(end.zoneId)?.name ?? '(deleted)'}`;
  const asset = assets.get(end.assetId);
  if (!asset) return 'Asset (deleted)';
  return asset.ips[0] && asset.name !== asset.ips[0]
    ? `${asset.name} (${asset.ips[0]})`
    : asset.name || 'Asset';
}
