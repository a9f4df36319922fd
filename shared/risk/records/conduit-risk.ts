import { z } from 'zod';
import { FR_IDS, recordBase, securityLevel, uuid } from '../../model/common';
import { defineRecordType } from './record-type';
import { SLT_SOURCES } from './zone-risk';

/**
 * A conduit's risk record: where its SL-T comes from. Derived means its scenarios' level, never
 * below the lower SL-T of the two zones it joins; a hand-set SL-T keeps the derived one beside it
 * and needs a justification, exactly as a zone's does.
 */
export const conduitRiskSchema = z
  .object({
    ...recordBase,
    conduitId: uuid,
    sltSource: z.enum(SLT_SOURCES).default('derived'),
    /** FR1..FR7 as set by hand; kept when the source goes back to derived. */
    manualSlt: z.array(securityLevel).length(FR_IDS.length).nullable().default(null),
    justification: z.string().max(20_000).default(''),
  })
  .refine((r) => r.sltSource !== 'manual' || r.manualSlt !== null, {
    message: 'a hand-set SL-T needs a level for every FR',
    path: ['manualSlt'],
  })
  .refine((r) => r.sltSource !== 'manual' || r.justification.trim().length > 0, {
    message: 'a hand-set SL-T needs a justification',
    path: ['justification'],
  });
export type ConduitRisk = z.infer<typeof conduitRiskSchema>;

export const ConduitRiskRecord = defineRecordType({
  typeName: 'conduitRisk',
  schema: conduitRiskSchema,
  version: 1,
  steps: {},
});
