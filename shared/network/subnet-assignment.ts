import { subnetIndex, type SubnetMatch } from './subnet-index';

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
  const index = subnetIndex(zones);
  const [problem] = index.problems;
  if (problem !== undefined) return { ok: false, message: problem };
  const placements = new Map<string, string>();
  const placedPerZone = new Map<string, number>();
  const unassigned: SubnetAssignment['unassigned'] = [];
  for (const asset of assets) {
    if (asset.zoneId !== null) continue;
    let best: SubnetMatch | null = null;
    for (const text of asset.ips) {
      const match = index.match(text);
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
