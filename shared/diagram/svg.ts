import type { ConduitService } from '../model/conduit';
import type { SecurityLevelTarget, ZoneKind } from '../model/zone';
import { ZONE_KIND_LABELS } from '../model/zone';
import { summarizeServices } from '../network';
import { formatSlt } from '../model/slt';
import { parallelOffset, parallelSlots, ZONE_KIND_COLORS } from './zone-style';

export interface DiagramSvgZone {
  id: string;
  name: string;
  kind: ZoneKind;
  slt: SecurityLevelTarget;
  position: { x: number; y: number };
  size: { width: number; height: number };
}

export interface DiagramSvgConduit {
  id: string;
  name: string;
  fromZoneId: string;
  toZoneId: string;
  direction: 'one-way' | 'both';
  services: readonly ConduitService[];
}

export interface DiagramSvgData {
  title?: string;
  zones: readonly DiagramSvgZone[];
  conduits: readonly DiagramSvgConduit[];
  /** Assets per zone id. */
  assetCounts: ReadonlyMap<string, number>;
}

const MARGIN = 40;
const TITLE_HEIGHT = 36;
const FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'";

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where the segment from the rectangle's centre towards (tx, ty) leaves the rectangle. */
function borderPoint(zone: DiagramSvgZone, tx: number, ty: number): { x: number; y: number } {
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

/** The drawing's extent: the zones' bounding box, or a blank 400 x 200 canvas. */
function bounds(zones: DiagramSvgData['zones']) {
  if (zones.length === 0) return { minX: 0, minY: 0, maxX: 400, maxY: 200 };
  return {
    minX: Math.min(...zones.map((z) => z.position.x)),
    minY: Math.min(...zones.map((z) => z.position.y)),
    maxX: Math.max(...zones.map((z) => z.position.x + z.size.width)),
    maxY: Math.max(...zones.map((z) => z.position.y + z.size.height)),
  };
}

type SvgZone = DiagramSvgData['zones'][number];
type SvgConduit = DiagramSvgData['conduits'][number];

function zoneSvg(zone: SvgZone, count: number): string[] {
  const colors = ZONE_KIND_COLORS[zone.kind];
  const { x, y } = zone.position;
  const { width: w, height: h } = zone.size;
  return [
    `<g class="zone" data-id="${escapeXml(zone.id)}">`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" rx="8" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="2"/>`,
    `<text x="${round(x + 12)}" y="${round(y + 24)}" font-size="15" font-weight="bold" fill="#1d1d1d">${escapeXml(zone.name)}</text>`,
    `<text x="${round(x + 12)}" y="${round(y + 44)}" font-size="12" fill="${colors.stroke}">${escapeXml(ZONE_KIND_LABELS[zone.kind])}</text>`,
    `<text x="${round(x + 12)}" y="${round(y + 64)}" font-size="12" fill="#333">${escapeXml(formatSlt(zone.slt))}</text>`,
    `<text x="${round(x + 12)}" y="${round(y + 84)}" font-size="12" fill="#333">${count} ${count === 1 ? 'asset' : 'assets'}</text>`,
    '</g>',
  ];
}

/** One conduit: a line between the zones' borders, spread from its parallels, with its services. */
function conduitSvg(
  conduit: SvgConduit,
  from: SvgZone,
  to: SvgZone,
  slot: { index: number; count: number },
): string[] {
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
  const a = { x: start.x + nx, y: start.y + ny };
  const b = { x: end.x + nx, y: end.y + ny };
  const markers =
    conduit.direction === 'both'
      ? 'marker-start="url(#arrow)" marker-end="url(#arrow)"'
      : 'marker-end="url(#arrow)"';
  const label = summarizeServices(conduit.services);
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const labelWidth = Math.min(320, 12 + label.length * 6.4);
  return [
    `<g class="conduit" data-id="${escapeXml(conduit.id)}">`,
    `<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="#444" stroke-width="2" ${markers}/>`,
    `<rect x="${round(mx - labelWidth / 2)}" y="${round(my - 10)}" width="${round(labelWidth)}" height="20" rx="4" fill="#ffffff" fill-opacity="0.9" stroke="#bbb"/>`,
    `<text x="${round(mx)}" y="${round(my + 4)}" font-size="11" text-anchor="middle" fill="#222">${escapeXml(label)}</text>`,
    '</g>',
  ];
}

/**
 * The zone and conduit diagram as a standalone SVG document (the canvas export and the report
 * bundle's diagram/zones.svg). Pure string building, so it runs anywhere; the PNG is rasterised
 * from this text in the renderer.
 */
export function renderDiagramSvg(data: DiagramSvgData): string {
  const zones = data.zones;
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  const { minX, minY, maxX, maxY } = bounds(zones);
  const titleHeight = data.title ? TITLE_HEIGHT : 0;
  const offsetX = MARGIN - minX;
  const offsetY = MARGIN + titleHeight - minY;
  const width = round(maxX - minX + 2 * MARGIN);
  const height = round(maxY - minY + 2 * MARGIN + titleHeight);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (data.title) {
    out.push(
      `<text x="${MARGIN}" y="${MARGIN}" font-size="18" font-weight="bold" fill="#222">${escapeXml(data.title)}</text>`,
    );
  }
  out.push(`<g transform="translate(${round(offsetX)},${round(offsetY)})">`);
  out.push('<g class="zones">');
  for (const zone of zones) out.push(...zoneSvg(zone, data.assetCounts.get(zone.id) ?? 0));
  out.push('</g>');
  out.push('<g class="conduits">');
  const slots = parallelSlots(data.conduits);
  for (const conduit of data.conduits) {
    const from = byId.get(conduit.fromZoneId);
    const to = byId.get(conduit.toZoneId);
    if (from && to)
      out.push(...conduitSvg(conduit, from, to, slots.get(conduit.id) ?? { index: 0, count: 1 }));
  }
  out.push('</g></g></svg>');
  return out.join('\n');
}
