import { achievedDisplay } from '../../catalogue';
import { riskConsequenceOf, zoneConsequence, type RiskConsequenceData } from '../../findings';
import type { ReportModel, ZoneResult } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { coverageText, EMPTY, SL_A_CAP_NOTE, severityRuleText } from '../wording';
import { coverageTable, pdfTable } from '../tables';

/** SL-A per FR as shown: capped at SL-T ("≥2" above it), with "*" while the FR is not fully assessed. */
export function achievedLabels(z: ZoneResult): string {
  return z.evaluation.perFr
    .map(
      (fr) => `${achievedDisplay(fr.target, fr.achieved).label.replace(' ', '')}${fr.provisional ? '*' : ''}`,
    )
    .join(' ');
}

/**
 * What was and was not assessed, per zone: the reader must know how complete the picture is before
 * reading any gap. Items not assessed are the assessor's open work, never findings.
 */
export function writeCoverage(w: ReportWriter, model: ReportModel): void {
  w.section('Assessment coverage and limitations');
  const summary = coverageText(model);
  if (summary === null) {
    w.empty(EMPTY.targets);
    return;
  }
  w.paragraph(summary);
  w.table({
    ...pdfTable(coverageTable(model)),
    styles: { fontSize: 7.5 },
    columnStyles: {
      1: { cellWidth: 18, halign: 'right' },
      2: { cellWidth: 13, halign: 'right' },
      3: { cellWidth: 14, halign: 'right' },
      4: { cellWidth: 15, halign: 'right' },
      5: { cellWidth: 20, halign: 'right' },
      6: { cellWidth: 36 },
    },
  });
  w.paragraph(SL_A_CAP_NOTE, { size: 8.5, color: COLORS.muted });

  const conflicts = model.zones.flatMap((z) =>
    z.evaluation.conflicts.map(
      (c) =>
        `${z.zone.name}: ${c.itemId} is marked not applicable while its base requirement ${c.sr} is ${c.srOutcome.replace('-', ' ')}.`,
    ),
  );
  if (conflicts.length > 0) {
    w.subheading('Answers to review');
    w.bullets(conflicts, 9);
  }

  w.subheading('How severity is rated');
  w.paragraph(severityRuleText(model), { size: 9 });
  w.paragraph(consequenceSourceText(model.data), { size: 9 });
}

/** Where each zone's consequence came from in this assessment, for the method text. */
export function consequenceSourceText(data: RiskConsequenceData): string {
  const risk = riskConsequenceOf(data);
  const rated: string[] = [];
  const fallback: string[] = [];
  for (const zone of data.zones) {
    const c = zoneConsequence(zone, risk);
    (c.source === 'risk assessment' ? rated : fallback).push(`${zone.name} ${c.level}`);
  }
  if (data.zones.length === 0) return 'No zones are defined, so no consequence was applied.';
  const parts = [
    rated.length > 0
      ? `Consequence from the risk assessment’s impact ratings (its worst category, on this 1–5 scale): ${rated.join(', ')}.`
      : 'No zone has a consequence rating in the risk assessment, so every zone’s consequence comes from its criticality.',
    rated.length > 0 && fallback.length > 0
      ? `Not rated, so from criticality: ${fallback.join(', ')}.`
      : rated.length === 0
        ? `From criticality: ${fallback.join(', ')}.`
        : '',
  ];
  return parts.filter(Boolean).join(' ');
}
