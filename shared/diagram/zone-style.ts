import type { ZoneKind } from '../model/zone';

/**
 * The one zone palette: a stroke per kind. The canvas, the exported SVG/PNG and the PDF report
 * all read it, so a zone is the same colour everywhere.
 */
export const ZONE_KIND_STROKES: Record<ZoneKind, string> = {
  enterprise: '#3b6fb6',
  dmz: '#c98a12',
  operations: '#2f8a5b',
  cell: '#1f8285',
  safety: '#c0392b',
  utilities: '#7a57b0',
  'remote-access': '#b0457d',
  external: '#666666',
  other: '#8a8a70',
};

/** How much of the stroke colour tints a zone's fill (the canvas mixes the same share into its surface). */
export const ZONE_FILL_TINT = 0.12;

type Rgb = [number, number, number];

/** #rrggbb as [r, g, b] (what jsPDF takes). */
export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The stroke mixed into white at ZONE_FILL_TINT, as CSS color-mix(in srgb) does on a white surface. */
function tint(stroke: string): string {
  return toHex(hexToRgb(stroke).map((c) => Math.round(255 + (c - 255) * ZONE_FILL_TINT)) as Rgb);
}

/** Fill and stroke per zone kind, from the one palette. */
export const ZONE_KIND_COLORS: Record<ZoneKind, { fill: string; stroke: string }> = Object.fromEntries(
  Object.entries(ZONE_KIND_STROKES).map(([kind, stroke]) => [kind, { fill: tint(stroke), stroke }]),
) as Record<ZoneKind, { fill: string; stroke: string }>;

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
