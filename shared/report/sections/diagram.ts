import { hexToRgb, ZONE_KIND_COLORS } from '../../diagram/zone-style';
import { undocumentedEdges, type UndocumentedEdge } from '../../diagram/undocumented-edges';
import { ZONE_KIND_LABELS, type Conduit, type Zone } from '../../model';
import { conduitLabel, purdueGroup, sltLabel } from '../diagram-labels';
import type { ReportModel } from '../model';
import type { ReportImage } from '../options';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';

/** The smallest label the diagram prints; below it, zones go on pages of their own. */
const MIN_LABEL = 6.5;
const GRID = { cols: 4, rows: 6, gapX: 6, gapY: 9 };

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Scene {
  boxes: Map<string, Box>;
  conduits: readonly Conduit[];
  edges: readonly UndocumentedEdge[];
  /** Label size in pt; labels are left out when it is below MIN_LABEL. */
  size: number;
}

/** Where the segment from the box's centre towards (tx, ty) leaves the box. */
function borderPoint(r: Box, tx: number, ty: number): [number, number] {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const k = Math.min(
    dx === 0 ? Infinity : r.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : r.h / 2 / Math.abs(dy),
  );
  return [cx + dx * k, cy + dy * k];
}

function segment(a: Box, b: Box): [number, number, number, number] {
  const [x1, y1] = borderPoint(a, b.x + b.w / 2, b.y + b.h / 2);
  const [x2, y2] = borderPoint(b, a.x + a.w / 2, a.y + a.h / 2);
  return [x1, y1, x2, y2];
}

function arrowHead(w: ReportWriter, x: number, y: number, dir: number): void {
  const s = 2.4;
  w.doc.triangle(
    x,
    y,
    x - Math.cos(dir - 0.4) * s,
    y - Math.sin(dir - 0.4) * s,
    x - Math.cos(dir + 0.4) * s,
    y - Math.sin(dir + 0.4) * s,
    'F',
  );
}

/** A label on a white backing at a line's midpoint, unless it would cover a zone box. */
function lineLabel(
  w: ReportWriter,
  scene: Scene,
  text: string,
  x: number,
  y: number,
  color: readonly [number, number, number],
): void {
  if (scene.size < MIN_LABEL) return;
  const size = MIN_LABEL;
  const line = w.wrap(text, 38, size)[0] ?? '';
  w.style(size);
  const width = w.doc.getTextWidth(line) + 1.6;
  const rect = { x: x - width / 2, y: y - 2, w: width, h: 3.2 };
  const overlaps = [...scene.boxes.values()].some(
    (b) => rect.x < b.x + b.w && rect.x + rect.w > b.x && rect.y < b.y + b.h && rect.y + rect.h > b.y,
  );
  if (overlaps || rect.x < PAGE.left || rect.x + rect.w > PAGE.width - PAGE.right) return;
  w.doc.setFillColor(255, 255, 255);
  w.doc.rect(rect.x, rect.y, rect.w, rect.h, 'F');
  w.textAt(line, x, y + 0.7, size, 'normal', color, 'center');
}

function drawConduits(w: ReportWriter, scene: Scene): void {
  for (const conduit of scene.conduits) {
    const a = scene.boxes.get(conduit.fromZoneId);
    const b = scene.boxes.get(conduit.toZoneId);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = segment(a, b);
    w.doc.setDrawColor(...COLORS.accent);
    w.doc.setFillColor(...COLORS.accent);
    w.doc.setLineWidth(0.6);
    w.doc.line(x1, y1, x2, y2);
    const angle = Math.atan2(y2 - y1, x2 - x1);
    arrowHead(w, x2, y2, angle);
    if (conduit.direction === 'both') arrowHead(w, x1, y1, angle + Math.PI);
    lineLabel(w, scene, conduitLabel(conduit), (x1 + x2) / 2, (y1 + y2) / 2, COLORS.accent);
  }
  for (const edge of scene.edges) {
    const a = scene.boxes.get(edge.fromZoneId);
    const b = scene.boxes.get(edge.toZoneId);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = segment(a, b);
    w.doc.setDrawColor(...COLORS.gap);
    w.doc.setLineWidth(0.6);
    w.doc.setLineDashPattern([1.6, 1.2], 0);
    w.doc.line(x1, y1, x2, y2);
    w.doc.setLineDashPattern([], 0);
    lineLabel(w, scene, edge.label, (x1 + x2) / 2, (y1 + y2) / 2 + 3.4, COLORS.gap);
  }
}

