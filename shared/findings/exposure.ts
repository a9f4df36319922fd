import type { Conduit } from '../model/conduit';
import type { Connection } from '../model/connections';
import type { Zone, ZoneKind } from '../model/zone';
import type { ReconcileResult } from '../network';

/**
 * How trusted a zone kind is, 0 (outside the plant) to 5 (safety). A conduit to a zone of lower
 * trust is a way in. The Purdue level breaks ties between zones of the same kind.
 */
const TRUST: Record<ZoneKind, number> = {
  external: 0,
  'remote-access': 1,
  enterprise: 1,
  dmz: 2,
  other: 2,
  operations: 3,
  utilities: 3,
  cell: 4,
  safety: 5,
};

export function zoneTrust(zone: Pick<Zone, 'kind' | 'purdueLevel'>): number {
  // Purdue 0 is deepest: a small fraction so that kind always dominates.
  const purdue = zone.purdueLevel === null ? 0 : (5 - zone.purdueLevel) / 10;
  return TRUST[zone.kind] + purdue;
}

/**
 * What makes a zone reachable, each one raising its exposure by a step. One path counts once, as
 * its most telling factor: a conduit to a remote-access zone is remote access (not also a less
 * trusted conduit), a cellular modem is remote access (not also an undocumented connection), a
 * flow to a public address is that (not also traffic on no conduit), and flows already recorded
 * as an undocumented connection count as that connection.
 */
export type ExposureFactor =
  | 'less-trusted-conduit'
  | 'undocumented-connection'
  | 'traffic-from-other-zones'
  | 'public-addresses'
  | 'remote-access';

export const EXPOSURE_FACTOR_LABELS: Record<ExposureFactor, string> = {
  'less-trusted-conduit': 'conduit to a less trusted zone',
  'undocumented-connection': 'undocumented connection',
  'traffic-from-other-zones': 'observed traffic from other zones with no conduit allowing it',
  'public-addresses': 'traffic with public addresses',
  'remote-access': 'remote access',
};

export interface ZoneExposure {
  /** 1 (isolated) to 5 (reachable every way we look at). */
  level: number;
  factors: ExposureFactor[];
}

export interface ExposureInput {
  zones: readonly Pick<Zone, 'id' | 'kind' | 'purdueLevel'>[];
  conduits: readonly Pick<Conduit, 'fromZoneId' | 'toZoneId'>[];
  connections: readonly (Pick<Connection, 'from' | 'to' | 'type' | 'status'> &
    Partial<Pick<Connection, 'flowIds'>>)[];
  /** Zone ids of assets, to place connections that name an asset. */
  assetZone: ReadonlyMap<string, string | null>;
  /** Observed traffic reconciled with the conduits, when flows exist. */
  traffic?: {
    flows: readonly Pick<
      ReconcileResult['flows'][number],
      'status' | 'fromZoneId' | 'toZoneId' | 'public' | 'flowId'
    >[];
  };
}

const REMOTE_CONNECTIONS: ReadonlySet<Connection['type']> = new Set(['cellular', 'vendor-remote-access']);

/** Exposure per zone id. */
export function zoneExposures(input: ExposureInput): Map<string, ZoneExposure> {
  const zoneById = new Map(input.zones.map((zone) => [zone.id, zone]));
  const factors = new Map<string, Set<ExposureFactor>>(input.zones.map((zone) => [zone.id, new Set()]));
  const add = (zoneId: string | null | undefined, factor: ExposureFactor) => {
    if (zoneId) factors.get(zoneId)?.add(factor);
  };

  for (const conduit of input.conduits) {
    const from = zoneById.get(conduit.fromZoneId);
    const to = zoneById.get(conduit.toZoneId);
    if (!from || !to) continue;
    for (const [zone, other] of [
      [from, to],
      [to, from],
    ] as const) {
      if (other.kind === 'remote-access' || other.kind === 'external') add(zone.id, 'remote-access');
      else if (zoneTrust(other) < zoneTrust(zone)) add(zone.id, 'less-trusted-conduit');
    }
  }

  const recordedFlows = new Set<string>();
  for (const connection of input.connections) {
    if (connection.status === 'remediated') continue;
    for (const id of connection.flowIds ?? []) recordedFlows.add(id);
    const factor = REMOTE_CONNECTIONS.has(connection.type) ? 'remote-access' : 'undocumented-connection';
    for (const end of [connection.from, connection.to]) {
      add(
        end.kind === 'zone' ? end.zoneId : end.kind === 'asset' ? input.assetZone.get(end.assetId) : null,
        factor,
      );
    }
  }

  for (const flow of input.traffic?.flows ?? []) {
    if (recordedFlows.has(flow.flowId)) continue;
    if (flow.public) {
      add(flow.fromZoneId, 'public-addresses');
      add(flow.toZoneId, 'public-addresses');
    } else if (flow.status === 'undocumented') add(flow.toZoneId, 'traffic-from-other-zones');
  }

  const result = new Map<string, ZoneExposure>();
  for (const [zoneId, set] of factors) {
    const list = [...set].sort();
    result.set(zoneId, { level: Math.min(5, 1 + list.length), factors: list });
  }
  return result;
}
