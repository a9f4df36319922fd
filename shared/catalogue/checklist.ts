import { answersByItem, type FrEvaluation, type ZoneEvaluation } from './security-levels';
import type { CatalogueItem } from './types';
import type { Answer, FrId } from '../model';
import { matchesWords, searchWords } from '../text/search';

/** How an item stands against the zone's SL-T. */
export type ItemScope = 'required' | 'out-of-scope' | 'above-target';

export interface ChecklistRow {
  item: CatalogueItem;
  scope: ItemScope;
  answer: Answer | undefined;
}

export interface ChecklistGroup {
  fr: FrEvaluation;
  rows: ChecklistRow[];
}

/** An answer that holds anything the assessor entered. */
export function hasContent(answer: Answer | undefined): answer is Answer {
  return (
    answer !== undefined &&
    (answer.status !== 'not-assessed' ||
      answer.notes.trim() !== '' ||
      answer.justification.trim() !== '' ||
      answer.evidenceIds.length > 0)
  );
}

/**
 * The rows the checklist shows, grouped by FR: the items the SL-T requires; items above it that
 * still hold an answer (out of scope, kept after a lower SL-T); and, on request, the other items
 * above the target.
 */
export function checklistGroups(
  evaluation: ZoneEvaluation<Answer>,
  frFilter: FrId | 'all',
  showAboveTarget: boolean,
): ChecklistGroup[] {
  const byItem = answersByItem([...evaluation.inScope, ...evaluation.outOfScope]);
  return evaluation.perFr
    .filter((fr) => frFilter === 'all' || fr.fr === frFilter)
    .map((fr) => {
      const rows: ChecklistRow[] = fr.required.map((item) => ({
        item,
        scope: 'required',
        answer: byItem.get(item.id),
      }));
      for (const item of fr.aboveTarget) {
        const answer = byItem.get(item.id);
        if (hasContent(answer)) rows.push({ item, scope: 'out-of-scope', answer });
        else if (showAboveTarget) rows.push({ item, scope: 'above-target', answer });
      }
      return { fr, rows };
    });
}

/** The groups with only the rows whose item id or title hold every word of the query (accents and case ignored); groups left empty are dropped. */
export function searchChecklist(groups: readonly ChecklistGroup[], query: string): ChecklistGroup[] {
  const words = searchWords(query);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      rows: group.rows.filter((row) => matchesWords(words, [row.item.id, row.item.title])),
    }))
    .filter((group) => group.rows.length > 0);
}
