import { satisfiedCount, vectorToArray, type ItemAssessment } from '../catalogue';
import { ANSWER_STATUS_LABELS, ZONE_KIND_LABELS, type Answer } from '../model';
import type { ReportModel, ZoneResult } from './model';
import { achievedLabels } from './sections/coverage';
import type { TextTable } from './wording';

/**
 * The tables the PDF and the DOCX both print, built once: each writer only adds its own column
 * widths and type, so the two documents cannot say different things in the same table.
 */

const vec = (v: Parameters<typeof vectorToArray>[0]) => vectorToArray(v).join(' ');

/** A zone's address ranges, at most `shown` of them with the rest counted. */
function rangesText(ranges: readonly string[], shown: number): string {
  if (ranges.length <= shown) return ranges.join(', ');
  return `${ranges.slice(0, shown).join(', ')} (+${ranges.length - shown})`;
}

export function zonesTable(model: ReportModel, rangesShown = Infinity): TextTable {
  return {
    head: ['Zone', 'Kind', 'Level', 'Criticality', 'SL-T', 'SL-A', 'Gap', 'Assets', 'Address ranges'],
    rows: model.zones.map((z) => [
      z.zone.name,
      ZONE_KIND_LABELS[z.zone.kind],
      z.zone.purdueLevel === null ? '–' : String(z.zone.purdueLevel),
      z.zone.criticality,
      vec(z.evaluation.target),
      achievedLabels(z),
      vec(z.evaluation.gap),
      String(z.assetCount),
      rangesText(z.zone.ranges, rangesShown),
    ]),
  };
}

export function coverageTable(model: ReportModel): TextTable {
  return {
    head: ['Zone', 'Assessed', 'Met', 'Partial', 'Not met', 'Not assessed', 'SL-A (FR1–FR7)'],
    rows: model.zones.map((z: ZoneResult) => {
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
  };
}

/** A zone's required items split as the report lists them: failed, then justified. */
export function itemsToReport(z: ZoneResult): {
  failed: ItemAssessment<Answer>[];
  justified: ItemAssessment<Answer>[];
} {
  const items = z.evaluation.perFr.flatMap((fr) => fr.items);
  return {
    failed: items.filter((i) => i.outcome === 'not-met' || i.outcome === 'partially-met'),
    justified: items.filter((i) => i.outcome === 'compensating' || i.outcome === 'not-applicable'),
  };
}

export function failedItemsTable(failed: readonly ItemAssessment<Answer>[]): TextTable {
  return {
    head: ['Item', 'Requirement', 'Status', 'Notes'],
    rows: failed.map(({ item, answer }) => [
      item.id,
      item.title,
      ANSWER_STATUS_LABELS[(answer as Answer).status],
      (answer as Answer).notes.trim() || '–',
    ]),
  };
}

export function justifiedItemsTable(justified: readonly ItemAssessment<Answer>[]): TextTable {
  return {
    head: ['Item', 'Requirement', 'Answer', 'Justification'],
    rows: justified.map(({ item, outcome, answer, inheritedFrom }) => [
      item.id,
      item.title,
      outcome === 'compensating'
        ? 'Compensating control'
        : inheritedFrom
          ? `Not applicable (as ${inheritedFrom.itemId})`
          : 'Not applicable',
      ((inheritedFrom ?? answer) as Answer).justification.trim(),
    ]),
  };
}

/** A text table in the PDF writer's shape: one header row over the body. */
export function pdfTable(table: TextTable): { head: string[][]; body: string[][] } {
  return { head: [table.head], body: table.rows };
}
