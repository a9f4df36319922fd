/** A rectangle on the diagram, in diagram coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Placed {
  position: { x: number; y: number };
  size: { width: number; height: number };
}

/** Whether two boxes overlap once each is grown by `gap` on every side. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

const boxOf = (zone: Placed): Box => ({ ...zone.position, ...zone.size });

/**
 * Where a new zone of this size goes: the free spot nearest the wanted one (the visible centre),
 * never on top of a zone and at least `gap` from each. Candidates are searched ring by ring on a
 * grid around the wanted spot, so the answer is snapped and deterministic.
 */
export function freeZonePosition(
  zones: readonly Placed[],
  size: { width: number; height: number },
  wanted: { x: number; y: number },
  { grid = 20, gap = 40, maxRings = 200 } = {},
): { x: number; y: number } {
  const snap = (n: number) => Math.round(n / grid) * grid + 0;
  const origin = { x: snap(wanted.x), y: snap(wanted.y) };
  const boxes = zones.map(boxOf);
  const free = (x: number, y: number) => !boxes.some((box) => boxesOverlap({ x, y, ...size }, box, gap - 1));
  if (free(origin.x, origin.y)) return origin;
  for (let ring = 1; ring <= maxRings; ring++) {
    let best: { x: number; y: number; distance: number } | null = null;
    for (let dx = -ring; dx <= ring; dx++) {
      for (const dy of Math.abs(dx) === ring ? range(-ring, ring) : [-ring, ring]) {
        const x = origin.x + dx * grid;
        const y = origin.y + dy * grid;
        // At equal distance, below before above and right before left (reading order).
        const distance = Math.hypot(dx, dy) + (dy < 0 ? 0.001 : 0) + (dx < 0 ? 0.0005 : 0);
        if ((!best || distance < best.distance) && free(x, y)) best = { x, y, distance };
      }
    }
    if (best) return { x: best.x, y: best.y };
  }
  // A diagram so full that no spot within reach is free: to the right of everything.
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  return { x: snap(right + gap), y: origin.y };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
