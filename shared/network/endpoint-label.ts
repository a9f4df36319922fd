import type { Asset, EndpointRef, Flow, Zone } from '../model';

/** The names an endpoint label looks up; the caller's own maps, so an inventory of 100k is not copied. */
export interface EndpointNames {
  assets: ReadonlyMap<string, Pick<Asset, 'name' | 'ips' | 'macs'>>;
  zones: ReadonlyMap<string, Pick<Zone, 'name'>>;
}

/**
 * An observed endpoint as an address: `10.0.0.5:502`, `[fe80::1]:502` (brackets per RFC 3986 so
 * the port stays readable), or the MAC alone: a layer-2 station has no port.
 */
export function flowEndpointLabel(end: Pick<Flow['a'], 'ip' | 'mac' | 'port'>): string {
  if (end.ip) {
    if (end.port === null) return end.ip;
    return `${end.ip.includes(':') ? `[${end.ip}]` : end.ip}:${end.port}`;
  }
  return end.mac ?? 'unknown address';
}

/** An asset in words: its name with its first address, or the address alone when it has no name. */
export function assetLabel(asset: Pick<Asset, 'name' | 'ips' | 'macs'>): string {
  const address = asset.ips[0] ?? asset.macs[0] ?? '';
  const name = asset.name.trim();
  if (!name) return address || 'unnamed asset';
  return address && address !== name ? `${name} (${address})` : name;
}

/** An end of an undocumented connection in words, the same in the register, findings, report and CSV. */
export function endpointLabel(ref: EndpointRef, names: EndpointNames): string {
  if (ref.kind === 'text') return ref.text;
  if (ref.kind === 'zone') {
    const zone = names.zones.get(ref.zoneId);
    return zone ? `zone ${zone.name}` : 'unknown zone';
  }
  const asset = names.assets.get(ref.assetId);
  return asset ? assetLabel(asset) : 'unknown asset';
}
