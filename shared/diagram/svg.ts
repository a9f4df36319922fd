import type { ConduitService } from '../model/conduit';
import type { SecurityLevelTarget, ZoneKind } from '../model/zone';
import { ZONE_KIND_LABELS } from '../model/zone';
import { summarizeServices } from '../network';
import { formatSlt } from '../model/slt';
import {
  conduitLabelSize,
  conduitSegment,
  labelPoint,
  placeConduitLabels,
  type ConduitSegment,
} from './label-placement';
import { parallelSlots, ZONE_KIND_COLORS } from './zone-style';

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

/** One conduit's line between the zones' borders, spread from its parallels. */
function conduitLineSvg(conduit: SvgConduit, segment: ConduitSegment): string {
  const { a, b } = segment;
  const markers =
    conduit.direction === 'both'
      ? 'marker-start="url(#arrow)" marker-end="url(#arrow)"'
      : 'marker-end="url(#arrow)"';
  return `<line class="conduit" data-id="${escapeXml(conduit.id)}" x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="#444" stroke-width="2" ${markers}/>`;
}

/** One conduit's services, in a box placed clear of zones and other labels where there is room. */
function conduitLabelSvg(conduit: SvgConduit, centre: { x: number; y: number }): string[] {
  const label = summarizeServices(conduit.services);
  const { width, height } = conduitLabelSize(label);
  return [
    `<g class="conduit-label" data-id="${escapeXml(conduit.id)}">`,
    `<rect x="${round(centre.x - width / 2)}" y="${round(centre.y - height / 2)}" width="${round(width)}" height="${height}" rx="4" fill="#ffffff" fill-opacity="0.95" stroke="#bbb"/>`,
    `<text x="${round(centre.x)}" y="${round(centre.y + 4)}" font-size="11" text-anchor="middle" fill="#222">${escapeXml(label)}</text>`,
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
  const drawn = data.conduits.filter((c) => byId.has(c.fromZoneId) && byId.has(c.toZoneId));
  const slots = parallelSlots(drawn);
  for (const conduit of drawn) {
    const slot = slots.get(conduit.id) ?? { index: 0, count: 1 };
    out.push(
      conduitLineSvg(
        conduit,
        conduitSegment(conduit, byId.get(conduit.fromZoneId)!, byId.get(conduit.toZoneId)!, slot),
      ),
    );
  }
  out.push('</g>');
  // Labels after every line, so no line crosses a label.
  const sizes = new Map(drawn.map((c) => [c.id, conduitLabelSize(summarizeServices(c.services))]));
  const centres = placeConduitLabels(zones, drawn, (id) => sizes.get(id)!);
  out.push('<g class="conduit-labels">');
  for (const conduit of drawn) {
    const spot = centres.get(conduit.id)!;
    // A label moved off its line to find room is tied back to it by a thin leader.
    if (spot.shift !== 0) {
      const slot = slots.get(conduit.id) ?? { index: 0, count: 1 };
      const segment = conduitSegment(
        conduit,
        byId.get(conduit.fromZoneId)!,
        byId.get(conduit.toZoneId)!,
        slot,
      );
      const on = labelPoint(segment, { t: spot.t, shift: 0 });
      out.push(
        `<line class="label-leader" x1="${round(on.x)}" y1="${round(on.y)}" x2="${round(spot.x)}" y2="${round(spot.y)}" stroke="#888" stroke-width="1" stroke-dasharray="3 2"/>`,
      );
    }
    out.push(...conduitLabelSvg(conduit, spot));
  }
  out.push('</g></g></svg>');
  return out.join('\n');
}
