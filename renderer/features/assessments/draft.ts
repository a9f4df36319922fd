import type { ZodError } from 'zod';
import type { Assessment } from '../../../shared/model';
import { splitAssessors, type AssessmentDraft, type DraftErrors } from './AssessmentFields';

export function draftFromAssessment(a: Assessment): AssessmentDraft {
  return {
    title: a.title,
    client: a.client,
    site: a.site,
    assessors: a.assessors.join(', '),
    startDate: a.startDate ?? '',
    endDate: a.endDate ?? '',
    scope: a.scope,
  };
}

export function draftToInput(draft: AssessmentDraft) {
  return {
    title: draft.title.trim(),
    client: draft.client,
    site: draft.site,
    assessors: splitAssessors(draft.assessors),
    startDate: draft.startDate || null,
    endDate: draft.endDate || null,
    scope: draft.scope,
  };
}

/** Per-field messages from a zod error on the assessment's fields. */
export function draftErrors(error: ZodError): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as keyof AssessmentDraft | undefined;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}
