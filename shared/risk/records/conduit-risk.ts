import { z } from 'zod';
import { recordBase, uuid } from '../../model/common';
import { handSetSltFields, withHandSetSltRules } from './hand-set-slt';
import { defineRecordType } from './record-type';

/**
 * A conduit's risk record: where its SL-T comes from. Derived means its scenarios' level, never
 * below the lower SL-T of the two zones it joins; a hand-set SL-T keeps the derived one beside it
 * and needs a justification, exactly as a zone's does.
 */
export const conduitRiskSchema = withHandSetSltRules(
  z.object({ ...recordBase, conduitId: uuid, ...handSetSltFields }),
);
export type ConduitRisk = z.infer<typeof conduitRiskSchema>;

export const ConduitRiskRecord = defineRecordType({
  typeName: 'conduitRisk',
  schema: conduitRiskSchema,
  version: 1,
  steps: {},
});
