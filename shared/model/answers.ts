import { z } from 'zod';
import { isoDateTime, recordBase, uuid } from './common';

export const ANSWER_STATUSES = [
  'not-assessed',
  'met',
  'partially-met',
  'not-met',
  'not-applicable',
  'compensating',
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const ANSWER_STATUS_LABELS: Record<AnswerStatus, string> = {
  'not-assessed': 'Not assessed',
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
  compensating: 'Compensating control',
};

/** One answer per (zone, SR/RE); itemId is the catalogue id, e.g. "SR 1.1 RE 1". */
export const answerSchema = z
  .object({
    ...recordBase,
    zoneId: uuid,
    itemId: z.string().min(1).max(50),
    status: z.enum(ANSWER_STATUSES),
    notes: z.string().max(50_000),
    /** Why the item does not apply (required for not-applicable) or the compensating control (required for compensating). */
    justification: z.string().max(20_000).default(''),
    evidenceIds: z.array(uuid).max(500),
    answeredBy: z.string().max(200).nullable(),
    answeredAt: isoDateTime.nullable(),
  })
  .refine(
    (a) => !['not-applicable', 'compensating'].includes(a.status) || a.justification.trim().length > 0,
    {
      message: 'not applicable needs a reason and a compensating control needs a description',
      path: ['justification'],
    },
  );
export type Answer = z.infer<typeof answerSchema>;
