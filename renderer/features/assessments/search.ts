import type { Assessment } from '../../../shared/model';
import { matchesWords, searchWords } from '../../../shared/text/search';

/** Every word of the query must appear in the title, client, site, assessors or scope (accents and case ignored). */
export function matchesSearch(assessment: Assessment, query: string): boolean {
  return matchesWords(searchWords(query), [
    assessment.title,
    assessment.client,
    assessment.site,
    assessment.scope,
    ...assessment.assessors,
  ]);
}

/** The cards the home page lists (archived ones only when asked for), and how many are archived. */
export function homeListing(
  assessments: readonly Assessment[],
  query: string,
  showArchived: boolean,
): { visible: Assessment[]; archivedCount: number } {
  return {
    visible: assessments.filter((a) => (showArchived || a.status === 'active') && matchesSearch(a, query)),
    archivedCount: assessments.filter((a) => a.status === 'archived').length,
  };
}
