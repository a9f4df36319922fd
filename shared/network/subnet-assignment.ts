import { parseIp, parseRange, rangeContainsIp, rangeSize, type IpRange, type IpVersion } from './ip-ranges';

export interface SubnetZone {
  id: string;
  name: string;
  ranges: readonly string[];
}

export interface SubnetAsset {
  id: string;
  name: string;
  ips: readonly string[];
  zoneId: string | null;
}

export interface SubnetAssignment {
  /** assetId -> zoneId for every asset that found a zone. */
  placements: Map<string, string>;
  /** How many assets went to each zone. */
  placedPerZone: Map<string, number>;
  placed: number;
  /** Unassigned assets that no range covers (or that have no usable IP). */
  unassigned: { id: string; name: string; ips: readonly string[] }[];
}

export type SubnetAssignmentResult = { ok: true; value: SubnetAssignment } | { ok: false; message: string };

interface IndexedRange {
  range: IpRange;
  zoneId: string;
  size: bigint;
}

/**
 * Places every unassigned asset whose IP falls in a zone's ranges. The most specific (smallest)
 * range wins; an asset with several IPs goes where its most specific match is. Ties between
 * equally specific ranges go to the zone listed first. Any invalid range fails the whole run with
 * a message naming the zone, so nothing is placed from a half-valid map.
 */
export function assignBySubnet(
  zones: readonly SubnetZone[],
  assets: readonly SubnetAsset[],
): SubnetAssignmentResult {
  const indexed: IndexedRange[] = [];
  for (const zone of zones) {
    for (const [index, text] of zone.ranges.entries()) {
      const parsed = parseRange(text);
      if (!parsed.ok) {
        return { ok: false, message: `Zone "${zone.name}", range ${index + 1}: ${parsed.message}` };
      }
      indexed.push({ range: parsed.value, zoneId: zone.id, size: rangeSize(parsed.value) });
    }
  }
  // Most specific first, so the first match found is the winner.
  indexed.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : 0));
  const byVersion: Record<IpVersion, IndexedRange[]> = {
    4: indexed.filter((r) => r.range.version === 4),
    6: indexed.filter((r) => r.range.version === 6),
  };

  const placements = new Map<string, string>();
  const placedPerZone = new Map<string, number>();
  const unassigned: SubnetAssignment['unassigned'] = [];
  for (const asset of assets) {
    if (asset.zoneId !== null) continue;
    let best: IndexedRange | null = null;
    for (const text of asset.ips) {
      const ip = parseIp(text);
      if (!ip) continue;
      const match = byVersion[ip.version].find((candidate) => rangeContainsIp(candidate.range, ip));
      if (match && (best === null || match.size < best.size)) best = match;
    }
    if (best) {
      placements.set(asset.id, best.zoneId);
      placedPerZone.set(best.zoneId, (placedPerZone.get(best.zoneId) ?? 0) + 1);
    } else {
      unassigned.push({ id: asset.id, name: asset.name, ips: asset.ips });
    }
  }
  return { ok: true, value: { placements, placedPerZone, placed: placements.size, unassigned } };
}