function drawZone(w: ReportWriter, zone: Zone, r: Box, size: number): void {
  const colors = ZONE_KIND_COLORS[zone.kind];
  w.doc.setFillColor(...hexToRgb(colors.fill));
  w.doc.setDrawColor(...hexToRgb(colors.stroke));
  w.doc.setLineWidth(0.35);
  w.doc.roundedRect(r.x, r.y, r.w, r.h, 1.2, 1.2, 'FD');
  if (size < MIN_LABEL) return;
  const lh = size * 0.42;
  const meta = [sltLabel(zone.slt), ZONE_KIND_LABELS[zone.kind]];
  const room = Math.max(1, Math.floor((r.h - 1.5) / lh) - meta.length);
  const lines = w.wrap(zone.name, r.w - 2, size, 'bold').slice(0, Math.min(2, room));
  lines.forEach((line, i) =>
    w.textAt(line, r.x + r.w / 2, r.y + 1 + lh * (i + 1), size, 'bold', COLORS.primary, 'center'),
  );
  meta.forEach((text, i) => {
    const line = w.wrap(text, r.w - 2, MIN_LABEL)[0] ?? '';
    const y = r.y + r.h - 1.3 - (meta.length - 1 - i) * MIN_LABEL * 0.42;
    w.textAt(line, r.x + r.w / 2, y, MIN_LABEL, 'normal', COLORS.muted, 'center');
  });
}

function drawScene(w: ReportWriter, zones: readonly Zone[], scene: Scene): void {
  // Lines first, so zone boxes cover their ends; labels skip spots a box covers.
  drawConduits(w, scene);
  for (const zone of zones) {
    const box = scene.boxes.get(zone.id);
    if (box) drawZone(w, zone, box, scene.size);
  }
}

/** Zones at their diagram positions, scaled to the width and height given. */
function positionedScene(
  model: ReportModel,
  zones: readonly Zone[],
  top: number,
  maxHeight: number,
  edges: UndocumentedEdge[],
): Scene {
  const minX = Math.min(...zones.map((z) => z.position.x));
  const minY = Math.min(...zones.map((z) => z.position.y));
  const maxX = Math.max(...zones.map((z) => z.position.x + z.size.width));
  const maxY = Math.max(...zones.map((z) => z.position.y + z.size.height));
  const scale = Math.min(CONTENT_WIDTH / (maxX - minX || 1), maxHeight / (maxY - minY || 1));
  const ox = PAGE.left + (CONTENT_WIDTH - (maxX - minX) * scale) / 2;
  const boxes = new Map(
    zones.map((z) => [
      z.id,
      {
        x: ox + (z.position.x - minX) * scale,
        y: top + (z.position.y - minY) * scale,
        w: z.size.width * scale,
        h: z.size.height * scale,
      },
    ]),
  );
  const smallest = Math.min(...zones.map((z) => Math.min(z.size.width, z.size.height * 2.2) * scale));
  return { boxes, conduits: model.data.conduits, edges, size: Math.min(9, smallest / 5.5) };
}

/** A page of up to 24 zones of one Purdue level in a grid, with the conduits and connections among them. */
function gridScene(
  model: ReportModel,
  zones: readonly Zone[],
  top: number,
  edges: UndocumentedEdge[],
): Scene {
  const boxW = (CONTENT_WIDTH - GRID.gapX * (GRID.cols - 1)) / GRID.cols;
  const boxH = 20;
  const boxes = new Map(
    zones.map((z, i) => [
      z.id,
      {
        x: PAGE.left + (i % GRID.cols) * (boxW + GRID.gapX),
        y: top + Math.floor(i / GRID.cols) * (boxH + GRID.gapY),
        w: boxW,
        h: boxH,
      },
    ]),
  );
  return { boxes, conduits: model.data.conduits, edges, size: 7.5 };
}

