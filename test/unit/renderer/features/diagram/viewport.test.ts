import { describe, expect, it } from 'vitest';
import {
  fitDiagramViewport,
  fitViewport,
  fitViewportClear,
  MINIMAP_CORNER,
} from '../../../../../renderer/features/diagram/viewport';
import { LABEL_ZOOM } from '../../../../../renderer/features/diagram/context';
import { labelScaleAt, measureDejaVuSans, placeLabelledConduits } from '../../../../../shared/diagram';
import type { Conduit, Zone } from '../../../../../shared/model';

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

describe('fitViewportClear', () => {
  const zone = (x: number, y: number) => ({ position: { x, y }, size: { width: 280, height: 150 } });
  const onScreen = (view: { x: number; y: number; zoom: number }, z: ReturnType<typeof zone>) => ({
    left: view.x + z.position.x * view.zoom,
    top: view.y + z.position.y * view.zoom,
    right: view.x + (z.position.x + z.size.width) * view.zoom,
    bottom: view.y + (z.position.y + z.size.height) * view.zoom,
  });

  it('keeps every zone out from under the minimap, beside it or above it', () => {
    // The demo plant's 3 x 3 grid of zones, in a canvas of 600 x 760 and one of 1300 x 760.
    const zones = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => zone(col * 380, row * 250)));
    for (const [width, height] of [
      [600, 760],
      [1300, 760],
      [900, 400],
    ] as const) {
      const view = fitViewportClear(zones, width, height);
      const minimap = { left: width - MINIMAP_CORNER.width, top: height - MINIMAP_CORNER.height };
      for (const z of zones) {
        const box = onScreen(view, z);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
        expect(box.bottom).toBeLessThanOrEqual(height);
        const underMinimap = box.right > minimap.left && box.bottom > minimap.top;
        expect(underMinimap, `${width}x${height}`).toBe(false);
      }
    }
  });

  it('takes the larger of the two fits', () => {
    const wide = [zone(0, 0), zone(2000, 0)];
    const view = fitViewportClear(wide, 1200, 800);
    expect(view.zoom).toBeCloseTo(fitViewport(wide, 1200, 800 - MINIMAP_CORNER.height).zoom, 6);
  });
});

describe('fitDiagramViewport', () => {
  const zone = (id: string, x: number, y: number) =>
    ({ id, position: { x, y }, size: { width: 280, height: 150 } }) as unknown as Zone;
  const conduit = (id: string, fromZoneId: string, toZoneId: string, protocol: string) =>
    ({
      id,
      fromZoneId,
      toZoneId,
      services: [{ transport: 'tcp', ports: '44818', protocol }],
    }) as unknown as Conduit;
  // Two zones close together: a long label cannot sit in the gap and goes beside the pair.
  const zones = [zone('a', 0, 0), zone('b', 0, 230)];
  const conduits = [conduit('c1', 'a', 'b', 'EtherNet/IP and a very long protocol name indeed')];

  it('takes in every label as drawn at the zoom it arrives at', () => {
    for (const [width, height] of [
      [1200, 800],
      [700, 500],
    ] as const) {
      const view = fitDiagramViewport(zones, conduits, measureDejaVuSans, width, height);
      const scale = labelScaleAt(view.zoom);
      const label = placeLabelledConduits(zones, conduits, measureDejaVuSans, scale).get('c1')!.box;
      const left = view.x + label.x * view.zoom;
      const right = view.x + (label.x + label.width) * view.zoom;
      expect(left, `${width}x${height}`).toBeGreaterThanOrEqual(0);
      expect(right, `${width}x${height}`).toBeLessThanOrEqual(width);
      // Zones alone would be fitted larger: the labels' extent counts.
      expect(view.zoom).toBeLessThanOrEqual(fitViewportClear(zones, width, height).zoom);
    }
  });

  it('on a canvas too small for legible labels, zooms out to where none is drawn', () => {
    // 450 x 300: the zones alone fit at 65 %, but the label beside them would not fit legibly.
    expect(fitViewportClear(zones, 450, 300).zoom).toBeGreaterThan(0.6);
    const view = fitDiagramViewport(zones, conduits, measureDejaVuSans, 450, 300);
    expect(view.zoom).toBeLessThan(LABEL_ZOOM);
    expect(view.zoom).toBeGreaterThan(LABEL_ZOOM * 0.99);
  });
});
