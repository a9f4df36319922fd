import { PROGRAM_PHASES, PROGRAM_PHASE_LABELS, ROADMAP_SLOTS, SEVERITIES, type Finding } from '../../model';
import { planRoadmap, resolveFindingSettings, ROADMAP_SLOT_LABELS } from '../../findings';
import type { ReportModel } from '../model';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';
import { SEVERITY_COLORS } from './summary';
import { EMPTY } from '../wording';

const LABEL_W = 50;
const COL_W = (CONTENT_WIDTH - LABEL_W) / ROADMAP_SLOTS.length;
const CHIP = { w: 13, h: 5, gap: 1.5 };
const PER_LINE = Math.max(1, Math.floor((COL_W - 2) / (CHIP.w + CHIP.gap)));
const LINE_H = CHIP.h + CHIP.gap;
const HEADER_H = 7;
const LIMIT = PAGE.height - PAGE.bottom;

/** One program phase: per quarter the findings in it, cut into lines of chips. */
interface PhaseRow {
  label: string[];
  lines: Finding[][][];
}

function phaseRows(model: ReportModel): PhaseRow[] {
  const plan = planRoadmap(model.openFindings, {
    quarterCapacity: resolveFindingSettings(model.data.assessment.findingSettings).quarterCapacity,
  });
  return PROGRAM_PHASES.map((phase) => {
    const cells = ROADMAP_SLOTS.map((slot) =>
      model.openFindings.filter((f) => f.phase === phase && plan.get(f.id)?.slot === slot),
    );
    const count = Math.max(1, ...cells.map((c) => Math.ceil(c.length / PER_LINE)));
    const lines = Array.from({ length: count }, (_, l) =>
      cells.map((c) => c.slice(l * PER_LINE, (l + 1) * PER_LINE)),
    );
    return { label: [`${phase}. ${PROGRAM_PHASE_LABELS[phase]}`], lines };
  });
}

function drawHeader(w: ReportWriter): void {
  w.doc.setFillColor(...COLORS.primary);
  w.doc.rect(PAGE.left, w.y, CONTENT_WIDTH, HEADER_H, 'F');
  w.textAt('Program phase', PAGE.left + 2, w.y + 4.8, 8, 'bold', [255, 255, 255]);
  ROADMAP_SLOTS.forEach((slot, i) =>
    w.textAt(
      ROADMAP_SLOT_LABELS[slot],
      PAGE.left + LABEL_W + i * COL_W + COL_W / 2,
      w.y + 4.8,
      8,
      'bold',
      [255, 255, 255],
      'center',
    ),
  );
  w.y += HEADER_H;
}

/** Draws one block of a phase (the lines that fit on this page), with its label and grid. */
function drawBlock(
  w: ReportWriter,
  model: ReportModel,
  label: string,
  lines: Finding[][][],
  shade: boolean,
): void {
  const { doc } = w;
  const labelLines = w.wrap(label, LABEL_W - 4, 8).slice(0, 2);
  const height = Math.max(10, lines.length * LINE_H + 3, labelLines.length * 3.6 + 3);
  if (shade) {
    doc.setFillColor(...COLORS.light);
    doc.rect(PAGE.left, w.y, CONTENT_WIDTH, height, 'F');
  }
  labelLines.forEach((line, i) => w.textAt(line, PAGE.left + 2, w.y + 4.5 + i * 3.6, 8));
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.2);
  ROADMAP_SLOTS.forEach((_, i) => {
    const x0 = PAGE.left + LABEL_W + i * COL_W;
    doc.line(x0, w.y, x0, w.y + height);
    lines.forEach((line, l) =>
      line[i]!.forEach((f, k) => {
        const x = x0 + 1.5 + k * (CHIP.w + CHIP.gap);
        const y = w.y + 2 + l * LINE_H;
        doc.setFillColor(...SEVERITY_COLORS[f.severity]);
        doc.roundedRect(x, y, CHIP.w, CHIP.h, 1, 1, 'F');
        w.textAt(model.findingLabel(f), x + CHIP.w / 2, y + 3.6, 7, 'bold', [255, 255, 255], 'center');
      }),
    );
  });
  w.y += height;
  doc.setDrawColor(...COLORS.rule);
  doc.line(PAGE.left, w.y, PAGE.left + CONTENT_WIDTH, w.y);
}

function drawLegend(w: ReportWriter): void {
  w.ensureSpace(10);
  w.y += 4;
  let x = PAGE.left;
  for (const severity of SEVERITIES) {
    w.doc.setFillColor(...SEVERITY_COLORS[severity]);
    w.doc.roundedRect(x, w.y, 3.5, 3.5, 0.6, 0.6, 'F');
    x += 5 + w.textAt(severity, x + 5, w.y + 2.9, 7.5, 'normal', COLORS.muted) + 5;
  }
  w.y += 9;
}

/**
 * A Gantt-like grid: program phases down, the first year's quarters across, finding numbers in
 * cells. It paginates: a phase with more findings than the page holds continues on the next page
 * under a repeated header, so every finding number shows, at any size.
 */
export function writeRoadmap(w: ReportWriter, model: ReportModel): void {
  const intro =
    "Open findings on the first-year timeline, by program phase. Where the assessor has not placed a finding, it sits in its phase's quarter; backups and other quick wins start in months 1–3 and critical findings a quarter earlier. When a quarter's capacity is set and reached, the least severe findings move to the next quarter.";
  // Keep-with-next: the heading, the introduction, the grid's header and its first line together.
  const introHeight = w.wrap(intro, CONTENT_WIDTH, 8.5).length * w.lineHeight(8.5) + 2.5;
  w.ensureSpace(22 + introHeight + HEADER_H + 13);
  w.subheading('Roadmap for the first year', true);
  if (model.openFindings.length === 0) {
    w.empty(EMPTY.schedule);
    return;
  }
  w.paragraph(intro, { size: 8.5, color: COLORS.muted });
  drawHeader(w);
  phaseRows(model).forEach((row, r) => {
    let next = 0;
    while (next < row.lines.length) {
      const room = Math.floor((LIMIT - w.y - 3) / LINE_H);
      if (room < 1 || w.y + 11 > LIMIT) {
        w.newPage();
        drawHeader(w);
        continue;
      }
      const take = row.lines.slice(next, next + room);
      const label = next === 0 ? row.label[0]! : `${row.label[0]!} (continued)`;
      drawBlock(w, model, label, take, r % 2 === 1);
      next += take.length;
    }
  });
  drawLegend(w);
}
