import { z } from 'zod';
import { recordBase, uuid } from '../../model/common';
import { defineRecordType } from './record-type';

export const SCOPE_ELEMENT_KINDS = ['zone', 'conduit', 'asset'] as const;

/** One zone, conduit or asset left out of the system under consideration, and why. */
export const scopeExclusionSchema = z.object({
  kind: z.enum(SCOPE_ELEMENT_KINDS),
  id: uuid,
  reason: z.string().trim().min(1, 'an exclusion needs a reason').max(2000),
});
export type ScopeExclusion = z.infer<typeof scopeExclusionSchema>;

export const consultedDocumentSchema = z.object({
  title: z.string().trim().min(1, 'a document needs a title').max(500),
  reference: z.string().max(500).default(''),
});
export const consultedPersonSchema = z.object({
  name: z.string().trim().min(1, 'a person needs a name').max(200),
  role: z.string().max(200).default(''),
});

/**
 * The system under consideration (IEC 62443-3-2 ZCR 1): what is assessed and where it ends.
 * Every zone, conduit and asset of the model is in scope unless excluded here with a reason.
 */
export const systemUnderConsiderationSchema = z.object({
  ...recordBase,
  description: z.string().max(50_000).default(''),
  boundary: z.string().max(50_000).default(''),
  exclusions: z.array(scopeExclusionSchema).max(10_000).default([]),
  documents: z.array(consultedDocumentSchema).max(1000).default([]),
  people: z.array(consultedPersonSchema).max(1000).default([]),
  assumptions: z.array(z.string().trim().min(1).max(5000)).max(1000).default([]),
});
export type SystemUnderConsideration = z.infer<typeof systemUnderConsiderationSchema>;

export const SystemUnderConsiderationRecord = defineRecordType({
  typeName: 'systemUnderConsideration',
  schema: systemUnderConsiderationSchema,
  version: 1,
  steps: {},
});
