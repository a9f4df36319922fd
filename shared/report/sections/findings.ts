import { PROGRAM_PHASES, PROGRAM_PHASE_LABELS, ROADMAP_SLOTS, type Severity } from '../../model';
import { planRoadmap, resolveFindingSettings, ROADMAP_SLOT_LABELS } from '../../findings';
import type { ReportModel } from '../model';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';

const FINDING_COLUMN = 62;
const PT_TO_MM = 25.4 / 72;
const boldLead = new WeakMap<object, string[]>();
import { SEVERITY_COLORS } from './summary';

function severityCell(
  data: {
    section: string;
    column: { index: number };
    cell: { text: string[]; styles: { textColor: unknown; fontStyle: unknown } };
  },
  column: number,
) {
  if (data.section === 'body' && data.column.index === column) {
    const color = SEVERITY_COLORS[data.cell.text.join('').toLowerCase() as Severity];
    if (color) {
      data.cell.styles.textColor = [...color];
      data.cell.styles.fontStyle = 'bold';
    }
  }
}

export function writeFindings(w: ReportWriter, model: ReportModel): void {
  w.section('Findings');
  if (model.openFindings.length === 0) w.empty('No open findings are recorded in this assessment.');
  else {
    // The title is pre-wrapped in bold at the column's width, so its lines can be drawn bold below.
    const titleWidth = FINDING_COLUMN - 4;
    const titleLines = new Map(model.openFindings.map((f) => [f.id, w.wrap(f.title, titleWidth, 8, 'bold')]));
    const leadLines: number[] = [];
    w.table({
      head: [['#', 'Severity', 'Finding', 'Phase', 'Recommendation']],
      body: model.openFindings.map((f) => {
        const title = titleLines.get(f.id)!;
        leadLines.push(title.length);
        return [
          model.findingLabel(f),
          f.severity.toUpperCase(),
          title.join('\n') + (f.description.trim() ? `\n${f.description}` : ''),
          `${f.phase}. ${PROGRAM_PHASE_LABELS[f.phase]}`,
          f.recommendation || '–',
        ];
      }),
      styles: { fontSize: 8 },
      columnStyles: {
        0: { cellWidth: 12 },
        1: { cellWidth: 19, fontSize: 7.5 },
        2: { cellWidth: FINDING_COLUMN },
        3: { cellWidth: 27 },
      },
      didParseCell: (data) => severityCell(data, 1),
      willDrawCell: (data) => {
        if (data.section !== 'body' || data.column.index !== 2 || data.cell.text.length === 0) return;
        boldLead.set(data.cell, data.cell.text);
        data.cell.text = [];
      },
      didDrawCell: (data) => {
        const lines = boldLead.get(data.cell);
        if (!lines) return;
        const pos = data.cell.getTextPos();
        const size = data.cell.styles.fontSize;
        const step = size * PT_TO_MM * w.doc.getLineHeightFactor();
        const lead = leadLines[data.row.index] ?? 1;
        let y = pos.y + size * PT_TO_MM * 0.85;
        for (const line of lines.slice(0, lead)) {
          w.textAt(line, pos.x, y, size, 'bold', COLORS.primary);
          y += step;
        }
        // The description is re-wrapped with real glyph widths (autoTable measures CJK too narrow).
        const description = model.openFindings[data.row.index]?.description.trim() ?? '';
        if (description) {
          const room = data.cell.height - data.cell.padding('vertical') - lead * step;
          const fitted = w.fitText(
            description,
            data.cell.width - data.cell.padding('horizontal'),
            room,
            size,
            'normal',
          );
          const fittedStep = fitted.size * PT_TO_MM * w.doc.getLineHeightFactor();
          y += (fitted.size - size) * PT_TO_MM * 0.85;
          for (const line of fitted.lines) {
            w.textAt(line, pos.x, y, fitted.size);
            y += fittedStep;
          }
        }
        data.cell.text = lines;
      },
    });
  }
  if (model.dismissedFindings.length > 0) {
    w.subheading('Dismissed findings');
    w.table({
      head: [['#', 'Finding', 'Reason for dismissal']],
      body: model.dismissedFindings.map((f) => [model.findingLabel(f), f.title, f.dismissReason]),
      columnStyles: { 0: { cellWidth: 12 } },
    });
  }
  writeRoadmap(w, model);
}

