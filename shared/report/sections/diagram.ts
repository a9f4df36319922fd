import { hexToRgb, ZONE_KIND_COLORS } from '../../diagram/zone-style';
import { undocumentedEdges, type UndocumentedEdge } from '../../diagram/undocumented-edges';
import { ZONE_KIND_LABELS, type Conduit, type Zone } from '../../model';
import { conduitLabel, purdueGroup, sltLabel } from '../diagram-labels';
import type { ReportModel } from '../model';
import type { ReportImage } from '../options';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';
import {
  GRID_PAGE,
  layoutGrid,
  layoutPositioned,
  LINK_LABEL_PT,
  pageLinks,
  type DiagramPageLayout,
  type PageLinkLayout,
} from '../diagram-page';

/** The smallest label the diagram prints; below it, zones go on pages of their own. */
const MIN_LABEL = 6.5;
/** Rows of zones a level page holds. */
const GRID_ROWS = 6;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Scene {
  layout: DiagramPageLayout;
  conduits: ReadonlyMap<string, Conduit>;
  /** Zone name size in pt; names are left out when it is below MIN_LABEL. */
  size: number;
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

function drawLine(w: ReportWriter, link: PageLinkLayout, conduit: Conduit | undefined): void {
  const { a, b } = link;
  w.doc.setLineWidth(0.6);
  if (conduit) {
    w.doc.setDrawColor(...COLORS.accent);
    w.doc.setFillColor(...COLORS.accent);
    w.doc.line(a.x, a.y, b.x, b.y);
    const angle = Math.atan2(b.y - a.y, b.x - a.x);
    arrowHead(w, b.x, b.y, angle);
    if (conduit.direction === 'both') arrowHead(w, a.x, a.y, angle + Math.PI);
  } else {
    w.doc.setDrawColor(...COLORS.gap);
    w.doc.setLineDashPattern([1.6, 1.2], 0);
    w.doc.line(a.x, a.y, b.x, b.y);
    w.doc.setLineDashPattern([], 0);
  }
  if (link.leader) {
    w.doc.setDrawColor(...COLORS.muted);
    w.doc.setLineWidth(0.2);
    w.doc.setLineDashPattern([0.8, 0.6], 0);
    w.doc.line(link.leader.from.x, link.leader.from.y, link.leader.to.x, link.leader.to.y);
    w.doc.setLineDashPattern([], 0);
  }
}

/** A label on a white, outlined backing where the page layout placed it. */
function drawLabel(w: ReportWriter, link: PageLinkLayout, color: readonly [number, number, number]): void {
  if (!link.label) return;
  const { box, text, fontSize } = link.label;
  w.doc.setFillColor(255, 255, 255);
  w.doc.setDrawColor(...COLORS.rule);
  w.doc.setLineWidth(0.15);
  w.doc.roundedRect(box.x, box.y, box.w, box.h, 0.6, 0.6, 'FD');
  w.textAt(text, box.x + box.w / 2, box.y + box.h / 2 + fontSize * 0.12, fontSize, 'normal', color, 'center');
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
  // Lines and leaders first, so zone boxes cover their ends; labels last, clear of both.
  const { boxes, links } = scene.layout;
  for (const [id, link] of links) drawLine(w, link, scene.conduits.get(id));
  for (const zone of zones) {
    const box = boxes.get(zone.id);
    if (box) drawZone(w, zone, box, scene.size);
  }
  for (const [id, link] of links) drawLabel(w, link, scene.conduits.has(id) ? COLORS.accent : COLORS.gap);
}

/** The bottom of what the scene draws: its lowest zone or label. */
function sceneBottom(scene: Scene): number {
  const { boxes, links } = scene.layout;
  return Math.max(
    ...[...boxes.values(), ...[...links.values()].flatMap((l) => (l.label ? [l.label.box] : []))].map(
      (b) => b.y + b.h,
    ),
  );
}

/** Zones at their diagram positions, scaled with their labels to the width and height given. */
function positionedScene(
  model: ReportModel,
  zones: readonly Zone[],
  top: number,
  maxHeight: number,
  edges: UndocumentedEdge[],
): Scene {
  const area = { left: PAGE.left, top, width: CONTENT_WIDTH, height: maxHeight };
  const links = pageLinks(model.data.conduits, edges);
  const nameSize = (scale: number) =>
    Math.min(9, Math.min(...zones.map((z) => Math.min(z.size.width, z.size.height * 2.2) * scale)) / 5.5);
  // Labels only where the zones' names stay legible beside them; else the level pages label the links.
  const bare = layoutPositioned(zones, links, area, null);
  const labelled =
    nameSize(bare.scale) >= MIN_LABEL ? layoutPositioned(zones, links, area, LINK_LABEL_PT) : null;
  const layout = labelled && nameSize(labelled.scale) >= MIN_LABEL ? labelled : bare;
  return { layout, conduits: conduitsById(model), size: nameSize(layout.scale) };
}

function conduitsById(model: ReportModel): Map<string, Conduit> {
  return new Map(model.data.conduits.map((c) => [c.id, c]));
}

/** A page of up to 24 zones of one Purdue level in a grid, with the conduits and connections among them. */
function gridScene(
  model: ReportModel,
  zones: readonly Zone[],
  top: number,
  edges: UndocumentedEdge[],
): Scene {
  const area = { left: PAGE.left, top, width: CONTENT_WIDTH, height: PAGE.height - PAGE.bottom - top };
  const ids = zones.map((z) => z.id);
  const layout = layoutGrid(ids, pageLinks(model.data.conduits, edges), area, LINK_LABEL_PT);
  return { layout, conduits: conduitsById(model), size: 7.5 };
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
  const perPage = GRID_PAGE.cols * GRID_ROWS;
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
      w.y = sceneBottom(scene) + 6;
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
    readable = zones.length <= GRID_PAGE.cols * GRID_ROWS;
  } else {
    const scene = positionedScene(model, zones, w.y, maxHeight, edges);
    drawScene(w, zones, scene);
    w.y = sceneBottom(scene) + 6;
    const labelled = [...scene.layout.links.values()].every((link) => link.label !== null);
    readable = labelled && scene.size >= MIN_LABEL;
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
