import { DEFAULT_CATALOGUE_VERSION } from './version';
import {
  defaultTitle,
  newAssessmentInputSchema,
  type Assessment,
  type NewAssessmentInput,
} from './assessment';
import { newId, nowIso } from './common';

/** A new, empty assessment from validated input; throws a ZodError on bad input. */
export function createAssessment(input: NewAssessmentInput, now = nowIso()): Assessment {
  const parsed = newAssessmentInputSchema.parse(input);
  return {
    id: newId(),
    title: parsed.title?.trim() || defaultTitle(parsed.client, parsed.site),
    client: parsed.client,
    site: parsed.site,
    assessors: parsed.assessors,
    startDate: parsed.startDate,
    endDate: parsed.endDate,
    scope: parsed.scope,
    status: 'active',
    catalogueVersion: DEFAULT_CATALOGUE_VERSION,
    createdAt: now,
    updatedAt: now,
  };
}
