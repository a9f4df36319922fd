import { describe, expect, it } from 'vitest';
import { boxesOverlap, freeZonePosition } from '../../../../shared/diagram';

const zone = (x: number, y: number, width = 280, height = 150) => ({
  position: { x, y },
  size: { width, height },
});
const size = { width: 280, height: 150 };
const clearOf = (p: { x: number; y: number }, zones: ReturnType<typeof zone>[], gap = 40) =>
  zones.every((z) => !boxesOverlap({ ...p, ...size }, { ...z.position, ...z.size }, gap - 1));

describe('freeZonePosition', () => {
  it('takes the wanted spot, snapped to the grid, when it is free', () => {
    expect(freeZonePosition([], size, { x: 107, y: 52 })).toEqual({ x: 100, y: 60 });
    expect(freeZonePosition([zone(1000, 1000)], size, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('never lands on a zone, and keeps the gap, however many are added at the same centre', () => {
    const zones = [zone(0, 0)];
    for (let i = 0; i < 12; i++) {
      const p = freeZonePosition(zones, size, { x: 0, y: 0 });
      expect(clearOf(p, zones), `zone ${i + 2} at ${p.x},${p.y}`).toBe(true);
      expect(Math.abs(p.x % 20)).toBe(0);
      expect(Math.abs(p.y % 20)).toBe(0);
      zones.push(zone(p.x, p.y));
    }
  });

  it('picks the nearest free spot: just beside a zone in the way, not far off', () => {
    const p = freeZonePosition([zone(0, 0)], size, { x: 0, y: 0 });
    // Straight below (150 + 40) is nearer than beside (280 + 40).
    expect(p).toEqual({ x: 0, y: 200 });
  });

  it('finds the gap in a row of zones', () => {
    const row = [zone(0, 0), zone(640, 0)];
    // Between them there are 360 px: room for 280 + 2 x 40.
    expect(freeZonePosition(row, size, { x: 300, y: 0 })).toEqual({ x: 320, y: 0 });
  });

  it('says the boxes overlap only when they do (touching is not overlapping)', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(boxesOverlap(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(boxesOverlap(a, { x: 9, y: 9, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap(a, { x: 15, y: 0, width: 10, height: 10 }, 6)).toBe(true);
  });
});
