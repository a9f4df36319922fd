import type { ZodError } from 'zod';
import { fieldMessages, type Assessment } from '../../../shared/model';
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
  return fieldMessages(error, DRAFT_LABELS) as DraftErrors;
}

const DRAFT_LABELS: Record<string, string> = {
  title: 'The title',
  client: 'The client',
  site: 'The site',
  assessors: 'The assessors',
  startDate: 'The start date',
  endDate: 'The end date',
  scope: 'The scope',
};
