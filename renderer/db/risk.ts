import type { z } from 'zod';
import { newId, nowIso, zoneSchema, type AssessmentData, type Zone } from '../../shared/model';
import {
  countermeasureSchema,
  defaultRiskMethodFields,
  riskMethodSchema,
  systemUnderConsiderationSchema,
  threatScenarioSchema,
  zoneRiskSchema,
  type Countermeasure,
  type RiskMethod,
  type SystemUnderConsideration,
  type ThreatScenario,
  type ZoneRisk,
} from '../../shared/risk';
import { FR_IDS } from '../../shared/model';
import { db } from './index';
import { trackSave } from './save-status';

/** What the Risk workspace reads: the model it derives from and the risk records. */
export type RiskData = Pick<
  AssessmentData,
  | 'zones'
  | 'conduits'
  | 'assets'
  | 'flows'
  | 'triage'
  | 'connections'
  | 'answers'
  | 'riskMethods'
  | 'riskScopes'
  | 'zoneRisks'
  | 'threatScenarios'
  | 'countermeasures'
  | 'triageRules'
>;

export async function loadRiskData(assessmentId: string): Promise<RiskData> {
  const d = db();
  const where = { assessmentId };
  return d.transaction(
    'r',
    [
      d.zones,
      d.conduits,
      d.assets,
      d.flows,
      d.triage,
      d.connections,
      d.answers,
      d.riskMethods,
      d.riskScopes,
      d.zoneRisks,
      d.threatScenarios,
      d.countermeasures,
      d.triageRules,
    ],
    async () => {
      const [
        zones,
        conduits,
        assets,
        flows,
        triage,
        connections,
        answers,
        riskMethods,
        riskScopes,
        zoneRisks,
        threatScenarios,
        countermeasures,
      ] = await Promise.all([
        d.zones.where(where).toArray(),
        d.conduits.where(where).toArray(),
        d.assets.where(where).toArray(),
        d.flows.where(where).toArray(),
        d.triage.where(where).toArray(),
        d.connections.where(where).toArray(),
        d.answers.where(where).toArray(),
        d.riskMethods.where(where).toArray(),
        d.riskScopes.where(where).toArray(),
        d.zoneRisks.where(where).toArray(),
        d.threatScenarios.where(where).toArray(),
        d.countermeasures.where(where).toArray(),
      ]);
      const triageRules = await d.triageRules.where(where).toArray();
      const byCreation = <T extends { createdAt: string; id: string }>(rows: T[]) =>
        rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return {
        zones: byCreation(zones),
        conduits: byCreation(conduits),
        assets,
        flows,
        triage,
        connections: byCreation(connections),
        answers,
        riskMethods,
        riskScopes,
        zoneRisks,
        threatScenarios: byCreation(threatScenarios),
        countermeasures: byCreation(countermeasures),
        triageRules,
      };
    },
  );
}

function recordFields(assessmentId: string) {
  const now = nowIso();
  return { id: newId(), assessmentId, createdAt: now, updatedAt: now };
}

/** Validates, stamps and writes one record; a ZodError (with the field and why) leaves the store untouched. */
async function put<S extends z.ZodType>(
  schema: S,
  table: 'riskMethods' | 'riskScopes' | 'zoneRisks' | 'threatScenarios' | 'countermeasures',
  record: unknown,
): Promise<z.infer<S>> {
  const parsed = schema.parse({ ...(record as object), updatedAt: nowIso() }) as z.infer<S>;
  return trackSave(
    (db()[table] as unknown as { put(value: unknown): Promise<unknown> }).put(parsed).then(() => parsed),
  );
}

export function saveRiskMethod(
  assessmentId: string,
  current: RiskMethod | undefined,
  patch: Partial<RiskMethod>,
) {
  const base = current ?? { ...recordFields(assessmentId), ...defaultRiskMethodFields() };
  return put(riskMethodSchema, 'riskMethods', { ...base, ...patch });
}

