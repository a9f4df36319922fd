import type { ConduitService } from '../model/conduit';
import type { SecurityLevelTarget, ZoneKind } from '../model/zone';
import { ZONE_KIND_LABELS } from '../model/zone';
import { formatSlt } from '../model/slt';
import {
  CONDUIT_LABEL,
  conduitSegment,
  labelPoint,
  placeLabelledConduits,
  type ConduitSegment,
  type PlacedLabel,
} from './label-placement';
import type { Box } from './placement';
import { measureDejaVuSans, measureDejaVuSansBold, wrapText } from './text-width';
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

/** The drawing's extent: the zones' and the labels' bounding box, or a blank 400 x 200 canvas. */
function bounds(zones: DiagramSvgData['zones'], labels: readonly Box[]) {
  if (zones.length === 0) return { minX: 0, minY: 0, maxX: 400, maxY: 200 };
  const boxes = [...zones.map((z) => ({ ...z.position, ...z.size })), ...labels];
  return {
    minX: Math.min(...boxes.map((b) => b.x)),
    minY: Math.min(...boxes.map((b) => b.y)),
    maxX: Math.max(...boxes.map((b) => b.x + b.width)),
    maxY: Math.max(...boxes.map((b) => b.y + b.height)),
  };
}

const ZONE_NAME_SIZE = 15;
const ZONE_NAME_LINE = 18;
const ZONE_PADDING = 12;

/** A zone's name in at most two lines that fit its box; the full name is the group's title. */
export function zoneNameLines(zone: Pick<SvgZone, 'name' | 'size'>): string[] {
  return wrapText(zone.name, zone.size.width - 2 * ZONE_PADDING, ZONE_NAME_SIZE, measureDejaVuSansBold);
}

type SvgZone = DiagramSvgData['zones'][number];
type SvgConduit = DiagramSvgData['conduits'][number];

function zoneSvg(zone: SvgZone, count: number): string[] {
  const colors = ZONE_KIND_COLORS[zone.kind];
  const { x, y } = zone.position;
  const { width: w, height: h } = zone.size;
  const lines = zoneNameLines(zone);
  const left = round(x + ZONE_PADDING);
  // The details move down by the name's second line, if it has one.
  const below = y + (lines.length - 1) * ZONE_NAME_LINE;
  return [
    `<g class="zone" data-id="${escapeXml(zone.id)}">`,
    `<title>${escapeXml(zone.name)}</title>`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" rx="8" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="2"/>`,
    ...lines.map(
      (line, i) =>
        `<text class="zone-name" x="${left}" y="${round(y + 24 + i * ZONE_NAME_LINE)}" font-size="${ZONE_NAME_SIZE}" font-weight="bold" fill="#1d1d1d">${escapeXml(line)}</text>`,
    ),
    `<text x="${left}" y="${round(below + 44)}" font-size="12" fill="${colors.stroke}">${escapeXml(ZONE_KIND_LABELS[zone.kind])}</text>`,
    `<text x="${left}" y="${round(below + 64)}" font-size="12" fill="#333">${escapeXml(formatSlt(zone.slt))}</text>`,
    `<text x="${left}" y="${round(below + 84)}" font-size="12" fill="#333">${count} ${count === 1 ? 'asset' : 'assets'}</text>`,
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
function conduitLabelSvg(conduit: SvgConduit, label: PlacedLabel): string[] {
  const { box, spot } = label;
  return [
    `<g class="conduit-label" data-id="${escapeXml(conduit.id)}">`,
    `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="4" fill="#ffffff" fill-opacity="0.95" stroke="#bbb"/>`,
    `<text x="${round(spot.x)}" y="${round(spot.y + 4)}" font-size="${CONDUIT_LABEL.fontSize}" text-anchor="middle" fill="#222">${escapeXml(label.text)}</text>`,
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
  const drawn = data.conduits.filter((c) => byId.has(c.fromZoneId) && byId.has(c.toZoneId));
  const labels = placeLabelledConduits(zones, drawn, measureDejaVuSans);
  const { minX, minY, maxX, maxY } = bounds(
    zones,
    [...labels.values()].map((l) => l.box),
  );
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
  out.push('<g class="conduit-labels">');
  for (const conduit of drawn) {
    const label = labels.get(conduit.id)!;
    const spot = label.spot;
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
    out.push(...conduitLabelSvg(conduit, label));
  }
  out.push('</g></g></svg>');
  return out.join('\n');
}
