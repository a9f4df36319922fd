import { DEFAULT_DOCUMENT_CONTROL } from '../../model';
import type { ReportModel } from '../model';
import { COLORS, PAGE, type ReportWriter } from '../layout';
import { EMPTY } from '../wording';

/**
 * The document-control page after the cover: version, status, date and author, and who receives
 * the report. Unset fields fall back to what the assessment knows (its assessors, today's date).
 */
export function writeDocumentControl(w: ReportWriter, model: ReportModel, generatedAt: string): void {
  const a = model.data.assessment;
  const control = a.documentControl ?? DEFAULT_DOCUMENT_CONTROL;
  w.textAt('Document control', PAGE.left, PAGE.top + 6, 18, 'bold', COLORS.primary);
  w.doc.setDrawColor(...COLORS.accent);
  w.doc.setLineWidth(0.8);
  w.doc.line(PAGE.left, PAGE.top + 9, PAGE.left + 24, PAGE.top + 9);
  w.y = PAGE.top + 16;
  w.table({
    head: [['Field', 'Value']],
    body: [
      ['Document', `OT security assessment report — ${a.title}`],
      ['Version', control.version || 'not recorded'],
      ['Status', control.status === 'final' ? 'Final' : 'Draft'],
      ['Date', control.date ?? generatedAt.slice(0, 10)],
      ['Author', control.author || a.assessors.join(', ') || 'not recorded'],
    ],
    columnStyles: { 0: { cellWidth: 40, fontStyle: 'bold' } },
    styles: { fontSize: 9.5 },
  });
  w.subheading('Distribution');
  if (control.distribution.length === 0) {
    w.empty(EMPTY.distribution);
  } else {
    w.table({
      head: [['Name', 'Organisation', 'Role']],
      body: control.distribution.map((d) => [d.name, d.organisation || '–', d.role || '–']),
      styles: { fontSize: 9 },
    });
  }
  if (control.status !== 'final') {
    w.paragraph(
      'This is a draft: its findings and figures may still change before the final version is issued.',
      { size: 8.5, color: COLORS.muted },
    );
  }
}
