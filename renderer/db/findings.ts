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
import type { FindingsInput, ReconcileResult } from '../../shared/findings';
import { nowIso, type Finding, type RoadmapSlot } from '../../shared/model';
import { db } from './index';
import {
  historyLabels,
  historyTables,
  stepHistory,
  writeWithHistory,
  type HistoryLabels,
} from './record-history';
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

type SourceName = Exclude<keyof FindingsInput, 'assessment'>;
type Sources = { [K in SourceName]-?: NonNullable<FindingsInput[K]> };

/**
 * The tables the finding generator reads beside the assessment, one per list it takes: a Record, so
 * that a list added to FindingsInput does not compile until it is read here too (the CLI and the
 * bundle read every list from the file, and the app must print the same findings).
 */
const SOURCE_TABLES: Record<SourceName, true> = {
  zones: true,
  conduits: true,
  assets: true,
  answers: true,
  connections: true,
  flows: true,
  triage: true,
  triageRules: true,
  vulnerabilities: true,
  zoneRisks: true,
  riskMethods: true,
  countermeasures: true,
};
const SOURCE_NAMES = Object.keys(SOURCE_TABLES) as SourceName[];

/** What the generator reads, as stored; call it inside a transaction over the source tables. */
async function readFindingsInput(assessmentId: string): Promise<FindingsInput> {
  const database = db();
  const assessment = await database.assessments.get(assessmentId);
  if (!assessment) throw new Error('This assessment no longer exists.');
  const lists = await Promise.all(
    SOURCE_NAMES.map((name) => database.table(name).where({ assessmentId }).toArray()),
  );
  // Each list comes from the table of its own name, so it holds that list's records.
  const sources = Object.fromEntries(SOURCE_NAMES.map((name, i) => [name, lists[i]])) as Sources;
  return { assessment, ...sources };
}

/** Writes what reconciling changed, and marks the assessment changed when anything did. */
async function storeReconciled(assessmentId: string, result: ReconcileResult): Promise<void> {
  const database = db();
  const changed = [...result.added, ...result.updated];
  if (changed.length > 0) await database.findings.bulkPut(changed);
  if (result.removed.length > 0) await database.findings.bulkDelete(result.removed.map((f) => f.id));
  if (changed.length > 0 || result.removed.length > 0)
    await database.assessments.update(assessmentId, { updatedAt: nowIso() });
}

/**
 * Generates findings from the assessment as stored and merges them into the stored findings, in
 * one transaction: the assessor's edits stay, findings whose cause is gone go.
 */
export function regenerateFindings(
  assessmentId: string,
  options: RegenerateOptions = {},
): Promise<ReconcileResult> {
  const database = db();
  return trackSave(
    database.transaction('rw', ['assessments', 'findings', ...SOURCE_NAMES], async () => {
      const input = await readFindingsInput(assessmentId);
      const stored = await database.findings.where({ assessmentId }).toArray();
      const generated = generateFindings(input, { modelChecks: options.modelChecks, now: options.now });
      const result = reconcileFindings(stored.sort(byOrder), generated, { assessmentId });
      await storeReconciled(assessmentId, result);
      return result;
    }),
  );
}

/** The Findings workspace's name in the persisted undo log. */
export const FINDINGS_WORKSPACE = 'findings';

/** A finding to write in an edit: `after` null deletes it. */
type FindingWrite = { id: string; after: Finding | null };

/** Runs an edit in one transaction over the findings, the undo log and the assessment. */
function inEditTransaction<T>(run: () => Promise<T>): Promise<T> {
  const database = db();
  return trackSave(database.transaction('rw', [database.assessments, ...historyTables()], run));
}

/** Writes an assessor's edit of findings with the undo step that takes it back, and marks the assessment changed. */
async function recordEdit(
  assessmentId: string,
  label: string,
  writes: readonly FindingWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  await writeWithHistory(
    { assessmentId, workspace: FINDINGS_WORKSPACE, label },
    writes.map((write) => ({ table: 'findings', ...write })),
  );
  await db().assessments.update(assessmentId, { updatedAt: nowIso() });
}

