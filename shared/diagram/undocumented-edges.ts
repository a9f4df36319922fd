import type { Asset, Connection, EndpointRef } from '../model';
import { CONNECTION_TYPE_LABELS } from '../model';

export interface UndocumentedEdge {
  id: string;
  connectionId: string;
  fromZoneId: string;
  toZoneId: string;
  label: string;
  status: Connection['status'];
}

/**
 * The undocumented connections the diagram can draw between two zones: each end is a zone, or an
 * asset placed in a zone. Remediated ones, ends in free text or unplaced assets, and connections
 * inside one zone are left out (there is no edge to draw).
 */
export function undocumentedEdges(
  connections: readonly Connection[],
  assets: readonly Pick<Asset, 'id' | 'zoneId'>[],
): UndocumentedEdge[] {
  const zoneOfAsset = new Map(assets.map((a) => [a.id, a.zoneId]));
  const zoneOf = (end: EndpointRef): string | null =>
    end.kind === 'zone' ? end.zoneId : end.kind === 'asset' ? (zoneOfAsset.get(end.assetId) ?? null) : null;
  const edges: UndocumentedEdge[] = [];
  for (const connection of connections) {
    if (connection.status === 'remediated') continue;
    const fromZoneId = zoneOf(connection.from);
    const toZoneId = zoneOf(connection.to);
    if (fromZoneId === null || toZoneId === null || fromZoneId === toZoneId) continue;
    edges.push({
      id: `undocumented-${connection.id}`,
      connectionId: connection.id,
      fromZoneId,
      toZoneId,
      label: `Undocumented: ${CONNECTION_TYPE_LABELS[connection.type]}`,
      status: connection.status,
    });
  }
  return edges;
}
