import { describe, expect, it } from 'vitest';
import { conduitLabelSize, measureDejaVuSans, placeConduitLabels } from '../../../../shared/diagram';
import { summarizeServices } from '../../../../shared/network';
import type { ConduitService } from '../../../../shared/model';

const zone = (id: string, x: number, y: number) => ({
  id,
  position: { x, y },
  size: { width: 280, height: 150 },
});
const tcp = (ports: string, protocol: string): ConduitService => ({ transport: 'tcp', ports, protocol });
// Three zones in a row as the demo plant draws them, with parallel conduits and lists cut to "+2".
const zones = [zone('a', 0, 0), zone('b', 420, 0), zone('c', 840, 0)];
const conduits = [
  {
    id: 'c1',
    fromZoneId: 'a',
    toZoneId: 'b',
    services: ['502', '4840', '102', '44818', '20000'].map((p) => tcp(p, `P${p}`)),
  },
  { id: 'c2', fromZoneId: 'b', toZoneId: 'a', services: [tcp('502', 'Modbus/TCP'), tcp('4840', 'OPC UA')] },
  {
    id: 'c3',
    fromZoneId: 'a',
    toZoneId: 'b',
    services: [tcp('443', 'HTTPS'), tcp('5450', 'PI-SDK'), tcp('123', 'NTP'), tcp('8530', 'WSUS')],
  },
  {
    id: 'c4',
    fromZoneId: 'b',
    toZoneId: 'c',
    services: [tcp('44818', 'EtherNet/IP'), tcp('2222', 'CIP'), tcp('502', 'Modbus/TCP')],
  },
];

type Box = { x: number; y: number; width: number; height: number };
const overlap = (p: Box, q: Box) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

/** The label boxes as the canvas draws them at `drawn`, placed with sizes at `placedAt`. */
function drawnBoxes(placedAt: number, drawn: number): Box[] {
  const sizeAt = (scale: number) => (id: string) =>
    conduitLabelSize(
      summarizeServices(conduits.find((c) => c.id === id)!.services),
      measureDejaVuSans,
      scale,
    );
  const spots = placeConduitLabels(zones, conduits, sizeAt(placedAt));
  return conduits.map((c) => {
    const spot = spots.get(c.id)!;
    const { width, height } = sizeAt(drawn)(c.id);
    return { x: spot.x - width / 2, y: spot.y - height / 2, width, height };
  });
}

function overlappingPairs(boxes: Box[]): number {
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) pairs++;
  return pairs;
}

describe('conduit labels as the zoomed-out canvas draws them', () => {
  it('scale their estimated box with the canvas’s label scale', () => {
    const label = summarizeServices(conduits[0]!.services);
    expect(label).toMatch(/\+2$/);
    const single = conduitLabelSize(label, measureDejaVuSans);
    const double = conduitLabelSize(label, measureDejaVuSans, 2);
    expect(double.height).toBe(40);
    expect(Math.abs(double.width - single.width * 2)).toBeLessThanOrEqual(2);
  });

  it('do not cover one another when placed at the size they are drawn (a "+2" no longer peeks out alone)', () => {
    expect(overlappingPairs(drawnBoxes(1, 2.2))).toBeGreaterThan(0);
    expect(overlappingPairs(drawnBoxes(2.2, 2.2))).toBe(0);
    expect(overlappingPairs(drawnBoxes(1, 1))).toBe(0);
  });
});