/** Reads one finding, applies a pure change and writes it back as one undoable step. */
function changeFinding(
  id: string,
  label: (finding: Finding) => string,
  change: (finding: Finding) => Finding,
): Promise<Finding> {
  return inEditTransaction(async () => {
    const current = await db().findings.get(id);
    if (!current) throw new Error('This finding no longer exists.');
    const next = change(current);
    if (next !== current) await recordEdit(current.assessmentId, label(current), [{ id, after: next }]);
    return next;
  });
}

/** Validates and saves an edit; throws a ZodError and leaves the stored finding alone on bad input. */
export function updateFinding(id: string, patch: FindingEdit): Promise<Finding> {
  return changeFinding(
    id,
    (finding) => `Edit “${finding.title}”`,
    (finding) => editFinding(finding, patch),
  );
}

export function dismissStoredFinding(id: string, reason: string): Promise<Finding> {
  return changeFinding(
    id,
    (finding) => `Dismiss “${finding.title}”`,
    (finding) => dismissFinding(finding, reason),
  );
}

export function restoreStoredFinding(id: string): Promise<Finding> {
  return changeFinding(
    id,
    (finding) => `Restore “${finding.title}”`,
    (finding) => restoreFinding(finding),
  );
}

/** Places a finding in a quarter of the roadmap; null returns it to the suggested quarter. */
export function placeOnRoadmap(id: string, slot: RoadmapSlot | null): Promise<Finding> {
  return changeFinding(
    id,
    (finding) => `Plan “${finding.title}”`,
    (finding) => (finding.roadmapSlot === slot ? finding : setRoadmapSlot(finding, slot)),
  );
}

export function addManualFinding(assessmentId: string, input: ManualFindingInput): Promise<Finding> {
  return inEditTransaction(async () => {
    const existing = await db().findings.where({ assessmentId }).toArray();
    const finding = createManualFinding(assessmentId, input, existing);
    await recordEdit(assessmentId, `Add “${finding.title}”`, [{ id: finding.id, after: finding }]);
    return finding;
  });
}

/** Replaces the chosen findings by one that combines them. */
export function mergeStoredFindings(ids: readonly string[]): Promise<Finding> {
  return inEditTransaction(async () => {
    const found = await db().findings.bulkGet([...ids]);
    const findings = found.filter((f): f is Finding => f !== undefined);
    if (findings.length !== ids.length) throw new Error('Some of these findings no longer exist.');
    const { merged, removedIds } = mergeFindings(findings);
    await recordEdit(merged.assessmentId, `Merge ${findings.length} findings`, [
      ...removedIds.map((id) => ({ id, after: null })),
      { id: merged.id, after: merged },
    ]);
    return merged;
  });
}

/** Moves a finding to a position in the assessment's ordered list (0 = first). */
export function moveStoredFinding(assessmentId: string, id: string, toIndex: number): Promise<void> {
  return inEditTransaction(async () => {
    const findings = await db().findings.where({ assessmentId }).toArray();
    const title = findings.find((f) => f.id === id)?.title ?? '';
    const changed = moveFinding(findings, id, toIndex);
    await recordEdit(
      assessmentId,
      `Move “${title}”`,
      changed.map((finding) => ({ id: finding.id, after: finding })),
    );
  });
}

/** Undoes the Findings workspace's newest edit (see stepHistory); returns its label, or null. */
export function undoFindings(assessmentId: string): Promise<string | null> {
  return stepHistory(assessmentId, FINDINGS_WORKSPACE, 'undo');
}

export function redoFindings(assessmentId: string): Promise<string | null> {
  return stepHistory(assessmentId, FINDINGS_WORKSPACE, 'redo');
}

/** What undo and redo would do now, for the toolbar (live). */
export function findingsHistory(assessmentId: string): Promise<HistoryLabels> {
  return historyLabels(assessmentId, FINDINGS_WORKSPACE);
}
