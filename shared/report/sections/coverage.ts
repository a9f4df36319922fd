import { achievedDisplay, addCoverage, emptyCoverage, satisfiedCount } from '../../catalogue';
import { FR_IDS } from '../../model/common';
import {
  DEFAULT_FR_WEIGHTS,
  SEVERITY_BANDS,
  resolveFindingSettings,
  riskConsequenceOf,
  zoneConsequence,
  type RiskConsequenceData,
} from '../../findings';
import { plural } from '../../findings/types';
import type { ReportModel, ZoneResult } from '../model';
import { COLORS, type ReportWriter } from '../layout';

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
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  if (total.required === 0) {
    w.empty('No zone has a target security level, so no requirement was in scope.');
    return;
  }
  const incomplete = model.zones.filter((z) => z.evaluation.provisional);
  w.paragraph(
    `${total.answered} of ${plural(total.required, 'required item')} were assessed across ${plural(model.zones.length, 'zone')}: ` +
      `${satisfiedCount(total)} met (${total.compensating} by a compensating control, ${total.notApplicable} not applicable), ` +
      `${total.partiallyMet} partially met, ${total.notMet} not met, and ${total.notAssessed} not assessed.` +
      (incomplete.length > 0
        ? ` In ${plural(incomplete.length, 'zone')} some required items were not assessed; their achieved security level (SL-A) is provisional, marked *, and may rise once they are. Items not assessed are not findings: they are listed in the appendix as open assessment work.`
        : ' Every required item of every zone was assessed.'),
  );
  w.table({
    head: [['Zone', 'Assessed', 'Met', 'Partial', 'Not met', 'Not assessed', 'SL-A (FR1–FR7)']],
    body: model.zones.map((z) => {
      const c = z.evaluation.coverage;
      return [
        z.zone.name,
        `${c.answered}/${c.required}`,
        String(satisfiedCount(c)),
        String(c.partiallyMet),
        String(c.notMet),
        String(c.notAssessed),
        achievedLabels(z),
      ];
    }),
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
  w.paragraph(
    'SL-A is shown capped at the zone’s SL-T: "≥2" means the zone achieves at least its target of 2.',
    {
      size: 8.5,
      color: COLORS.muted,
    },
  );

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
  const weights = resolveFindingSettings(model.data.assessment.findingSettings).frWeights;
  const custom = FR_IDS.some((fr) => weights[fr] !== DEFAULT_FR_WEIGHTS[fr]);
  w.paragraph(
    'A requirement finding is rated by what is at stake and how reachable it is: severity = consequence × exposure × FR weight, ' +
      'and × 0.6 where the requirement is partially met. Consequence (1–5) is the zone’s consequence from the risk assessment, ' +
      'else its criticality (low 2, medium 3, high 4, critical 5; a safety zone at least 4). Exposure is 1 plus one step for each of: ' +
      'a conduit to a less trusted zone, an undocumented connection, observed traffic from other zones that no conduit allows, ' +
      'traffic with public addresses, and remote access (at most 5). ' +
      `FR weights (${FR_IDS.map((fr) => `${fr} ${weights[fr]}`).join(', ')}${custom ? ', set for this assessment' : ''}) ` +
      'put availability, integrity and restricted data flow ahead of confidentiality. ' +
      `${bandsText()}; a finding spanning zones takes its worst case. ` +
      'Critical is kept for what is both high at stake and highly exposed (a consequence and an exposure of 4 or 5 together), so criticals are few. ' +
      'Undocumented connections are rated by their own likelihood × impact, and observed flows by the receiving zone’s consequence × 4 from a less trusted zone (× 2 otherwise), in the same bands.',
    { size: 9 },
  );
  w.paragraph(consequenceSourceText(model.data), { size: 9 });
}

/** "A score of 20 or more is critical, 12–19 high, …", from the bands the findings use. */
export function bandsText(): string {
  const parts = SEVERITY_BANDS.map((band, i) => {
    const upper = i === 0 ? null : SEVERITY_BANDS[i - 1]!.from - 1;
    return i === 0
      ? `A score of ${band.from} or more is ${band.severity}`
      : `${band.from}–${upper} ${band.severity}`;
  });
  return `${parts.join(', ')}, below ${SEVERITY_BANDS[SEVERITY_BANDS.length - 1]!.from} informational`;
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
