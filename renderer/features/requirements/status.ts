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
