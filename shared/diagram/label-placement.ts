import { boxesOverlap, type Box } from './placement';
import type { ConduitService } from '../model/conduit';
import { summarizeServices } from '../network';
import type { MeasureText } from './text-width';
import { parallelOffset, parallelSlots } from './zone-style';

interface LabelZone {
  id: string;
  position: { x: number; y: number };
  size: { width: number; height: number };
}

interface LabelConduit {
  id: string;
  fromZoneId: string;
  toZoneId: string;
}

/** A conduit's line from zone border to zone border (parallel conduits already spread apart). */
export interface ConduitSegment {
  a: { x: number; y: number };
  b: { x: number; y: number };
}

/** Where the segment from the rectangle's centre towards (tx, ty) leaves the rectangle. */
export function borderPoint(zone: LabelZone, tx: number, ty: number): { x: number; y: number } {
  const cx = zone.position.x + zone.size.width / 2;
  const cy = zone.position.y + zone.size.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(
    dx === 0 ? Infinity : zone.size.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : zone.size.height / 2 / Math.abs(dy),
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** The border-to-border segment of one conduit, shifted sideways by its slot among its parallels. */
export function conduitSegment(
  conduit: LabelConduit,
  from: LabelZone,
  to: LabelZone,
  slot: { index: number; count: number },
): ConduitSegment {
  const fc = { x: from.position.x + from.size.width / 2, y: from.position.y + from.size.height / 2 };
  const tc = { x: to.position.x + to.size.width / 2, y: to.position.y + to.size.height / 2 };
  const length = Math.hypot(tc.x - fc.x, tc.y - fc.y) || 1;
  // Offset perpendicular to the canonical (sorted) direction so parallel conduits spread the same way.
  const sign = conduit.fromZoneId < conduit.toZoneId ? 1 : -1;
  const offset = parallelOffset(slot.index, slot.count) * sign;
  const nx = (-(tc.y - fc.y) / length) * offset;
  const ny = ((tc.x - fc.x) / length) * offset;
  const start = borderPoint(from, tc.x + nx, tc.y + ny);
  const end = borderPoint(to, fc.x + nx, fc.y + ny);
  return { a: { x: start.x + nx, y: start.y + ny }, b: { x: end.x + nx, y: end.y + ny } };
}

/**
 * Where a label sits: its centre, and the same as a point along its line (t from 0 at the start to
 * 1 at the end) and a sideways shift, so a canvas can keep it there while a zone is dragged.
 */
export interface LabelSpot {
  x: number;
  y: number;
  t: number;
  shift: number;
}

/** The point a label spot names on a segment. */
export function labelPoint(
  segment: ConduitSegment,
  spot: Pick<LabelSpot, 't' | 'shift'>,
): { x: number; y: number } {
  const { a, b } = segment;
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return {
    x: a.x + (b.x - a.x) * spot.t - ((b.y - a.y) / length) * spot.shift,
    y: a.y + (b.y - a.y) * spot.t + ((b.x - a.x) / length) * spot.shift,
  };
}

/** How a conduit label is drawn at 100 %: its font size, the padding and border around its text, its height. */
export const CONDUIT_LABEL = { fontSize: 11, paddingX: 6, border: 1, height: 20, maxWidth: 320 } as const;

/**
 * A conduit label's box, its text measured as drawn (the canvas font, or the export's font
 * tables), times the scale the canvas draws labels at (zoomed out it enlarges them to stay
 * legible, so they take more of the diagram). Capped: a longer text is cut with an ellipsis.
 */
export function conduitLabelSize(
  label: string,
  measure: MeasureText,
  scale = 1,
): { width: number; height: number } {
  const { fontSize, paddingX, border, height, maxWidth } = CONDUIT_LABEL;
  const text = measure(label, fontSize * scale);
  const width = Math.min(maxWidth * scale, Math.ceil(text + 2 * (paddingX + border) * scale));
  return { width, height: height * scale };
}

/** Points along the segment tried for a label, the middle first. */
const STOPS = [0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85];
/**
 * How many label heights a label may step off its line to find a clear place: far enough to
 * leave a crowded gap between zones for the free space around the plant (fit view then takes
 * that in), tied back to its line by a leader.
 */
const MAX_STEPS_OFF = 24;

/**
 * The centre of each conduit's label: on its own line, at the first stop from the middle out
 * where the label covers no zone and no label placed before it; where the line has none (a short
 * gap between two zones), the nearest clear place beside it; where nothing is clear, the least
 * crowded. Greedy in conduit order, so the result is stable from one render to the next.
 */
export function placeConduitLabels(
  zones: readonly LabelZone[],
  conduits: readonly LabelConduit[],
  sizeOf: (conduitId: string) => { width: number; height: number },
): Map<string, LabelSpot> {
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  const zoneBoxes: Box[] = zones.map((z) => ({ ...z.position, ...z.size }));
  const placed: Box[] = [];
  const out = new Map<string, LabelSpot>();
  const slots = parallelSlots(conduits);
  for (const conduit of conduits) {
    const from = byId.get(conduit.fromZoneId);
    const to = byId.get(conduit.toZoneId);
    if (!from || !to) continue;
    const { a, b } = conduitSegment(conduit, from, to, slots.get(conduit.id) ?? { index: 0, count: 1 });
    const { width, height } = sizeOf(conduit.id);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // The unit normal: where the line has no clear stop, the label steps off it sideways.
    const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
    let best: { box: Box; cost: number; t: number; shift: number } | null = null;
    for (let step = 0; step <= MAX_STEPS_OFF && (best?.cost ?? 1) > 0; step++) {
      for (const side of step === 0 ? [0] : [1, -1]) {
        for (const t of STOPS) {
          const shift = side * step * (height + 4);
          const cx = a.x + (b.x - a.x) * t + normal.x * shift;
          const cy = a.y + (b.y - a.y) * t + normal.y * shift;
          const box = { x: cx - width / 2, y: cy - height / 2, width, height };
          const overlaps =
            zoneBoxes.filter((z) => boxesOverlap(box, z)).length +
            placed.filter((l) => boxesOverlap(box, l, 2)).length;
          const cost = overlaps === 0 ? 0 : overlaps * 100 + step;
          if (!best || cost < best.cost) best = { box, cost, t, shift };
          if (cost === 0) break;
        }
        if (best?.cost === 0) break;
      }
    }
    placed.push(best!.box);
    out.set(conduit.id, {
      x: best!.box.x + width / 2,
      y: best!.box.y + height / 2,
      t: best!.t,
      shift: best!.shift,
    });
  }
  return out;
}

/** Labels are drawn at about 85 % of their 100 % size on screen, and enlarged at most this much. */
export const LABEL_SCREEN_SCALE = 0.85;
export const MAX_LABEL_SCALE = 2.5;

/**
 * How much larger than at 100 % the canvas draws conduit labels and zone names at a zoom, so that
 * at fit view they stay about 11 px on screen instead of shrinking to 7. Rounded, so the canvas
 * re-renders in steps, not on every wheel tick; label placement and fit view size labels with it.
 */
export function labelScaleAt(zoom: number): number {
  return Math.round(Math.min(MAX_LABEL_SCALE, Math.max(1, LABEL_SCREEN_SCALE / zoom)) * 10) / 10;
}

interface LabelledConduit extends LabelConduit {
  services: readonly ConduitService[];
}

/** A conduit's label: its text, where it sits, and the box it covers on the diagram. */
export interface PlacedLabel {
  text: string;
  spot: LabelSpot;
  box: Box;
}

/** Every conduit's label text, measured and placed clear of the zones and of each other. */
export function placeLabelledConduits(
  zones: readonly LabelZone[],
  conduits: readonly LabelledConduit[],
  measure: MeasureText,
  scale = 1,
): Map<string, PlacedLabel> {
  const texts = new Map(conduits.map((c) => [c.id, summarizeServices(c.services)]));
  const sizes = new Map([...texts].map(([id, text]) => [id, conduitLabelSize(text, measure, scale)]));
  const spots = placeConduitLabels(zones, conduits, (id) => sizes.get(id)!);
  const out = new Map<string, PlacedLabel>();
  for (const [id, spot] of spots) {
    const { width, height } = sizes.get(id)!;
    const box = { x: spot.x - width / 2, y: spot.y - height / 2, width, height };
    out.set(id, { text: texts.get(id)!, spot, box });
  }
  return out;
}
