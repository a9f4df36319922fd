import {
  generateFindings,
  reconcileFindings,
  type ModelCheckResult,
  createManualFinding,
  dismissFinding,
  editFinding,
  mergeFindings,
  moveFinding,
  restoreFinding,
  setRoadmapSlot,
  type FindingEdit,
  type ManualFindingInput,
} from '../../shared/findings';
import type { ReconcileResult } from '../../shared/findings';
import { nowIso, type Finding, type RoadmapSlot } from '../../shared/model';
import { db } from './index';
import { trackSave } from './save-status';

const byOrder = (a: Finding, b: Finding) => a.order - b.order || a.createdAt.localeCompare(b.createdAt);

/** The assessment's findings in the assessor's order. */
export async function listFindings(assessmentId: string): Promise<Finding[]> {
  return (await db().findings.where({ assessmentId }).toArray()).sort(byOrder);
}

export interface RegenerateOptions {
  modelChecks?: readonly ModelCheckResult[];
  now?: Date;
}

/**
 * Generates findings from the assessment as stored and merges them into the stored findings, in
 * one transaction: the assessor's edits stay, findings whose cause is gone go.
 */
export async function regenerateFindings(
  assessmentId: string,
  options: RegenerateOptions = {},
): Promise<ReconcileResult> {
  const database = db();
  return trackSave(
    database.transaction(
      'rw',
      [
        database.assessments,
        database.zones,
        database.conduits,
        database.assets,
        database.answers,
        database.connections,
        database.flows,
        database.triage,
        database.findings,
        database.vulnerabilities,
        database.zoneRisks,
        database.riskMethods,
        database.triageRules,
      ],
      async () => {
        const assessment = await database.assessments.get(assessmentId);
        if (!assessment) throw new Error('This assessment no longer exists.');
        const where = { assessmentId };
        const [
          zones,
          conduits,
          assets,
          answers,
          connections,
          flows,
          triage,
          findings,
          vulnerabilities,
          zoneRisks,
          riskMethods,
          triageRules,
        ] = await Promise.all([
          database.zones.where(where).toArray(),
          database.conduits.where(where).toArray(),
          database.assets.where(where).toArray(),
          database.answers.where(where).toArray(),
          database.connections.where(where).toArray(),
          database.flows.where(where).toArray(),
          database.triage.where(where).toArray(),
          database.findings.where(where).toArray(),
          database.vulnerabilities.where(where).toArray(),
          database.zoneRisks.where(where).toArray(),
          database.riskMethods.where(where).toArray(),
          database.triageRules.where(where).toArray(),
        ]);
        const generated = generateFindings(
          {
            assessment,
            zones,
            conduits,
            assets,
            answers,
            connections,
            flows,
            triage,
            vulnerabilities,
            zoneRisks,
            riskMethods,
            triageRules,
          },
          { modelChecks: options.modelChecks, now: options.now },
        );
        const result = reconcileFindings(findings.sort(byOrder), generated, { assessmentId });
        const changed = [...result.added, ...result.updated];
        if (changed.length > 0) await database.findings.bulkPut(changed);
        if (result.removed.length > 0) await database.findings.bulkDelete(result.removed.map((f) => f.id));
        if (changed.length > 0 || result.removed.length > 0)
          await database.assessments.update(assessmentId, { updatedAt: nowIso() });
        return result;
      },
    ),
  );
}

/** Reads one finding, applies a pure change and writes it back, in one transaction. */
function changeFinding(id: string, change: (finding: Finding) => Finding): Promise<Finding> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.findings, database.assessments, async () => {
      const current = await database.findings.get(id);
      if (!current) throw new Error('This finding no longer exists.');
      const next = change(current);
      if (next !== current) {
        await database.findings.put(next);
        await database.assessments.update(current.assessmentId, { updatedAt: nowIso() });
      }
      return next;
    }),
  );
}

/** Validates and saves an edit; throws a ZodError and leaves the stored finding alone on bad input. */
export function updateFinding(id: string, patch: FindingEdit): Promise<Finding> {
  return changeFinding(id, (finding) => editFinding(finding, patch));
}

export function dismissStoredFinding(id: string, reason: string): Promise<Finding> {
  return changeFinding(id, (finding) => dismissFinding(finding, reason));
}

export function restoreStoredFinding(id: string): Promise<Finding> {
  return changeFinding(id, (finding) => restoreFinding(finding));
}

/** Places a finding in a quarter of the roadmap; null returns it to the suggested quarter. */
export function placeOnRoadmap(id: string, slot: RoadmapSlot | null): Promise<Finding> {
  return changeFinding(id, (finding) =>
    finding.roadmapSlot === slot ? finding : setRoadmapSlot(finding, slot),
  );
}

export function addManualFinding(assessmentId: string, input: ManualFindingInput): Promise<Finding> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.findings, database.assessments, async () => {
      const existing = await database.findings.where({ assessmentId }).toArray();
      const finding = createManualFinding(assessmentId, input, existing);
      await database.findings.add(finding);
      await database.assessments.update(assessmentId, { updatedAt: nowIso() });
      return finding;
    }),
  );
}

/** Replaces the chosen findings by one that combines them. */
export function mergeStoredFindings(ids: readonly string[]): Promise<Finding> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.findings, database.assessments, async () => {
      const found = await database.findings.bulkGet([...ids]);
      const findings = found.filter((f): f is Finding => f !== undefined);
      if (findings.length !== ids.length) throw new Error('Some of these findings no longer exist.');
      const { merged, removedIds } = mergeFindings(findings);
      await database.findings.bulkDelete(removedIds);
      await database.findings.add(merged);
      await database.assessments.update(merged.assessmentId, { updatedAt: nowIso() });
      return merged;
    }),
  );
}

/** Moves a finding to a position in the assessment's ordered list (0 = first). */
export function moveStoredFinding(assessmentId: string, id: string, toIndex: number): Promise<void> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.findings, database.assessments, async () => {
      const findings = await database.findings.where({ assessmentId }).toArray();
      const changed = moveFinding(findings, id, toIndex);
      if (changed.length === 0) return;
      await database.findings.bulkPut(changed);
      await database.assessments.update(assessmentId, { updatedAt: nowIso() });
    }),
  );
}
