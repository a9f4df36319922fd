import {
  CONDUIT_LABEL,
  conduitLabelSize,
  conduitSegment,
  labelPoint,
  placeConduitLabels,
  type ConduitSegment,
} from '../diagram/label-placement';
import { ellipsize, measureDejaVuSans } from '../diagram/text-width';
import { parallelSlots } from '../diagram/zone-style';
import type { UndocumentedEdge } from '../diagram/undocumented-edges';
import type { Conduit } from '../model';
import { conduitLabel } from './diagram-labels';

const PT_TO_MM = 25.4 / 72;

/** The size the report prints conduit and connection labels at (pt). */
export const LINK_LABEL_PT = 6.8;

/** A rectangle on the page, in mm. */
export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PageZone {
  id: string;
  position: { x: number; y: number };
  size: { width: number; height: number };
}

/** A line the diagram draws between two zones: a documented conduit or an undocumented connection. */
export interface PageLink {
  id: string;
  fromZoneId: string;
  toZoneId: string;
  text: string;
}

/** A link's line, its label, and the leader that ties a label moved off its line back to it (page mm). */
export interface PageLinkLayout {
  a: { x: number; y: number };
  b: { x: number; y: number };
  /** Null on an overview too small to label (its links are listed on the level pages). */
  label: { text: string; box: PageBox; fontSize: number } | null;
  leader: { from: { x: number; y: number }; to: { x: number; y: number } } | null;
}

/** Zones and links laid out on the page: boxes in mm and the labels' font size in pt. */
export interface DiagramPageLayout {
  boxes: Map<string, PageBox>;
  links: Map<string, PageLinkLayout>;
  /** Scale from diagram units to mm. */
  scale: number;
}

/** Where the drawing goes: its left edge, its top, and the width and height it may take (mm). */
export interface PageArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The page's links: every conduit, then every undocumented connection, each with its label text. */
export function pageLinks(conduits: readonly Conduit[], edges: readonly UndocumentedEdge[]): PageLink[] {
  return [
    ...conduits.map((c) => ({
      id: c.id,
      fromZoneId: c.fromZoneId,
      toZoneId: c.toZoneId,
      text: conduitLabel(c),
    })),
    ...edges.map((e) => ({
      id: `gap:${e.id}`,
      fromZoneId: e.fromZoneId,
      toZoneId: e.toZoneId,
      text: e.label,
    })),
  ];
}

interface Transform {
  scale: number;
  x: (u: number) => number;
  y: (u: number) => number;
}

/** Labels placed in diagram units at a label scale, as on the canvas and in the exported SVG. */
function placeLinks(
  zones: readonly PageZone[],
  links: readonly PageLink[],
  labelScale: number,
  walls: readonly PageZone[] = [],
) {
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  const drawn = links.filter((l) => byId.has(l.fromZoneId) && byId.has(l.toZoneId));
  const sizes = new Map(drawn.map((l) => [l.id, conduitLabelSize(l.text, measureDejaVuSans, labelScale)]));
  const spots = placeConduitLabels([...zones, ...walls], drawn, (id) => sizes.get(id)!);
  const slots = parallelSlots(drawn);
  return drawn.map((link) => {
    const slot = slots.get(link.id) ?? { index: 0, count: 1 };
    const segment = conduitSegment(link, byId.get(link.fromZoneId)!, byId.get(link.toZoneId)!, slot);
    return { link, segment, spot: spots.get(link.id)!, size: sizes.get(link.id)! };
  });
}

type Placed = ReturnType<typeof placeLinks>[number];

function extentOf(zones: readonly PageZone[], placed: readonly Placed[]) {
  const boxes = [
    ...zones.map((z) => ({ x: z.position.x, y: z.position.y, w: z.size.width, h: z.size.height })),
    ...placed.map(({ spot, size }) => ({
      x: spot.x - size.width / 2,
      y: spot.y - size.height / 2,
      w: size.width,
      h: size.height,
    })),
  ];
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return { minX, minY, width: maxX - minX || 1, height: maxY - minY || 1 };
}

function toPage(
  zones: readonly PageZone[],
  placed: readonly Placed[],
  t: Transform,
  labelScale: number | null,
) {
  const point = (p: { x: number; y: number }) => ({ x: t.x(p.x), y: t.y(p.y) });
  const boxes = new Map(
    zones.map((z) => [
      z.id,
      { x: t.x(z.position.x), y: t.y(z.position.y), w: z.size.width * t.scale, h: z.size.height * t.scale },
    ]),
  );
  const fontUnits = CONDUIT_LABEL.fontSize * (labelScale ?? 1);
  const textRoom = (width: number) =>
    width - 2 * (CONDUIT_LABEL.paddingX + CONDUIT_LABEL.border) * (labelScale ?? 1);
  const links = new Map<string, PageLinkLayout>();
  for (const { link, segment, spot, size } of placed) {
    const on = labelPoint(segment, { t: spot.t, shift: 0 });
    links.set(link.id, {
      ...pageSegment(segment, point),
      label:
        labelScale === null
          ? null
          : {
              // A text longer than the label's cap is cut, with an ellipsis, as on the canvas.
              text: ellipsize(link.text, textRoom(size.width), fontUnits, measureDejaVuSans),
              box: {
                x: t.x(spot.x - size.width / 2),
                y: t.y(spot.y - size.height / 2),
                w: size.width * t.scale,
                h: size.height * t.scale,
              },
              fontSize: (fontUnits * t.scale) / PT_TO_MM,
            },
      leader: spot.shift === 0 || labelScale === null ? null : { from: point(on), to: point(spot) },
    });
  }
  return { boxes, links, scale: t.scale };
}

