import { z } from 'zod';
import { frIdSchema, recordBase, uuid } from '../../model/common';
import { THREAT_SOURCES } from '../threat-sources';
import { defineRecordType } from './record-type';

export const scenarioTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zone'), zoneId: uuid }),
  z.object({ kind: z.literal('conduit'), conduitId: uuid }),
]);
export type ScenarioTarget = z.infer<typeof scenarioTargetSchema>;

/** How the threat gets in: one of the model's conduits, connections or flows, or a generic path. */
export const entryVectorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conduit'), conduitId: uuid }),
  z.object({ kind: z.literal('connection'), connectionId: uuid }),
  /** An observed flow no conduit allows, by its reconciliation candidate key. */
  z.object({
    kind: z.literal('flow'),
    candidateKey: z.string().min(1).max(500),
    summary: z.string().max(1000),
  }),
  z.object({ kind: z.literal('remote-access'), zoneId: uuid.nullable().default(null) }),
  z.object({ kind: z.literal('removable-media') }),
  z.object({ kind: z.literal('wireless') }),
]);
export type EntryVector = z.infer<typeof entryVectorSchema>;
export type EntryVectorKind = EntryVector['kind'];
export const ENTRY_VECTOR_LABELS: Record<EntryVectorKind, string> = {
  conduit: 'Conduit',
  connection: 'Undocumented connection',
  flow: 'Observed flow with no conduit',
  'remote-access': 'Remote access',
  'removable-media': 'Removable media',
  wireless: 'Wireless',
};

export const ATTACK_TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/**
 * A threat scenario against one zone or conduit. Likelihood and consequence are levels of the
 * assessment's scales; a null consequence takes the target's. A dropped scenario (a suggestion
 * the assessor turned down) is kept with its reason so it is not suggested again.
 */
export const threatScenarioSchema = z
  .object({
    ...recordBase,
    target: scenarioTargetSchema,
    title: z.string().trim().min(1, 'a scenario needs a title').max(500),
    description: z.string().max(20_000).default(''),
    source: z.enum(THREAT_SOURCES),
    capability: z.number().int().min(1).max(4),
    entryVector: entryVectorSchema,
    techniques: z
      .array(z.string().regex(ATTACK_TECHNIQUE_ID, 'an ATT&CK technique id looks like T0886'))
      .max(100)
      .default([]),
    /** The FRs the scenario attacks; empty = all seven. */
    frs: z.array(frIdSchema).max(7).default([]),
    likelihood: z.number().int().min(1).max(7),
    consequence: z.number().int().min(1).max(7).nullable().default(null),
    status: z.enum(['active', 'dropped']).default('active'),
    suggestionKey: z.string().max(600).nullable().default(null),
    dropReason: z.string().max(20_000).default(''),
  })
  .refine((s) => s.status !== 'dropped' || s.dropReason.trim().length > 0, {
    message: 'dropping a scenario needs a reason',
    path: ['dropReason'],
  });
export type ThreatScenario = z.infer<typeof threatScenarioSchema>;

export const ThreatScenarioRecord = defineRecordType({
  typeName: 'threatScenario',
  schema: threatScenarioSchema,
  version: 1,
  steps: {},
});