/** A Gantt-like grid: program phases down, the first year's quarters across, finding numbers in cells. */
function writeRoadmap(w: ReportWriter, model: ReportModel): void {
  w.subheading('Roadmap for the first year', true);
  if (model.openFindings.length === 0) {
    w.empty('With no open findings there is nothing to schedule.');
    return;
  }
  w.paragraph(
    "Open findings on the first-year timeline, by program phase. Where the assessor has not placed a finding, it sits in its phase's quarter; backups and other quick wins start in months 1–3 and critical findings a quarter earlier. When a quarter's capacity is set and reached, the least severe findings move to the next quarter.",
    { size: 8.5, color: COLORS.muted },
  );
  const plan = planRoadmap(model.openFindings, {
    quarterCapacity: resolveFindingSettings(model.data.assessment.findingSettings).quarterCapacity,
  });
  const { doc } = w;
  const labelW = 50;
  const colW = (CONTENT_WIDTH - labelW) / ROADMAP_SLOTS.length;
  const chip = { w: 13, h: 5, gap: 1.5 };
  const perLine = Math.max(1, Math.floor((colW - 2) / (chip.w + chip.gap)));
  const rows = PROGRAM_PHASES.map((phase) => {
    const cells = ROADMAP_SLOTS.map((slot) =>
      model.openFindings.filter((f) => f.phase === phase && plan.get(f.id)?.slot === slot),
    );
    const lines = Math.max(1, ...cells.map((c) => Math.ceil(c.length / perLine)));
    return { phase, cells, height: Math.max(10, lines * (chip.h + chip.gap) + 3) };
  });
  w.ensureSpace(8 + rows.reduce((s, r) => s + r.height, 0));
  doc.setFillColor(...COLORS.primary);
  doc.rect(PAGE.left, w.y, CONTENT_WIDTH, 7, 'F');
  w.textAt('Program phase', PAGE.left + 2, w.y + 4.8, 8, 'bold', [255, 255, 255]);
  ROADMAP_SLOTS.forEach((slot, i) =>
    w.textAt(
      ROADMAP_SLOT_LABELS[slot],
      PAGE.left + labelW + i * colW + colW / 2,
      w.y + 4.8,
      8,
      'bold',
      [255, 255, 255],
      'center',
    ),
  );
  w.y += 7;
  rows.forEach((row, r) => {
    if (r % 2 === 1) {
      doc.setFillColor(...COLORS.light);
      doc.rect(PAGE.left, w.y, CONTENT_WIDTH, row.height, 'F');
    }
    w.wrap(`${row.phase}. ${PROGRAM_PHASE_LABELS[row.phase]}`, labelW - 4, 8)
      .slice(0, 2)
      .forEach((line, i) => w.textAt(line, PAGE.left + 2, w.y + 4.5 + i * 3.6, 8));
    row.cells.forEach((findings, i) => {
      const x0 = PAGE.left + labelW + i * colW;
      doc.setDrawColor(...COLORS.rule);
      doc.setLineWidth(0.2);
      doc.line(x0, w.y, x0, w.y + row.height);
      findings.forEach((f, k) => {
        const x = x0 + 1.5 + (k % perLine) * (chip.w + chip.gap);
        const y = w.y + 2 + Math.floor(k / perLine) * (chip.h + chip.gap);
        doc.setFillColor(...SEVERITY_COLORS[f.severity]);
        doc.roundedRect(x, y, chip.w, chip.h, 1, 1, 'F');
        w.textAt(model.findingLabel(f), x + chip.w / 2, y + 3.6, 7, 'bold', [255, 255, 255], 'center');
      });
    });
    w.y += row.height;
    doc.setDrawColor(...COLORS.rule);
    doc.line(PAGE.left, w.y, PAGE.left + CONTENT_WIDTH, w.y);
  });
  w.y += 4;
  let x = PAGE.left;
  for (const severity of ['critical', 'high', 'medium', 'low', 'info'] as Severity[]) {
    doc.setFillColor(...SEVERITY_COLORS[severity]);
    doc.roundedRect(x, w.y, 3.5, 3.5, 0.6, 0.6, 'F');
    x += 5 + w.textAt(severity, x + 5, w.y + 2.9, 7.5, 'normal', COLORS.muted) + 5;
  }
  w.y += 9;
}
