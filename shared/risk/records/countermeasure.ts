import { z } from 'zod';
import { isoDate, recordBase, uuid } from '../../model/common';
import { CONDUIT_CONTROLS } from '../../model/conduit';
import { defineRecordType } from './record-type';

export const COUNTERMEASURE_KINDS = ['existing', 'recommended'] as const;
export const COUNTERMEASURE_STATUSES = ['open', 'in-progress', 'done', 'rejected'] as const;
export type CountermeasureStatus = (typeof COUNTERMEASURE_STATUSES)[number];
export const COUNTERMEASURE_STATUS_LABELS: Record<CountermeasureStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  rejected: 'Rejected',
};

/** A (zone, SR/RE) answer this countermeasure is the compensating control for. */
export const compensatedAnswerSchema = z.object({ zoneId: uuid, itemId: z.string().min(1).max(50) });

/**
 * One countermeasure of the register: what it stands for (catalogue items, conduit controls),
 * the scenarios it mitigates and by how many levels it lowers their likelihood and consequence.
 */
export const countermeasureSchema = z
  .object({
    ...recordBase,
    title: z.string().trim().min(1, 'a countermeasure needs a title').max(500),
    description: z.string().max(20_000).default(''),
    kind: z.enum(COUNTERMEASURE_KINDS),
    itemIds: z.array(z.string().min(1).max(50)).max(500).default([]),
    controls: z.array(z.enum(CONDUIT_CONTROLS)).max(CONDUIT_CONTROLS.length).default([]),
    conduitIds: z.array(uuid).max(1000).default([]),
    scenarioIds: z.array(uuid).max(10_000).default([]),
    compensates: z.array(compensatedAnswerSchema).max(10_000).default([]),
    likelihoodReduction: z.number().int().min(0).max(6).default(0),
    consequenceReduction: z.number().int().min(0).max(6).default(0),
    owner: z.string().max(200).default(''),
    dueDate: isoDate.nullable().default(null),
    status: z.enum(COUNTERMEASURE_STATUSES).default('open'),
  })
  .refine((c) => c.kind !== 'existing' || c.status !== 'rejected', {
    message: 'an existing countermeasure is in place: it cannot be rejected (delete it instead)',
    path: ['status'],
  });
export type Countermeasure = z.infer<typeof countermeasureSchema>;

/** Existing ones are in place; recommended ones count once they are not rejected ("once the fixes land"). */
export function isEffective(countermeasure: Pick<Countermeasure, 'kind' | 'status'>): boolean {
  return countermeasure.status !== 'rejected';
}

export const CountermeasureRecord = defineRecordType({
  typeName: 'countermeasure',
  schema: countermeasureSchema,
  version: 1,
  steps: {},
});
