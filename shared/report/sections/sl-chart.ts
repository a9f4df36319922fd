import { FR_IDS } from '../../model/common';
import type { Catalogue } from '../../catalogue/types';
import { chartCell, type ChartCell } from '../chart-levels';
import type { ZoneResult } from '../model';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';

const LABEL_W = 52;
const FR_W = (CONTENT_WIDTH - LABEL_W) / FR_IDS.length;
const ROW_H = 9;
const BAR_MAX = ROW_H - 2.5;
const FIGURE_SIZE = 6.5;

function drawHeader(w: ReportWriter): void {
  FR_IDS.forEach((fr, i) =>
    w.textAt(fr, PAGE.left + LABEL_W + i * FR_W + FR_W / 2, w.y + 3, 7.5, 'bold', COLORS.muted, 'center'),
  );
  w.y += 5;
}

/** One FR of one zone: the scale, SL-A filled (a red stub at 0), SL-T outlined, the figures. */
function drawCell(w: ReportWriter, x0: number, cell: ChartCell): void {
  const { doc } = w;
  const base = w.y + ROW_H - 1;
  const h = (level: number) => (BAR_MAX * level) / 4;
  doc.setFillColor(...COLORS.light);
  doc.rect(x0 - 0.5, base - BAR_MAX - 0.3, 8.5, BAR_MAX + 0.3, 'F');
  doc.setFillColor(...(cell.meets ? COLORS.achieved : COLORS.gap));
  // SL-A 0 is drawn as a red stub on the baseline, so the worst zones still show red.
  if (cell.achieved > 0) doc.rect(x0, base - h(cell.achieved), 3.5, h(cell.achieved), 'F');
  else if (!cell.meets) doc.rect(x0, base - 0.8, 3.5, 0.8, 'F');
  doc.setDrawColor(...COLORS.target);
  doc.setLineWidth(0.3);
  if (cell.target > 0) doc.rect(x0 + 4, base - h(cell.target), 3.5, h(cell.target), 'S');
  w.textAt(cell.label, x0 + 8.5, base - 0.3, FIGURE_SIZE, 'normal', cell.meets ? COLORS.muted : COLORS.gap);
}

function drawLegend(w: ReportWriter): void {
  const { doc } = w;
  w.ensureSpace(14);
  w.y += 3;
  doc.setFillColor(...COLORS.achieved);
  doc.rect(PAGE.left, w.y, 3, 3, 'F');
  w.textAt('SL-A meets SL-T', PAGE.left + 4.5, w.y + 2.6, 7.5, 'normal', COLORS.muted);
  doc.setFillColor(...COLORS.gap);
  doc.rect(PAGE.left + 34, w.y, 3, 3, 'F');
  w.textAt('SL-A below SL-T (a stub at 0)', PAGE.left + 38.5, w.y + 2.6, 7.5, 'normal', COLORS.muted);
  doc.setDrawColor(...COLORS.target);
  doc.rect(PAGE.left + 84, w.y, 3, 3, 'S');
  w.textAt('SL-T', PAGE.left + 88.5, w.y + 2.6, 7.5, 'normal', COLORS.muted);
  w.y += 5;
  w.paragraph(
    'Figures are SL-T/SL-A; SL-A is shown capped at SL-T, "≥2" where the zone achieves more. A level is shown only where the catalogue has requirements for it (FR6 and FR7 stop at SL 3).',
    { size: 7.5, color: COLORS.muted },
  );
}

/**
 * SL-T against SL-A per zone and FR, drawn with vector primitives: per FR a filled bar for what
 * is achieved (red where the target is not reached) and an outlined bar for the target.
 */
export function drawSlChart(w: ReportWriter, catalogue: Catalogue, zones: ZoneResult[]): void {
  w.ensureSpace(18 + Math.min(zones.length, 4) * ROW_H);
  drawHeader(w);
  for (const z of zones) {
    if (w.y + ROW_H > PAGE.height - PAGE.bottom - 10) {
      w.newPage();
      drawHeader(w);
    }
    const name = w.wrap(z.zone.name, LABEL_W - 3, 8)[0] ?? '';
    w.textAt(name, PAGE.left, w.y + ROW_H / 2 + 1.2, 8);
    w.doc.setDrawColor(...COLORS.rule);
    w.doc.setLineWidth(0.15);
    w.doc.line(PAGE.left, w.y + ROW_H, PAGE.left + CONTENT_WIDTH, w.y + ROW_H);
    FR_IDS.forEach((fr, i) =>
      drawCell(
        w,
        PAGE.left + LABEL_W + i * FR_W + 1,
        chartCell(catalogue, fr, z.evaluation.target[fr], z.evaluation.achieved[fr]),
      ),
    );
    w.y += ROW_H;
  }
  drawLegend(w);
}
