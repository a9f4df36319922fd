import type { LogWrite, UndoStep } from '../../shared/undo';
import { db } from './index';

/** One workspace's stored undo steps for an assessment, oldest first. */
export async function loadUndoSteps<C>(assessmentId: string, workspace: string): Promise<UndoStep<C>[]> {
  const steps = await db().undoSteps.where({ assessmentId, workspace }).toArray();
  return (steps as UndoStep<C>[]).sort((a, b) => a.seq - b.seq);
}

/** Writes a log update; call it inside the transaction that writes the change (with undoSteps in scope). */
export async function writeUndoLog<C>(write: LogWrite<C>): Promise<void> {
  const table = db().undoSteps;
  if (write.delete.length > 0) await table.bulkDelete(write.delete);
  if (write.put.length > 0) await table.bulkPut(write.put as UndoStep<unknown>[]);
}
