import { z } from 'zod';
import { FR_IDS, recordBase, securityLevel, uuid } from '../../model/common';
import { IMPACT_CATEGORIES } from './risk-method';
import { defineRecordType } from './record-type';

export const SLT_SOURCES = ['derived', 'manual'] as const;
export type SltSource = (typeof SLT_SOURCES)[number];

/**
 * A zone's risk record: its worst-case unmitigated consequence per impact category (a level of
 * the consequence scale; absent = not rated) and where its SL-T comes from. A hand-set SL-T
 * keeps the derived one beside it and needs a justification.
 */
export const zoneRiskSchema = z
  .object({
    ...recordBase,
    zoneId: uuid,
    consequences: z.partialRecord(z.enum(IMPACT_CATEGORIES), z.number().int().min(1).max(7)).default({}),
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
export type ZoneRisk = z.infer<typeof zoneRiskSchema>;

export const ZoneRiskRecord = defineRecordType({
  typeName: 'zoneRisk',
  schema: zoneRiskSchema,
  version: 1,
  steps: {},
});
