import { ZONE_KIND_LABELS, type Zone } from '../../model';

import { hexToRgb, ZONE_KIND_COLORS } from '../../diagram/zone-style';
import type { ReportModel } from '../model';
import type { ReportImage } from '../options';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter, type Rgb } from '../layout';

/** The zone colours of the app's canvas and the exported diagram: one palette. */
const kindFill = (kind: Zone['kind']): Rgb => hexToRgb(ZONE_KIND_COLORS[kind].fill);
const kindStroke = (kind: Zone['kind']): Rgb => hexToRgb(ZONE_KIND_COLORS[kind].stroke);

/** Where the segment from the box's centre towards (tx, ty) leaves the box. */
function borderPoint(
  r: { x: number; y: number; w: number; h: number },
  tx: number,
  ty: number,
): [number, number] {
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

/** A simple vector drawing of zones (at their diagram positions) and conduits (centre to centre). */
function drawVectorDiagram(w: ReportWriter, model: ReportModel, maxHeight: number): void {
  const { doc } = w;
  const zones = model.data.zones;
  const minX = Math.min(...zones.map((z) => z.position.x));
  const minY = Math.min(...zones.map((z) => z.position.y));
  const maxX = Math.max(...zones.map((z) => z.position.x + z.size.width));
  const maxY = Math.max(...zones.map((z) => z.position.y + z.size.height));
  const scale = Math.min(CONTENT_WIDTH / (maxX - minX || 1), maxHeight / (maxY - minY || 1));
  const ox = PAGE.left + (CONTENT_WIDTH - (maxX - minX) * scale) / 2;
  const oy = w.y;
  const box = (z: Zone) => ({
    x: ox + (z.position.x - minX) * scale,
    y: oy + (z.position.y - minY) * scale,
    w: z.size.width * scale,
    h: z.size.height * scale,
  });
  const fontSize = Math.max(4, Math.min(10, scale * 40));
  const lineH = fontSize * 0.42;
  for (const zone of zones) {
    const r = box(zone);
    doc.setFillColor(...kindFill(zone.kind));
    doc.setDrawColor(...kindStroke(zone.kind));
    doc.setLineWidth(0.35);
    doc.roundedRect(r.x, r.y, r.w, r.h, 1.2, 1.2, 'FD');
    const room = Math.max(1, Math.floor((r.h - 2) / lineH));
    const withMeta = room >= 4;
    const lines = w
      .wrap(zone.name, r.w - 2, fontSize, 'bold')
      .slice(0, Math.min(3, withMeta ? room - 2 : room));
    lines.forEach((line, i) =>
      w.textAt(line, r.x + r.w / 2, r.y + 1 + lineH + i * lineH, fontSize, 'bold', COLORS.primary, 'center'),
    );
    if (withMeta) {
      const small = fontSize * 0.8;
      const meta = `${ZONE_KIND_LABELS[zone.kind]} · SL-T ${zone.slt.base ?? '–'}`;
      w.textAt(
        w.wrap(meta, r.w - 2, small)[0] ?? '',
        r.x + r.w / 2,
        r.y + r.h - 1.5,
        small,
        'normal',
        COLORS.muted,
        'center',
      );
    }
  }
  // Conduits on top of the zones, from border to border, so overlapping boxes do not hide them.
  const byId = new Map(zones.map((z) => [z.id, z]));
  for (const conduit of model.data.conduits) {
    const from = byId.get(conduit.fromZoneId);
    const to = byId.get(conduit.toZoneId);
    if (!from || !to) continue;
    const a = box(from);
    const b = box(to);
    const [ax, ay, bx, by] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
    const [x1, y1] = borderPoint(a, bx, by);
    const [x2, y2] = borderPoint(b, ax, ay);
    doc.setDrawColor(...COLORS.accent);
    doc.setLineWidth(0.7);
    doc.line(x1, y1, x2, y2);
    doc.setFillColor(...COLORS.accent);
    const angle = Math.atan2(y2 - y1, x2 - x1);
    const head = (x: number, y: number, dir: number) => {
      const s = 2.8;
      doc.triangle(
        x,
        y,
        x - Math.cos(dir - 0.4) * s,
        y - Math.sin(dir - 0.4) * s,
        x - Math.cos(dir + 0.4) * s,
        y - Math.sin(dir + 0.4) * s,
        'F',
      );
    };
    head(x2, y2, angle);
    if (conduit.direction === 'both') head(x1, y1, angle + Math.PI);
  }
  w.y = oy + (maxY - minY) * scale + 6;
}

export function writeDiagram(w: ReportWriter, model: ReportModel, png: ReportImage | null): void {
  w.section('Zone and conduit diagram');
  if (model.data.zones.length === 0) {
    w.empty('No zones have been drawn yet, so there is no diagram.');
    return;
  }
  const maxHeight = 150;
  if (png) {
    const ratio = png.height / png.width;
    const width = Math.min(CONTENT_WIDTH, maxHeight / ratio);
    w.doc.addImage(png.bytes, 'PNG', PAGE.left + (CONTENT_WIDTH - width) / 2, w.y, width, width * ratio);
    w.y += width * ratio + 6;
  } else drawVectorDiagram(w, model, maxHeight);
  w.paragraph(
    'Boxes are zones, coloured by kind; lines are the documented conduits, with arrows showing the direction traffic may flow in. ' +
      'The zone and conduit tables that follow give the details.',
    { size: 8.5, color: COLORS.muted },
  );
}
