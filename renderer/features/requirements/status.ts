import { ANSWER_STATUSES, type AnswerStatus } from '../../../shared/model';

/** Statuses that need a justification: a reason (not applicable) or a description (compensating). */
export function needsJustification(status: AnswerStatus): boolean {
  return status === 'not-applicable' || status === 'compensating';
}

export function justificationLabel(status: AnswerStatus): string {
  return status === 'compensating' ? 'Compensating control (required)' : 'Why it does not apply (required)';
}

/** Keys 1..6 in the order of ANSWER_STATUSES. */
export function statusForKey(key: string): AnswerStatus | undefined {
  const index = Number(key) - 1;
  return Number.isInteger(index) ? ANSWER_STATUSES[index] : undefined;
}

export const STATUS_CLASS: Record<AnswerStatus, string> = {
  'not-assessed': 'status-none',
  met: 'status-met',
  'partially-met': 'status-partial',
  'not-met': 'status-not-met',
  'not-applicable': 'status-na',
  compensating: 'status-compensating',
};
