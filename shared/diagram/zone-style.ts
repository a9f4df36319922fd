import type { ZoneKind } from '../model/zone';

/** Fill and stroke per zone kind, shared by the canvas and the exported SVG so both look alike. */
export const ZONE_KIND_COLORS: Record<ZoneKind, { fill: string; stroke: string }> = {
  enterprise: { fill: '#e8f0fb', stroke: '#3b6fb6' },
  dmz: { fill: '#fdf1dc', stroke: '#c98a12' },
  operations: { fill: '#e6f5ee', stroke: '#2f8a5b' },
  cell: { fill: '#eaf6f6', stroke: '#1f8285' },
  safety: { fill: '#fbe7e6', stroke: '#c0392b' },
  utilities: { fill: '#f1ecf8', stroke: '#7a57b0' },
  'remote-access': { fill: '#fcebf4', stroke: '#b0457d' },
  external: { fill: '#eeeeee', stroke: '#666666' },
  other: { fill: '#f5f5f0', stroke: '#8a8a70' },
};

/** The Purdue level a new zone of this kind usually sits at. */
export const DEFAULT_PURDUE_LEVEL: Record<ZoneKind, number | null> = {
  enterprise: 4,
  dmz: 3.5,
  operations: 3,
  cell: 2,
  safety: 1,
  utilities: 2,
  'remote-access': 4,
  external: 5,
  other: null,
};

/**
 * Sideways offset (in px) of the index-th of `count` conduits between the same two zones, so
 * parallel conduits are drawn apart: 0 for one, ±spacing/2 for two, and so on.
 */
export function parallelOffset(index: number, count: number, spacing = 28): number {
  return (index - (count - 1) / 2) * spacing;
}

/** Groups conduits by their unordered zone pair; each gets its index and the pair's count. */
export function parallelSlots<T extends { id: string; fromZoneId: string; toZoneId: string }>(
  conduits: readonly T[],
): Map<string, { index: number; count: number }> {
  const groups = new Map<string, string[]>();
  for (const conduit of conduits) {
    const key = [conduit.fromZoneId, conduit.toZoneId].sort().join('|');
    const group = groups.get(key) ?? [];
    group.push(conduit.id);
    groups.set(key, group);
  }
  const slots = new Map<string, { index: number; count: number }>();
  for (const group of groups.values())
    group.forEach((id, index) => slots.set(id, { index, count: group.length }));
  return slots;
}
