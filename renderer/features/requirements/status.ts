import type { AnswerStatus } from '../../../shared/model';

/** Statuses that need a justification: a reason (not applicable) or a description (compensating). */
export function needsJustification(status: AnswerStatus): boolean {
  return status === 'not-applicable' || status === 'compensating';
}

export function justificationLabel(status: AnswerStatus): string {
  return status === 'compensating' ? 'Compensating control (required)' : 'Why it does not apply (required)';
}

export const STATUS_CLASS: Record<AnswerStatus, string> = {
  'not-assessed': 'status-none',
  met: 'status-met',
  'partially-met': 'status-partial',
  'not-met': 'status-not-met',
  'not-applicable': 'status-na',
  compensating: 'status-compensating',
};

/** What a status that needs a justification says when it has none, or null when it needs none or has one. */
export function missingJustification(status: AnswerStatus, justification: string): string | null {
  if (!needsJustification(status) || justification.trim() !== '') return null;
  return status === 'compensating' ? 'Describe the compensating control.' : 'Give the reason.';
}
