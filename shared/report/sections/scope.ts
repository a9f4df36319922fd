import { FOUNDATIONAL_REQUIREMENTS } from '../../catalogue';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { assessmentPeriod } from './front';
import { catalogueNote, EMPTY, METHOD_TEXT, SECURITY_LEVEL_MEANINGS, SL_VECTOR_TEXT } from '../wording';

export function writeScope(w: ReportWriter, model: ReportModel): void {
  const a = model.data.assessment;
  w.section('Scope and method');
  w.subheading('Scope');
  w.paragraph(a.scope.trim() || EMPTY.scope);
  w.paragraph(
    `Assessment period: ${assessmentPeriod(model)}. Assessors: ${a.assessors.join(', ') || 'not recorded'}.`,
    { color: COLORS.muted, size: 9 },
  );

  w.subheading('Method');
  for (const text of METHOD_TEXT) w.paragraph(text);

  w.subheading('What the security levels mean');
  w.bullets([...SECURITY_LEVEL_MEANINGS]);
  w.paragraph(SL_VECTOR_TEXT);
  w.table({
    head: [['FR', 'Short', 'Foundational requirement']],
    body: FOUNDATIONAL_REQUIREMENTS.map((fr) => [fr.id, fr.short, fr.name]),
    columnStyles: { 0: { cellWidth: 16 }, 1: { cellWidth: 18 } },
  });
  w.paragraph(catalogueNote(model), { size: 9, color: COLORS.muted });
}
