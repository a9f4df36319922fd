import { z } from 'zod';
import { recordBase, uuid } from '../../model/common';
import { handSetSltFields, withHandSetSltRules } from './hand-set-slt';
import { IMPACT_CATEGORIES } from './risk-method';
import { defineRecordType } from './record-type';

export { SLT_SOURCES, type SltSource } from './hand-set-slt';

/**
 * A zone's risk record: its worst-case unmitigated consequence per impact category (a level of
 * the consequence scale; absent = not rated) and where its SL-T comes from. A hand-set SL-T
 * keeps the derived one beside it and needs a justification.
 */
export const zoneRiskSchema = withHandSetSltRules(
  z.object({
    ...recordBase,
    zoneId: uuid,
    consequences: z.partialRecord(z.enum(IMPACT_CATEGORIES), z.number().int().min(1).max(7)).default({}),
    ...handSetSltFields,
  }),
);
export type ZoneRisk = z.infer<typeof zoneRiskSchema>;

export const ZoneRiskRecord = defineRecordType({
  typeName: 'zoneRisk',
  schema: zoneRiskSchema,
  version: 1,
  steps: {},
});
