import { PROGRAM_PHASE_LABELS, type Severity } from '../../model';
import type { ReportModel } from '../model';
import { COLORS, CONTENT_WIDTH, type ReportWriter } from '../layout';
import { writeRoadmap } from './roadmap';
import { SEVERITY_COLORS } from './summary';
import { EMPTY } from '../wording';

const FINDING_COLUMN = 62;
const PT_TO_MM = 25.4 / 72;
const CELL_SIZE = 8;
/** What is left of the content width after #, severity, finding and phase. */
const RECOMMENDATION_COLUMN = CONTENT_WIDTH - 12 - 19 - FINDING_COLUMN - 27;

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

/**
 * The finding cell's lines, wrapped here with the real glyph widths (autoTable measures CJK too
 * narrow) at the table's size, so autoTable keeps them as they are and can split a long row
 * across pages; the title's lines are drawn bold.
 */
function findingLines(
  w: ReportWriter,
  title: string,
  description: string,
): { lines: string[]; lead: number } {
  const width = FINDING_COLUMN - 4;
  const lead = w.wrap(title, width, CELL_SIZE, 'bold');
  const rest = description.trim() ? w.wrap(description.trim(), width, CELL_SIZE, 'normal') : [];
  return { lines: [...lead, ...rest], lead: lead.length };
}

function writeOpenFindings(w: ReportWriter, model: ReportModel): void {
  const cells = model.openFindings.map((f) => findingLines(w, f.title, f.description));
  // A row split over pages is drawn in parts: how many of its lines earlier parts have drawn.
  const drawn = new Map<number, number>();
  const stashed = new WeakMap<object, string[]>();
  w.table({
    head: [['#', 'Severity', 'Finding', 'Phase', 'Recommendation']],
    body: model.openFindings.map((f, i) => [
      model.findingLabel(f),
      f.severity.toUpperCase(),
      cells[i]!.lines.join('\n'),
      `${f.phase}. ${PROGRAM_PHASE_LABELS[f.phase]}`,
      // Pre-wrapped with real glyph widths too, so a CJK recommendation keeps the table's size.
      f.recommendation ? w.wrap(f.recommendation, RECOMMENDATION_COLUMN - 4, CELL_SIZE).join('\n') : '–',
    ]),
    styles: { fontSize: CELL_SIZE },
    rowPageBreak: 'auto',
    columnStyles: {
      0: { cellWidth: 12 },
      1: { cellWidth: 19 },
      2: { cellWidth: FINDING_COLUMN },
      3: { cellWidth: 27 },
    },
    didParseCell: (data) => severityCell(data, 1),
    willDrawCell: (data) => {
      if (data.section !== 'body' || data.column.index !== 2 || data.cell.text.length === 0) return;
      stashed.set(data.cell, data.cell.text);
      data.cell.text = [];
    },
    didDrawCell: (data) => {
      const lines = stashed.get(data.cell);
      if (!lines) return;
      const pos = data.cell.getTextPos();
      const step = CELL_SIZE * PT_TO_MM * w.doc.getLineHeightFactor();
      const before = drawn.get(data.row.index) ?? 0;
      const lead = cells[data.row.index]?.lead ?? 1;
      let y = pos.y + CELL_SIZE * PT_TO_MM * 0.85;
      lines.forEach((line, i) => {
        const bold = before + i < lead;
        w.textAt(line, pos.x, y, CELL_SIZE, bold ? 'bold' : 'normal', bold ? COLORS.primary : COLORS.ink);
        y += step;
      });
      drawn.set(data.row.index, before + lines.length);
      data.cell.text = lines;
    },
  });
}

export function writeFindings(w: ReportWriter, model: ReportModel): void {
  w.section('Findings');
  if (model.openFindings.length === 0) w.empty(EMPTY.openFindings);
  else writeOpenFindings(w, model);
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