function pageSegment(
  segment: ConduitSegment,
  point: (p: { x: number; y: number }) => { x: number; y: number },
) {
  return { a: point(segment.a), b: point(segment.b) };
}

/**
 * The diagram at its stored positions, scaled so the zones and every label fit the area, labels
 * drawn at `labelPt`: the labels' size in diagram units depends on the scale and the scale on the
 * labels' extent, so it settles in a few rounds (each shrinks the scale a little less). With
 * `labelPt` null the zones alone are fitted and no label is drawn.
 */
export function layoutPositioned(
  zones: readonly PageZone[],
  links: readonly PageLink[],
  area: PageArea,
  labelPt: number | null,
): DiagramPageLayout {
  const fit = (e: { width: number; height: number }) =>
    Math.min(area.width / e.width, area.height / e.height);
  let scale = fit(extentOf(zones, []));
  let labelScale = 1;
  let placed = placeLinks(zones, links, labelScale);
  for (let round = 0; labelPt !== null && round < 6; round++) {
    labelScale = (labelPt * PT_TO_MM) / (CONDUIT_LABEL.fontSize * scale);
    placed = placeLinks(zones, links, labelScale);
    const next = fit(extentOf(zones, placed));
    const settled = Math.abs(next - scale) < scale * 0.005;
    scale = next;
    if (settled) break;
  }
  const extent = extentOf(zones, labelPt === null ? [] : placed);
  const left = area.left + (area.width - extent.width * scale) / 2;
  return toPage(
    zones,
    placed,
    { scale, x: (u) => left + (u - extent.minX) * scale, y: (u) => area.top + (u - extent.minY) * scale },
    labelPt === null ? null : labelScale,
  );
}

/** Diagram units per mm on a grid page: a 40 mm box is about a 200 px zone on the canvas. */
const GRID_UNITS_PER_MM = 5;

/**
 * Zones already placed on the page (a grid of one Purdue level), with their links' labels at
 * `labelPt`, kept inside the area: what lies outside it counts as a zone no label may cover.
 */
export function layoutFixed(
  boxes: ReadonlyMap<string, PageBox>,
  links: readonly PageLink[],
  area: PageArea,
  labelPt: number,
): DiagramPageLayout {
  const u = GRID_UNITS_PER_MM;
  const zones = [...boxes].map(([id, b]) => ({
    id,
    position: { x: b.x * u, y: b.y * u },
    size: { width: b.w * u, height: b.h * u },
  }));
  const far = 10_000;
  const [l, t, r, btm] = [
    area.left * u,
    area.top * u,
    (area.left + area.width) * u,
    (area.top + area.height) * u,
  ];
  const walls = [
    { id: '\u0000left', position: { x: l - far, y: t - far }, size: { width: far, height: 3 * far } },
    { id: '\u0000right', position: { x: r, y: t - far }, size: { width: far, height: 3 * far } },
    { id: '\u0000top', position: { x: l - far, y: t - far }, size: { width: 3 * far, height: far } },
    { id: '\u0000bottom', position: { x: l - far, y: btm }, size: { width: 3 * far, height: far } },
  ];
  const labelScale = (labelPt * PT_TO_MM * u) / CONDUIT_LABEL.fontSize;
  const placed = placeLinks(zones, links, labelScale, walls);
  return toPage(zones, placed, { scale: 1 / u, x: (x) => x / u, y: (y) => y / u }, labelScale);
}

const overlaps = (a: PageBox, b: PageBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** How many label pairs, and labels and zones, overlap on a laid-out page: 0 when all are clear. */
export function labelCrowding(layout: DiagramPageLayout): number {
  const labels = [...layout.links.values()].flatMap((l) => (l.label ? [l.label.box] : []));
  const zones = [...layout.boxes.values()];
  return labels.reduce(
    (sum, box, i) =>
      sum +
      zones.filter((zone) => overlaps(box, zone)).length +
      labels.slice(i + 1).filter((other) => overlaps(box, other)).length,
    0,
  );
}

/** A grid page's shape: columns, the zone box height and the gaps (mm); rows spread apart as needed. */
export const GRID_PAGE = { cols: 4, boxH: 20, gapX: 6, gapsY: [9, 14, 20, 28] } as const;

/**
 * Zones in a grid of GRID_PAGE.cols columns, in the order given, with their links' labels: the
 * rows are spread further apart (within the area) until every label has a clear place.
 */
export function layoutGrid(
  zoneIds: readonly string[],
  links: readonly PageLink[],
  area: PageArea,
  labelPt: number,
): DiagramPageLayout {
  const { cols, boxH, gapX, gapsY } = GRID_PAGE;
  const boxW = (area.width - gapX * (cols - 1)) / cols;
  const rows = Math.ceil(zoneIds.length / cols);
  let best: { layout: DiagramPageLayout; crowding: number } | null = null;
  for (const gapY of gapsY) {
    if (best && rows * boxH + (rows - 1) * gapY > area.height) break;
    const boxes = new Map(
      zoneIds.map((id, i) => [
        id,
        {
          x: area.left + (i % cols) * (boxW + gapX),
          y: area.top + Math.floor(i / cols) * (boxH + gapY),
          w: boxW,
          h: boxH,
        },
      ]),
    );
    const layout = layoutFixed(boxes, links, area, labelPt);
    const crowding = labelCrowding(layout);
    if (!best || crowding < best.crowding) best = { layout, crowding };
    if (crowding === 0) break;
  }
  return best!.layout;
}
