import { newId, nowIso, triageRuleSchema, type TriageRule } from '../../shared/model';
import { db } from './index';

export type TriageRuleInput = Pick<
  TriageRule,
  'kind' | 'subnet' | 'zoneAId' | 'zoneBId' | 'service' | 'action' | 'reason'
>;

export function listTriageRules(assessmentId: string): Promise<TriageRule[]> {
  return db().triageRules.where({ assessmentId }).toArray();
}

/** Validates and stores a new rule; throws a ZodError naming the field on bad input. */
export async function addTriageRule(assessmentId: string, input: TriageRuleInput): Promise<TriageRule> {
  const now = nowIso();
  const rule = triageRuleSchema.parse({
    id: newId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    ...input,
  });
  await db().triageRules.add(rule);
  return rule;
}

/** Deleting a rule gives back the candidates it triaged: rules are applied when read, never copied. */
export function deleteTriageRule(id: string): Promise<void> {
  return db().triageRules.delete(id);
}

/** Puts a deleted rule back as it was (the Undo of a deletion). */
export async function restoreTriageRule(rule: TriageRule): Promise<void> {
  await db().triageRules.put(triageRuleSchema.parse(rule));
}
