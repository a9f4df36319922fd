import type { Answer } from '../../model';
import { formatVector, type ItemAssessment } from '../../catalogue';
import { formatSlt } from '../../model/slt';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { drawThumbnails, itemEvidence } from './evidence';
import { ALL_ITEMS_JUSTIFIED, EMPTY, NOT_ASSESSED_INTRO, notAssessedNote } from '../wording';
import { failedItemsTable, itemsToReport, justifiedItemsTable, pdfTable } from '../tables';

const TOC_ZONE_LIMIT = 12;

export function writeRequirements(w: ReportWriter, model: ReportModel): void {
  w.section('Requirement results per zone');
  if (model.zones.length === 0) {
    w.empty(EMPTY.requirements);
    return;
  }
  w.paragraph(
    'For each zone: the requirements its SL-T calls for that are not met or only partially met, then those covered by a ' +
      'compensating control or justified as not applicable, each with its justification. Items met are not repeated. ' +
      'Items not assessed yet are listed in the appendix "Items not assessed".',
    { size: 9, color: COLORS.muted },
  );
  const evidenceById = new Map(model.data.evidence.map((e) => [e.id, e]));
  for (const z of model.zones) {
    w.subheading(z.zone.name, model.zones.length <= TOC_ZONE_LIMIT);
    const { evaluation } = z;
    const c = evaluation.coverage;
    w.paragraph(
      `${formatSlt(z.zone.slt)}   ${formatVector('SL-A', evaluation.achieved)}${evaluation.provisional ? ' (provisional)' : ''}   ${formatVector('Gap', evaluation.gap)}   ·   ${c.answered} of ${c.required} required items assessed`,
      { size: 8.5, color: COLORS.muted, after: 1.5 },
    );
    if (c.required === 0) {
      w.empty(EMPTY.zoneWithoutSlt);
      continue;
    }
    const { failed, justified } = itemsToReport(z);
    if (failed.length === 0 && c.notAssessed === 0) {
      w.paragraph(ALL_ITEMS_JUSTIFIED, { size: 9.5 });
    }
    if (failed.length > 0) {
      w.table({
        ...pdfTable(failedItemsTable(failed)),
        columnStyles: { 0: { cellWidth: 24 }, 1: { cellWidth: 52 }, 2: { cellWidth: 26 } },
      });
      drawThumbnails(w, itemEvidence(failed, evidenceById));
    }
    if (justified.length > 0) {
      w.table({
        ...pdfTable(justifiedItemsTable(justified)),
        columnStyles: { 0: { cellWidth: 24 }, 1: { cellWidth: 52 }, 2: { cellWidth: 30 } },
      });
      drawThumbnails(w, itemEvidence(justified, evidenceById));
    }
    if (c.notAssessed > 0) {
      w.paragraph(notAssessedNote(c.notAssessed), { size: 8.5, color: COLORS.muted });
    }
  }
}

/**
 * Every required item not assessed yet: per zone the items by FR, then each of those items once with
 * its title. At 150 zones one row per (zone, item) would fill hundreds of pages with the same titles.
 */
export function writeNotAssessedAppendix(w: ReportWriter, model: ReportModel): void {
  const zones = model.zones.filter((z) => z.evaluation.coverage.notAssessed > 0);
  if (zones.length === 0) return;
  w.section('Appendix: Items not assessed');
  w.paragraph(NOT_ASSESSED_INTRO, { size: 9, color: COLORS.muted });
  const open = new Map<string, ItemAssessment<Answer>['item']>();
  const body = zones.map((z) => {
    const c = z.evaluation.coverage;
    const byFr = z.evaluation.perFr
      .map((fr) => {
        const ids = fr.items.filter((i) => i.outcome === 'not-assessed').map((i) => i.item);
        for (const item of ids) open.set(item.id, item);
        return ids.length > 0 ? `${fr.fr}: ${ids.map((i) => i.id.replace(/^SR /, '')).join(', ')}` : '';
      })
      .filter(Boolean);
    return [
      z.zone.name,
      `${c.notAssessed} of ${c.required}`,
      c.notAssessed === c.required ? 'none assessed yet' : byFr.join('\n'),
    ];
  });
  w.table({
    head: [['Zone', 'Not assessed', 'Items (SR and RE numbers, by FR)']],
    body,
    styles: { fontSize: 7.5 },
    columnStyles: { 0: { cellWidth: 45 }, 1: { cellWidth: 22 } },
  });
  const order = new Map(model.catalogue.items.map((item, index) => [item.id, index]));
  w.table({
    head: [['Item', 'Requirement']],
    body: [...open.values()]
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((item) => [item.id, item.title]),
    styles: { fontSize: 7.5 },
    columnStyles: { 0: { cellWidth: 30 } },
  });
}
