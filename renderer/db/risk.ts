import type { z } from 'zod';
import {
  conduitSchema,
  newId,
  nowIso,
  zoneSchema,
  type AssessmentData,
  type Conduit,
  securityLevelTargetSchema,
  type SecurityLevelTarget,
  type Zone,
} from '../../shared/model';
import {
  conduitRiskSchema,
  countermeasureSchema,
  defaultRiskMethodFields,
  riskMethodSchema,
  systemUnderConsiderationSchema,
  threatScenarioSchema,
  zoneRiskSchema,
  type ConduitRisk,
  type Countermeasure,
  type RiskMethod,
  type SystemUnderConsideration,
  type ThreatScenario,
  type ZoneRisk,
} from '../../shared/risk';
import { FR_IDS } from '../../shared/model';
import { db } from './index';
import { trackSave } from './save-status';
import {
  historyLabels,
  stepHistory,
  writeWithHistory,
  type HistoryLabels,
  type RecordWrite,
} from './record-history';

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
  | 'conduitRisks'
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
      d.conduitRisks,
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
      const conduitRisks = await d.conduitRisks.where(where).toArray();
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
        conduitRisks,
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

/** The Risk workspace's name in the persisted undo log. */
export const RISK_WORKSPACE = 'risk';

type RiskTable =
  'riskMethods' | 'riskScopes' | 'zoneRisks' | 'conduitRisks' | 'threatScenarios' | 'countermeasures';

/**
 * Validates, stamps and writes one record with its undo step; a ZodError (with the field and why)
 * leaves the store untouched. Quick edits of the same fields of one record merge into one step.
 */
async function put<S extends z.ZodType>(
  schema: S,
  table: RiskTable,
  record: unknown,
  label: string,
  patch?: object,
): Promise<z.infer<S>> {
  const parsed = schema.parse({ ...(record as object), updatedAt: nowIso() }) as z.infer<S> & {
    id: string;
    assessmentId: string;
  };
  const mergeKey = patch ? `${table}:${parsed.id}:${Object.keys(patch).sort().join(',')}` : null;
  await writeWithHistory({ assessmentId: parsed.assessmentId, workspace: RISK_WORKSPACE, label, mergeKey }, [
    { table, id: parsed.id, after: parsed },
  ]);
  return parsed;
}

/** Undoes the Risk workspace's newest step (see stepHistory); returns its label, or null. */
export function undoRisk(assessmentId: string): Promise<string | null> {
  return stepHistory(assessmentId, RISK_WORKSPACE, 'undo');
}

export function redoRisk(assessmentId: string): Promise<string | null> {
  return stepHistory(assessmentId, RISK_WORKSPACE, 'redo');
}

/** What undo and redo would do now, for the toolbar (live). */
export function riskHistory(assessmentId: string): Promise<HistoryLabels> {
  return historyLabels(assessmentId, RISK_WORKSPACE);
}

export function saveRiskMethod(
  assessmentId: string,
  current: RiskMethod | undefined,
  patch: Partial<RiskMethod>,
) {
  const base = current ?? { ...recordFields(assessmentId), ...defaultRiskMethodFields() };
  return put(riskMethodSchema, 'riskMethods', { ...base, ...patch }, 'Edit the risk method', patch);
}

export function saveScope(
  assessmentId: string,
  current: SystemUnderConsideration | undefined,
  patch: Partial<SystemUnderConsideration>,
) {
  const base = current ?? systemUnderConsiderationSchema.parse({ ...recordFields(assessmentId) });
  return put(
    systemUnderConsiderationSchema,
    'riskScopes',
    { ...base, ...patch },
    'Edit the system under consideration',
    patch,
  );
}

export function saveZoneRisk(
  assessmentId: string,
  zoneId: string,
  current: ZoneRisk | undefined,
  patch: Partial<ZoneRisk>,
) {
  const base = current ?? { ...recordFields(assessmentId), zoneId };
  return put(zoneRiskSchema, 'zoneRisks', { ...base, ...patch }, 'Edit a zone’s rating', patch);
}

export function saveConduitRisk(
  assessmentId: string,
  conduitId: string,
  current: ConduitRisk | undefined,
  patch: Partial<ConduitRisk>,
) {
  const base = current ?? { ...recordFields(assessmentId), conduitId };
  return put(conduitRiskSchema, 'conduitRisks', { ...base, ...patch }, 'Edit a conduit’s SL-T', patch);
}

