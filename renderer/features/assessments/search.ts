import type { Assessment } from '../../../shared/model';

/** Every word of the query must appear in the title, client, site, assessors or scope. */
export function matchesSearch(assessment: Assessment, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    assessment.title,
    assessment.client,
    assessment.site,
    assessment.scope,
    ...assessment.assessors,
  ]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}
