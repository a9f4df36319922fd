import { ANSWER_STATUS_LABELS, type Answer } from '../../model';
import { countsAsMet, formatVector } from '../../catalogue';
import { formatSlt } from '../../model/slt';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { drawThumbnails } from './evidence';

const TOC_ZONE_LIMIT = 12;

export function writeRequirements(w: ReportWriter, model: ReportModel): void {
  w.section('Requirement results per zone');
  if (model.zones.length === 0) {
    w.empty('No zones are defined, so no requirements have been assessed.');
    return;
  }
  w.paragraph(
    'For each zone, the requirements its SL-T calls for that are not met: not met, partially met, or not yet assessed. ' +
      'Items met, covered by a compensating control or justified as not applicable are not repeated here; the full list is in data/answers.csv of the bundle.',
    { size: 9, color: COLORS.muted },
  );
  const evidenceById = new Map(model.data.evidence.map((e) => [e.id, e]));
  for (const z of model.zones) {
    w.subheading(z.zone.name, model.zones.length <= TOC_ZONE_LIMIT);
    const { evaluation } = z;
    const p = evaluation.progress.zone;
    w.paragraph(
      `${formatSlt(z.zone.slt)}   ${formatVector('SL-A', evaluation.achieved)}   ${formatVector('Gap', evaluation.gap)}   ·   ${p.answered} of ${p.required} required items assessed`,
      { size: 8.5, color: COLORS.muted, after: 1.5 },
    );
    if (p.required === 0) {
      w.empty('No SL-T is set for this zone, so no requirements apply yet.');
      continue;
    }
    const byItem = new Map<string, Answer>();
    for (const answer of evaluation.inScope) {
      const current = byItem.get(answer.itemId);
      if (!current || answer.updatedAt >= current.updatedAt) byItem.set(answer.itemId, answer);
    }
    const answeredUnmet: { id: string; title: string; answer: Answer }[] = [];
    const notAssessed: string[] = [];
    for (const fr of evaluation.perFr) {
      for (const item of fr.unmet) {
        const answer = byItem.get(item.id);
        if (!answer || answer.status === 'not-assessed') notAssessed.push(item.id);
        else answeredUnmet.push({ id: item.id, title: item.title, answer });
      }
    }
    if (answeredUnmet.length === 0 && notAssessed.length === 0) {
      w.paragraph('Every required item is met, compensated or justified as not applicable.', { size: 9.5 });
      continue;
    }
    if (answeredUnmet.length > 0) {
      w.table({
        head: [['Item', 'Requirement', 'Status', 'Notes']],
        body: answeredUnmet.map(({ id, title, answer }) => [
          id,
          title,
          countsAsMet(answer)
            ? 'Met'
            : ANSWER_STATUS_LABELS[answer.status] +
              (answer.justification.trim() || answer.status === 'not-met' || answer.status === 'partially-met'
                ? ''
                : ' (no justification)'),
          [answer.notes, answer.justification].filter((s) => s.trim()).join('\n') || '–',
        ]),
        columnStyles: { 0: { cellWidth: 24 }, 1: { cellWidth: 52 }, 2: { cellWidth: 26 } },
      });
      const evidence = answeredUnmet
        .flatMap(({ answer }) => answer.evidenceIds)
        .map((id) => evidenceById.get(id))
        .filter((e) => e !== undefined);
      drawThumbnails(w, [...new Map(evidence.map((e) => [e.id, e])).values()]);
    }
    if (notAssessed.length > 0) {
      w.paragraph(`Not yet assessed (${notAssessed.length}): ${notAssessed.join(', ')}.`, { size: 8.5 });
    }
  }
}
