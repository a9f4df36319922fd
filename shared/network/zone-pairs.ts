import type { Flow } from '../model';
import { flowEndpointLabel } from './endpoint-label';
import type { FlowReconciliation, FlowStatus } from './reconcile';

/** The key of a flow's zone pair (client zone, server zone); no zone is written ∅. */
export const NO_ZONE = '∅';
export const pairKey = (from: string | null, to: string | null) => `${from ?? NO_ZONE}>${to ?? NO_ZONE}`;

export interface MatrixCell {
  flows: number;
  undocumented: number;
}

/**
 * The zone-to-zone matrix: flow counts per zone pair (layer-2 frames left out), and the zones of
 * its rows and columns, "no zone" last when some flow has an end in none.
 */
export function zoneMatrix(
  flows: readonly FlowReconciliation[],
  zoneIds: readonly string[],
): { cells: Map<string, MatrixCell>; zoneIds: (string | null)[] } {
  const cells = new Map<string, MatrixCell>();
  let unzoned = false;
  for (const r of flows) {
    if (r.status === 'l2') continue;
    if (r.fromZoneId === null || r.toZoneId === null) unzoned = true;
    const key = pairKey(r.fromZoneId, r.toZoneId);
    const cell = cells.get(key) ?? { flows: 0, undocumented: 0 };
    cell.flows += 1;
    if (r.status === 'undocumented') cell.undocumented += 1;
    cells.set(key, cell);
  }
  return { cells, zoneIds: unzoned ? [...zoneIds, null] : [...zoneIds] };
}

/** One row of the flows table: a flow told from its client to its server, with its zones. */
export interface FlowRow {
  id: string;
  client: string;
  server: string;
  fromZone: string;
  toZone: string;
  pair: string;
  transport: Flow['transport'];
  port: number | null;
  protocol: string;
  recognizedBy: string;
  packets: number;
  bytes: number;
  status: FlowStatus;
}

export function flowRows(
  flows: readonly Flow[],
  reconciled: readonly FlowReconciliation[],
  zones: readonly { id: string; name: string }[],
): FlowRow[] {
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const nameOf = (id: string | null) => (id === null ? 'No zone' : (zoneName.get(id) ?? '?'));
  const byId = new Map(reconciled.map((r) => [r.flowId, r]));
  return flows.map((f) => {
    const r = byId.get(f.id)!;
    const [client, server] = f.server === 'a' ? [f.b, f.a] : [f.a, f.b];
    return {
      id: f.id,
      client: flowEndpointLabel(client),
      server: flowEndpointLabel(server),
      fromZone: nameOf(r.fromZoneId),
      toZone: nameOf(r.toZoneId),
      pair: pairKey(r.fromZoneId, r.toZoneId),
      transport: f.transport,
      port: server.port,
      protocol: f.protocol ?? '',
      recognizedBy: f.recognizedBy ?? 'none',
      packets: f.packets,
      bytes: f.bytes,
      status: r.status,
    };
  });
}

/** The zone pairs the rows cross, as [key, "From → To"], by label. */
export function zonePairOptions(rows: readonly FlowRow[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.pair)) seen.set(r.pair, `${r.fromZone} → ${r.toZone}`);
  return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}

export interface FlowRowFilter {
  /** A pairKey, or null for every pair. */
  pair: string | null;
  /** A protocol name; '' for any. */
  protocol: string;
  /** A recognition method; '' for any. */
  recognition: string;
}

export function filterFlowRows(rows: readonly FlowRow[], filter: FlowRowFilter): FlowRow[] {
  return rows.filter(
    (r) =>
      (filter.pair === null || r.pair === filter.pair) &&
      (filter.protocol === '' || r.protocol === filter.protocol) &&
      (filter.recognition === '' || r.recognizedBy === filter.recognition),
  );
}