export type ScenarioFields = Omit<ThreatScenario, 'id' | 'assessmentId' | 'createdAt' | 'updatedAt'>;

export function addScenario(assessmentId: string, fields: Partial<ScenarioFields>) {
  const title = fields.title ?? '';
  const label =
    fields.status === 'dropped'
      ? `Drop suggestion “${title}”`
      : fields.suggestionKey
        ? `Accept suggestion “${title}”`
        : `Add scenario “${title}”`;
  return put(threatScenarioSchema, 'threatScenarios', { ...recordFields(assessmentId), ...fields }, label);
}

export function saveScenario(current: ThreatScenario, patch: Partial<ThreatScenario>) {
  const label = `Edit scenario “${patch.title ?? current.title}”`;
  return put(threatScenarioSchema, 'threatScenarios', { ...current, ...patch }, label, patch);
}

/** Deletes a scenario and takes it out of the countermeasures that mitigated it, in one step. */
export function deleteScenario(scenario: ThreatScenario) {
  const label =
    scenario.status === 'dropped'
      ? `Suggest again “${scenario.title}”`
      : `Delete scenario “${scenario.title}”`;
  return writeWithHistory(
    { assessmentId: scenario.assessmentId, workspace: RISK_WORKSPACE, label },
    async (): Promise<RecordWrite[]> => {
      const linked = await db().countermeasures.where({ assessmentId: scenario.assessmentId }).toArray();
      return [
        ...linked
          .filter((c) => c.scenarioIds.includes(scenario.id))
          .map((c) => ({
            table: 'countermeasures' as const,
            id: c.id,
            after: {
              ...c,
              scenarioIds: c.scenarioIds.filter((id) => id !== scenario.id),
              updatedAt: nowIso(),
            },
          })),
        { table: 'threatScenarios', id: scenario.id, after: null },
      ];
    },
  );
}

export type CountermeasureFields = Omit<Countermeasure, 'id' | 'assessmentId' | 'createdAt' | 'updatedAt'>;

export function addCountermeasure(assessmentId: string, fields: Partial<CountermeasureFields>) {
  const label = `Add countermeasure “${fields.title ?? ''}”`;
  return put(countermeasureSchema, 'countermeasures', { ...recordFields(assessmentId), ...fields }, label);
}

export function saveCountermeasure(current: Countermeasure, patch: Partial<Countermeasure>) {
  const label = `Edit countermeasure “${patch.title ?? current.title}”`;
  return put(countermeasureSchema, 'countermeasures', { ...current, ...patch }, label, patch);
}

export function deleteCountermeasure(countermeasure: Countermeasure) {
  return writeWithHistory(
    {
      assessmentId: countermeasure.assessmentId,
      workspace: RISK_WORKSPACE,
      label: `Delete countermeasure “${countermeasure.title}”`,
    },
    [{ table: 'countermeasures', id: countermeasure.id, after: null }],
  );
}

/** An SL-T vector (FR1..FR7) as a base level (the most frequent) and per-FR overrides. */
function sltTarget(levels: readonly number[]): SecurityLevelTarget {
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const overrides = Object.fromEntries(
    FR_IDS.map((fr, i) => [fr, levels[i]!]).filter(([, level]) => level !== base),
  );
  return securityLevelTargetSchema.parse({ base: base === 0 ? null : base, overrides });
}

/** Writes an SL-T vector (FR1..FR7) into the zone, the value the checklist assesses against (undoable). */
export async function applySltToZone(zone: Zone, levels: readonly number[]) {
  const next = zoneSchema.parse({ ...zone, slt: sltTarget(levels), updatedAt: nowIso() });
  await writeWithHistory(
    { assessmentId: zone.assessmentId, workspace: RISK_WORKSPACE, label: `Apply the SL-T to ${zone.name}` },
    [{ table: 'zones', id: zone.id, after: next }],
  );
  return next;
}

/** Writes an SL-T vector into the conduit, the value the diagram shows and the CRS lists (undoable). */
export async function applySltToConduit(conduit: Conduit, name: string, levels: readonly number[]) {
  const next = conduitSchema.parse({ ...conduit, slt: sltTarget(levels), updatedAt: nowIso() });
  await writeWithHistory(
    { assessmentId: conduit.assessmentId, workspace: RISK_WORKSPACE, label: `Apply the SL-T to ${name}` },
    [{ table: 'conduits', id: conduit.id, after: next }],
  );
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
