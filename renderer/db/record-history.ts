import {
  invertRecordChanges,
  mergeRecordChanges,
  nextRedo,
  nextUndo,
  planDiscard,
  planPush,
  planRedo,
  planUndo,
  staleChanges,
  UndoBlockedError,
  type RecordChange,
  type UndoStep,
} from '../../shared/undo';
import { db } from './index';
import { trackSave } from './save-status';
import { loadUndoSteps, writeUndoLog } from './undo-log';

/**
 * The tables whose edits a record-level undo step can hold (the Risk workspace's, the SL-T it
 * writes into zones and conduits, and the Findings workspace's findings).
 */
export const HISTORY_TABLES = [
  'riskMethods',
  'riskScopes',
  'zoneRisks',
  'conduitRisks',
  'threatScenarios',
  'countermeasures',
  'zones',
  'conduits',
  'findings',
] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

type StoredRecord = { id: string };

/** One record to write: `after` null deletes it. What it was before is read from the store. */
export interface RecordWrite {
  table: HistoryTable;
  id: string;
  after: StoredRecord | null;
}

export interface HistoryScope {
  assessmentId: string;
  workspace: string;
  label: string;
  /** Edits with the same key in quick succession (autosave while typing) become one step. */
  mergeKey?: string | null;
}

const table = (name: string) => db().table<StoredRecord, string>(name);
/** The tables a history write or step runs over: a transaction around one must include them. */
export const historyTables = () => [...HISTORY_TABLES.map((name) => table(name)), db().undoSteps];

/**
 * Writes records and records the step that takes them back, in one transaction. `writes` may be a
 * function, run inside the transaction, for writes that depend on what is stored (a deletion that
 * unlinks the records pointing at it).
 */
export function writeWithHistory(
  scope: HistoryScope,
  writes: readonly RecordWrite[] | (() => Promise<readonly RecordWrite[]>),
): Promise<void> {
  return trackSave(
    db().transaction('rw', historyTables(), async () => {
      const planned = typeof writes === 'function' ? await writes() : writes;
      const changes: RecordChange[] = [];
      for (const write of planned) {
        const before = (await table(write.table).get(write.id)) ?? null;
        if (write.after) await table(write.table).put(write.after);
        else if (before) await table(write.table).delete(write.id);
        if (before || write.after) changes.push({ table: write.table, before, after: write.after });
      }
      if (changes.length === 0) return;
      const steps = await loadUndoSteps<RecordChange[]>(scope.assessmentId, scope.workspace);
      await writeUndoLog(
        planPush(steps, {
          assessmentId: scope.assessmentId,
          workspace: scope.workspace,
          label: scope.label,
          change: changes,
          mergeKey: scope.mergeKey ?? null,
          at: Date.now(),
          merge: mergeRecordChanges,
        }),
      );
    }),
  );
}

async function applyChanges(changes: readonly RecordChange[]) {
  for (const { table: name, before, after } of changes) {
    if (after) await table(name).put(after);
    else if (before) await table(name).delete(before.id);
  }
}

/**
 * Undoes (or redoes) the newest (or oldest undone) step of a workspace, in one transaction; returns
 * its label, or null when there is none. A step whose records were changed elsewhere since is not
 * applied: it and the steps depending on it are dropped, and UndoBlockedError says so.
 */
export function stepHistory(
  assessmentId: string,
  workspace: string,
  direction: 'undo' | 'redo',
): Promise<string | null> {
  return trackSave(
    db().transaction('rw', historyTables(), async () => {
      const steps = await loadUndoSteps<RecordChange[]>(assessmentId, workspace);
      const planned = direction === 'undo' ? planUndo(steps) : planRedo(steps);
      if (!planned) return null;
      const { step, write } = planned;
      const changes = direction === 'undo' ? invertRecordChanges(step.change) : step.change;
      const current = new Map<string, StoredRecord | undefined>();
      for (const c of changes) {
        const id = (c.before ?? c.after)!.id;
        current.set(`${c.table}:${id}`, await table(c.table).get(id));
      }
      if (staleChanges(changes, (name, id) => current.get(`${name}:${id}`)).length > 0) {
        await writeUndoLog(planDiscard(steps, step, direction));
        return { blocked: step };
      }
      await applyChanges(changes);
      await writeUndoLog(write);
      return step.label;
    }),
  ).then((result) => {
    // Thrown after the transaction, so that the dropped history is committed, not rolled back.
    if (result && typeof result === 'object') throw new UndoBlockedError(result.blocked.label);
    return result;
  });
}

export type RecordUndoStep = UndoStep<RecordChange[]>;

/** The labels of the steps undo and redo would take now, null when there is none. */
export interface HistoryLabels {
  undo: string | null;
  redo: string | null;
}

/** What a workspace's undo and redo would do now, for its toolbar (live). */
export async function historyLabels(assessmentId: string, workspace: string): Promise<HistoryLabels> {
  const steps = await loadUndoSteps(assessmentId, workspace);
  return { undo: nextUndo(steps)?.label ?? null, redo: nextRedo(steps)?.label ?? null };
}
