/**
 * A persisted undo history: one log per assessment and workspace, its steps kept as records (so
 * that undo and redo work after a reload or a crash). Every operation returns the records to write
 * and delete, for the caller to write in the same transaction as the change itself.
 */

/** Steps kept per assessment and workspace; the oldest are dropped beyond it. */
export const UNDO_LIMIT = 100;

/** Consecutive edits with the same merge key within this window become one step (typing a name). */
export const MERGE_WINDOW_MS = 2_000;

export interface UndoStep<C> {
  /** `${assessmentId}:${workspace}:${seq}`, seq zero-padded so that ids sort in order. */
  id: string;
  assessmentId: string;
  workspace: string;
  seq: number;
  label: string;
  /** The change as it was applied; undo applies its inverse. */
  change: C;
  mergeKey: string | null;
  /** When the step was last extended (ms since the epoch), for merging. */
  at: number;
  /** Undone steps are the redo stack; a new step discards them. */
  undone: boolean;
}

export interface LogWrite<C> {
  put: UndoStep<C>[];
  delete: string[];
}

export function stepId(assessmentId: string, workspace: string, seq: number): string {
  return `${assessmentId}:${workspace}:${String(seq).padStart(12, '0')}`;
}

const bySeq = <C>(steps: readonly UndoStep<C>[]) => [...steps].sort((a, b) => a.seq - b.seq);

/** The step undo would take back: the newest one not undone. */
export function nextUndo<C>(steps: readonly UndoStep<C>[]): UndoStep<C> | undefined {
  return bySeq(steps)
    .filter((s) => !s.undone)
    .pop();
}

/** The step redo would apply again: the oldest undone one. */
export function nextRedo<C>(steps: readonly UndoStep<C>[]): UndoStep<C> | undefined {
  return bySeq(steps).find((s) => s.undone);
}

export interface PushInput<C> {
  assessmentId: string;
  workspace: string;
  label: string;
  change: C;
  mergeKey?: string | null;
  at: number;
  /** Combines the newest step's change with this one, when they merge. */
  merge?: (first: C, second: C) => C;
  limit?: number;
}

/**
 * Records a new step: the redo steps go, the step merges into the newest one when it continues the
 * same edit, and the oldest steps beyond the limit go.
 */
export function planPush<C>(steps: readonly UndoStep<C>[], input: PushInput<C>): LogWrite<C> {
  const ordered = bySeq(steps);
  const redo = ordered.filter((s) => s.undone);
  const done = ordered.filter((s) => !s.undone);
  const last = done[done.length - 1];
  const mergeKey = input.mergeKey ?? null;
  const remove = redo.map((s) => s.id);
  if (input.merge && mergeKey && last && last.mergeKey === mergeKey && input.at - last.at < MERGE_WINDOW_MS) {
    const merged = {
      ...last,
      label: input.label,
      change: input.merge(last.change, input.change),
      at: input.at,
    };
    return { put: [merged], delete: remove };
  }
  const seq = (ordered[ordered.length - 1]?.seq ?? 0) + 1;
  const step: UndoStep<C> = {
    id: stepId(input.assessmentId, input.workspace, seq),
    assessmentId: input.assessmentId,
    workspace: input.workspace,
    seq,
    label: input.label,
    change: input.change,
    mergeKey,
    at: input.at,
    undone: false,
  };
  const limit = input.limit ?? UNDO_LIMIT;
  const overflow = done.slice(0, Math.max(0, done.length + 1 - limit)).map((s) => s.id);
  return { put: [step], delete: [...remove, ...overflow] };
}

/** Marks the newest done step undone (the caller applies the inverse of its change). */
export function planUndo<C>(steps: readonly UndoStep<C>[]): { step: UndoStep<C>; write: LogWrite<C> } | null {
  const step = nextUndo(steps);
  if (!step) return null;
  return { step, write: { put: [{ ...step, undone: true }], delete: [] } };
}

/** Marks the oldest undone step done again (the caller applies its change); it no longer merges. */
export function planRedo<C>(steps: readonly UndoStep<C>[]): { step: UndoStep<C>; write: LogWrite<C> } | null {
  const step = nextRedo(steps);
  if (!step) return null;
  return { step, write: { put: [{ ...step, undone: false, mergeKey: null, at: 0 }], delete: [] } };
}

/**
 * Drops a step that can no longer be undone or redone (what it changed was changed elsewhere since)
 * and every step that depends on it: for undo, the older ones; for redo, the newer ones.
 */
export function planDiscard<C>(
  steps: readonly UndoStep<C>[],
  blocked: UndoStep<C>,
  direction: 'undo' | 'redo',
): LogWrite<C> {
  const gone = steps.filter((s) =>
    direction === 'undo' ? !s.undone && s.seq <= blocked.seq : s.undone && s.seq >= blocked.seq,
  );
  return { put: [], delete: gone.map((s) => s.id) };
}

/** The log after a write, as an in-memory copy kept beside the stored one would see it. */
export function applyLogWrite<C>(steps: readonly UndoStep<C>[], write: LogWrite<C>): UndoStep<C>[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const id of write.delete) byId.delete(id);
  for (const step of write.put) byId.set(step.id, step);
  return bySeq([...byId.values()]);
}

/** An undo or redo step whose records were changed elsewhere since it was recorded. */
export class UndoBlockedError extends Error {
  override name = 'UndoBlockedError';
  constructor(readonly label: string) {
    super(
      `“${label}” cannot be undone or redone: what it changed was changed elsewhere since. ` +
        'The history up to it was cleared; nothing was changed.',
    );
  }
}