export function saveScope(
  assessmentId: string,
  current: SystemUnderConsideration | undefined,
  patch: Partial<SystemUnderConsideration>,
) {
  const base = current ?? systemUnderConsiderationSchema.parse({ ...recordFields(assessmentId) });
  return put(systemUnderConsiderationSchema, 'riskScopes', { ...base, ...patch });
}

export function saveZoneRisk(
  assessmentId: string,
  zoneId: string,
  current: ZoneRisk | undefined,
  patch: Partial<ZoneRisk>,
) {
  const base = current ?? { ...recordFields(assessmentId), zoneId };
  return put(zoneRiskSchema, 'zoneRisks', { ...base, ...patch });
}

export type ScenarioFields = Omit<ThreatScenario, 'id' | 'assessmentId' | 'createdAt' | 'updatedAt'>;

export function addScenario(assessmentId: string, fields: Partial<ScenarioFields>) {
  return put(threatScenarioSchema, 'threatScenarios', { ...recordFields(assessmentId), ...fields });
}

export function saveScenario(current: ThreatScenario, patch: Partial<ThreatScenario>) {
  return put(threatScenarioSchema, 'threatScenarios', { ...current, ...patch });
}

/** Deletes a scenario and takes it out of the countermeasures that mitigated it, in one transaction. */
export function deleteScenario(scenario: ThreatScenario) {
  const d = db();
  return trackSave(
    d.transaction('rw', d.threatScenarios, d.countermeasures, async () => {
      await d.threatScenarios.delete(scenario.id);
      const linked = await d.countermeasures.where({ assessmentId: scenario.assessmentId }).toArray();
      for (const c of linked.filter((c) => c.scenarioIds.includes(scenario.id)))
        await d.countermeasures.put({
          ...c,
          scenarioIds: c.scenarioIds.filter((id) => id !== scenario.id),
          updatedAt: nowIso(),
        });
    }),
  );
}

export type CountermeasureFields = Omit<Countermeasure, 'id' | 'assessmentId' | 'createdAt' | 'updatedAt'>;

export function addCountermeasure(assessmentId: string, fields: Partial<CountermeasureFields>) {
  return put(countermeasureSchema, 'countermeasures', { ...recordFields(assessmentId), ...fields });
}

export function saveCountermeasure(current: Countermeasure, patch: Partial<Countermeasure>) {
  return put(countermeasureSchema, 'countermeasures', { ...current, ...patch });
}

export function deleteCountermeasure(id: string) {
  return trackSave(db().countermeasures.delete(id));
}

/** Writes an SL-T vector (FR1..FR7) into the zone, the value the checklist assesses against. */
export async function applySltToZone(zone: Zone, levels: readonly number[]) {
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const overrides = Object.fromEntries(
    FR_IDS.map((fr, i) => [fr, levels[i]!]).filter(([, level]) => level !== base),
  );
  const next = zoneSchema.parse({
    ...zone,
    slt: { base: base === 0 ? null : base, overrides },
    updatedAt: nowIso(),
  });
  await trackSave(db().zones.put(next));
  return next;
}

export function listCountermeasures(assessmentId: string) {
  return db().countermeasures.where({ assessmentId }).sortBy('createdAt');
}

/**
 * Makes one countermeasure the compensating control of a (zone, item) answer, or none: the pair
 * leaves every other countermeasure, in one transaction.
 */
export function linkCompensation(
  assessmentId: string,
  answer: { zoneId: string; itemId: string },
  countermeasureId: string | null,
) {
  const d = db();
  return trackSave(
    d.transaction('rw', d.countermeasures, async () => {
      const all = await d.countermeasures.where({ assessmentId }).toArray();
      const same = (a: { zoneId: string; itemId: string }) =>
        a.zoneId === answer.zoneId && a.itemId === answer.itemId;
      for (const c of all) {
        const has = c.compensates.some(same);
        const wants = c.id === countermeasureId;
        if (has === wants) continue;
        const compensates = wants
          ? [...c.compensates, { zoneId: answer.zoneId, itemId: answer.itemId }]
          : c.compensates.filter((a) => !same(a));
        await d.countermeasures.put(countermeasureSchema.parse({ ...c, compensates, updatedAt: nowIso() }));
      }
    }),
  );
}
