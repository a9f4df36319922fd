import type { ELK as Elk } from 'elkjs/lib/elk-api';
import type { Conduit, Zone } from '../model';

let elk: Promise<Elk> | null = null;

/** elkjs is large (about 1.5 MB): it loads on the first auto-layout, not with the app. */
function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

/**
 * Positions for every zone from elkjs's layered layout, with Purdue levels stacked top to bottom
 * (partitions: the highest level first; zones without a level last) and conduits guiding the
 * order within a level.
 */
export async function autoLayout(
  zones: readonly Zone[],
  conduits: readonly Conduit[],
): Promise<Map<string, { x: number; y: number }>> {
  const levels = [...new Set(zones.map((z) => z.purdueLevel).filter((l): l is number => l !== null))].sort(
    (a, b) => b - a,
  );
  const partitionOf = (zone: Zone) =>
    zone.purdueLevel === null ? levels.length : levels.indexOf(zone.purdueLevel);
  const partition = new Map(zones.map((zone) => [zone.id, partitionOf(zone)]));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      // One graph, so zones without conduits are stacked by level too.
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: zones.map((zone) => ({
      id: zone.id,
      width: zone.size.width,
      height: zone.size.height,
      layoutOptions: { 'elk.partitioning.partition': String(partition.get(zone.id) ?? 0) },
    })),
    edges: conduits
      .filter((c) => partition.has(c.fromZoneId) && partition.has(c.toZoneId))
      .map((conduit) => {
        // Point every edge downwards in Purdue terms so partitions and layers agree.
        const down = partition.get(conduit.fromZoneId)! <= partition.get(conduit.toZoneId)!;
        return {
          id: conduit.id,
          sources: [down ? conduit.fromZoneId : conduit.toZoneId],
          targets: [down ? conduit.toZoneId : conduit.fromZoneId],
        };
      }),
  };
  const laid = await (await loadElk()).layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of laid.children ?? [])
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
