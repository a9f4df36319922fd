import { addCoverage, emptyCoverage, satisfiedCount } from '../../catalogue';
import { plural } from '../../findings/types';
import { PROGRAM_PHASE_LABELS, type Finding, type Severity } from '../../model';
import { bySeverityThenOrder, type ReportModel } from '../model';
import { drawSlChart } from './sl-chart';
import { reportNarrative } from '../narrative';
import type { TrafficSummary } from '../traffic';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter, type Rgb } from '../layout';
import { EMPTY } from '../wording';

export const SEVERITY_COLORS: Record<Severity, Rgb> = {
  critical: [155, 28, 49],
  high: [214, 69, 65],
  medium: [230, 145, 56],
  low: [70, 130, 180],
  info: [120, 130, 140],
};

export function postureFigures(model: ReportModel): [string, string][] {
  const { data } = model;
  const zoned = data.assets.filter((a) => a.zoneId).length;
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  // A zone is below target only where an answered item fails, not for items still to assess.
  const confirmedBelow = model.zones.filter((z) =>
    z.evaluation.perFr.some(
      (fr) => fr.gap > 0 && fr.items.some((i) => i.outcome === 'not-met' || i.outcome === 'partially-met'),
    ),
  ).length;
  const openConnections = data.connections.filter((c) => c.status === 'open').length;
  const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);
  const serious = model.openFindings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  return [
    [
      String(data.zones.length),
      `${data.zones.length === 1 ? 'zone' : 'zones'}, ${plural(data.conduits.length, 'conduit')}`,
    ],
    [
      String(data.assets.length),
      `${data.assets.length === 1 ? 'asset' : 'assets'}, ${pct(zoned, data.assets.length)} placed in a zone`,
    ],
    [pct(total.answered, total.required), `of ${plural(total.required, 'required item')} assessed`],
    [String(confirmedBelow), `of ${plural(data.zones.length, 'zone')} below SL-T in an assessed item`],
    [String(satisfiedCount(total)), 'required items met (incl. compensating, N/A)'],
    [String(total.partiallyMet), 'partially met'],
    [String(total.notMet), 'not met'],
    [String(total.notAssessed), 'not assessed yet (not findings)'],
    [String(openConnections), 'open undocumented connections'],
    [String(model.openFindings.length), 'open findings'],
    [String(serious), 'critical or high findings'],
  ];
}

function drawFigures(w: ReportWriter, figures: [string, string][]): void {
  const cols = 4;
  const gap = 4;
  const boxW = (CONTENT_WIDTH - gap * (cols - 1)) / cols;
  const boxH = 22;
  figures.forEach(([value, label], i) => {
    const x = PAGE.left + (i % cols) * (boxW + gap);
    const y = w.y + Math.floor(i / cols) * (boxH + gap);
    w.doc.setFillColor(...COLORS.light);
    w.doc.roundedRect(x, y, boxW, boxH, 1.5, 1.5, 'F');
    w.doc.setFillColor(...COLORS.accent);
    w.doc.rect(x, y, 1.2, boxH, 'F');
    w.textAt(value, x + 4, y + 10, 17, 'bold', COLORS.primary);
    w.wrap(label, boxW - 7, 7.5)
      .slice(0, 2)
      .forEach((line, j) => w.textAt(line, x + 4, y + 15 + j * 3.4, 7.5, 'normal', COLORS.muted));
  });
  w.y += Math.ceil(figures.length / cols) * (boxH + gap) + 4;
}

const CHART_ZONES = 14;

/** The height the top-findings table will take, from its wrapped titles (autoTable's 1.15 line height). */
function topFindingsHeight(w: ReportWriter, findings: Finding[]): number {
  const line = w.lineHeight(8.5, 1.15);
  const rows = findings.map((f) => Math.max(1, w.wrap(f.title, CONTENT_WIDTH - 79 - 4, 8.5).length));
  return 8 + rows.reduce((sum, n) => sum + n * line + 3.2, 0);
}

export function writeSummary(w: ReportWriter, model: ReportModel, traffic: TrafficSummary | null): void {
  w.section('Executive summary');
  for (const paragraph of reportNarrative(model, traffic).split(/\n\s*\n/)) {
    if (paragraph.trim()) w.paragraph(paragraph.trim());
  }
  w.subheading('Posture in numbers');
  drawFigures(w, postureFigures(model));

  w.subheading('Target and achieved security level per zone');
  if (model.zones.length === 0) w.empty(EMPTY.zonesSl);
  else {
    const shown = [...model.zones].sort((x, y) => y.totalGap - x.totalGap).slice(0, CHART_ZONES);
    drawSlChart(w, model.catalogue, shown);
    if (model.zones.length > shown.length) {
      w.paragraph(
        `The ${shown.length} zones with the largest gaps are shown; all ${model.zones.length} are listed in "Zones and conduits".`,
        { size: 8.5, color: COLORS.muted },
      );
    }
  }

  const top = [...model.openFindings].sort(bySeverityThenOrder).slice(0, 5);
  // Keep-with-next: the heading and the whole (short) table move together, so no row is stranded.
  w.ensureSpace(22 + topFindingsHeight(w, top));
  w.subheading('Top findings');
  if (top.length === 0) w.empty(EMPTY.openFindings);
  else {
    w.table({
      head: [['#', 'Severity', 'Finding', 'Program phase']],
      body: top.map((f) => [
        model.findingLabel(f),
        f.severity.toUpperCase(),
        f.title,
        `${f.phase}. ${PROGRAM_PHASE_LABELS[f.phase]}`,
      ]),
      columnStyles: { 0: { cellWidth: 14 }, 1: { cellWidth: 20 }, 3: { cellWidth: 45 } },
      didParseCell(data) {
        if (data.section === 'body' && data.column.index === 1) {
          const color = SEVERITY_COLORS[String(data.cell.raw).toLowerCase() as Severity];
          if (color) {
            data.cell.styles.textColor = [...color];
            data.cell.styles.fontStyle = 'bold';
          }
        }
      },
    });
  }
}
