import { describe, expect, it } from 'vitest';
import { fitViewport } from '../../../../../renderer/features/diagram/viewport';

const box = (x: number, y: number, width = 200, height = 100) => ({
  position: { x, y },
  size: { width, height },
});

describe('fitViewport', () => {
  it('centres the zones and zooms out just enough to show them all', () => {
    const zones = [box(0, 0), box(1800, 900)];
    const view = fitViewport(zones, 1000, 500);
    // Bounds 2000 x 1000 with 10 % padding on each side: zoom = min(1000 / 2400, 500 / 1200).
    expect(view.zoom).toBeCloseTo(500 / 1200, 6);
    const screen = (x: number, y: number) => ({ x: x * view.zoom + view.x, y: y * view.zoom + view.y });
    expect(screen(1000, 500).x).toBeCloseTo(500, 6);
    expect(screen(1000, 500).y).toBeCloseTo(250, 6);
    for (const corner of [screen(0, 0), screen(2000, 1000)]) {
      expect(corner.x).toBeGreaterThanOrEqual(0);
      expect(corner.x).toBeLessThanOrEqual(1000);
      expect(corner.y).toBeGreaterThanOrEqual(0);
      expect(corner.y).toBeLessThanOrEqual(500);
    }
  });

  it('never zooms past 100 % for a small diagram, and starts an empty one at the origin', () => {
    expect(fitViewport([box(40, 40)], 1200, 800).zoom).toBe(1);
    expect(fitViewport([], 1200, 800)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fitViewport([box(0, 0)], 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
