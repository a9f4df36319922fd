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