function writeLevelPages(w: ReportWriter, model: ReportModel, edges: UndocumentedEdge[]): void {
  const groups = new Map<string, Zone[]>();
  const sorted = [...model.data.zones].sort(
    (a, b) => (b.purdueLevel ?? -1) - (a.purdueLevel ?? -1) || a.name.localeCompare(b.name),
  );
  for (const zone of sorted) {
    const key = purdueGroup(zone.purdueLevel);
    groups.set(key, [...(groups.get(key) ?? []), zone]);
  }
  const perPage = GRID.cols * GRID.rows;
  for (const [group, zones] of groups) {
    for (let start = 0; start < zones.length; start += perPage) {
      const chunk = zones.slice(start, start + perPage);
      const pages = Math.ceil(zones.length / perPage);
      w.newPage();
      const part = pages > 1 ? ` (page ${start / perPage + 1} of ${pages})` : '';
      w.subheading(
        `${group}: ${zones.length === 1 ? '1 zone' : `${zones.length} zones`}${part}`,
        start === 0,
      );
      const scene = gridScene(model, chunk, w.y, edges);
      drawScene(w, chunk, scene);
      w.y += Math.ceil(chunk.length / GRID.cols) * (20 + GRID.gapY);
      writeLinksOut(w, model, chunk, edges);
    }
  }
}

/** Conduits and connections of these zones, listed, since a line to a zone on another page cannot be drawn. */
function writeLinksOut(
  w: ReportWriter,
  model: ReportModel,
  zones: readonly Zone[],
  edges: UndocumentedEdge[],
): void {
  const ids = new Set(zones.map((z) => z.id));
  const rows = [
    ...model.data.conduits
      .filter((c) => ids.has(c.fromZoneId) || ids.has(c.toZoneId))
      .map((c) => [
        model.zoneName(c.fromZoneId),
        model.zoneName(c.toZoneId),
        `${c.direction === 'both' ? 'Conduit (both ways)' : 'Conduit'}: ${conduitLabel(c)}`,
      ]),
    ...edges
      .filter((e) => ids.has(e.fromZoneId) || ids.has(e.toZoneId))
      .map((e) => [model.zoneName(e.fromZoneId), model.zoneName(e.toZoneId), e.label]),
  ];
  if (rows.length === 0) return;
  w.table({ head: [['From', 'To', 'Link']], body: rows, styles: { fontSize: 7.5 }, rowPageBreak: 'auto' });
}

function writeLegend(w: ReportWriter): void {
  w.paragraph(
    'Boxes are zones, coloured by kind, with their SL-T and any per-FR override (e.g. "FR3 3"). Solid lines are documented conduits, labelled with their services, with arrows for the direction traffic may flow in; red dashed lines are undocumented connections.',
    { size: 8.5, color: COLORS.muted },
  );
}

export function writeDiagram(w: ReportWriter, model: ReportModel, png: ReportImage | null): void {
  w.section('Zone and conduit diagram');
  const zones = model.data.zones;
  if (zones.length === 0) {
    w.empty('No zones have been drawn yet, so there is no diagram.');
    return;
  }
  const edges = undocumentedEdges(model.data.connections, model.data.assets);
  const maxHeight = 165;
  let readable = true;
  if (png) {
    const ratio = png.height / png.width;
    const width = Math.min(CONTENT_WIDTH, maxHeight / ratio);
    w.doc.addImage(png.bytes, 'PNG', PAGE.left + (CONTENT_WIDTH - width) / 2, w.y, width, width * ratio);
    w.y += width * ratio + 6;
    readable = zones.length <= GRID.cols * GRID.rows;
  } else {
    const scene = positionedScene(model, zones, w.y, maxHeight, edges);
    drawScene(w, zones, scene);
    w.y = Math.max(...[...scene.boxes.values()].map((b) => b.y + b.h)) + 6;
    readable = scene.size >= MIN_LABEL;
  }
  writeLegend(w);
  if (!readable) {
    w.paragraph(
      `With ${zones.length} zones the overview is too small to label; the pages that follow show the zones by Purdue level, readable, with the links of each zone listed.`,
      { size: 8.5, color: COLORS.muted },
    );
    writeLevelPages(w, model, edges);
  }
}
