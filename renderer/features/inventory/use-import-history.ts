import { useEffect, useRef, useState } from 'react';
import type { Asset, ImportBatch } from '../../../shared/model';
import type { UndoCheck } from '../../db/import-batches';
import { listImportBatches } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { notify } from '../../ui/notices';
import { ImportSession } from './import-session';

/** An undo the user has been asked to confirm, with what it would do. */
export interface PendingUndo {
  batch: ImportBatch;
  check: UndoCheck;
}

/**
 * The assessment's imports and their undo: asking first checks that no later import depends on
 * it and says what it would do; confirming undoes it and hands back the inventory as it now is.
 */
export function useImportHistory(assessmentId: string, onChanged: (inventory: Asset[]) => void) {
  // Checking and undoing read every asset of the assessment: that happens in a worker.
  const session = useRef<ImportSession | null>(null);
  useEffect(() => {
    const created = new ImportSession('import history', null);
    session.current = created;
    return () => created.close();
  }, []);
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [confirm, setConfirm] = useState<PendingUndo | null>(null);

  useEffect(() => {
    void listImportBatches(assessmentId).then(setBatches);
  }, [assessmentId]);

  async function askUndo(batch: ImportBatch) {
    try {
      const check = await session.current!.checkUndo(batch.id);
      if (!check.ok) {
        notify('error', `${batch.fileName} cannot be undone yet`, [
          `Undo the later import${check.blockedBy.length > 1 ? 's' : ''} first: ${check.blockedBy.join(', ')}.`,
        ]);
        return;
      }
      setConfirm({ batch, check });
    } catch (error) {
      notify('error', `Could not undo ${batch.fileName}: ${(error as Error).message}`);
    }
  }

  async function undo(batch: ImportBatch) {
    setConfirm(null);
    try {
      const inventory = await trackSave(session.current!.undo(batch.id));
      notify('success', `Undid the import of ${batch.fileName}`);
      setBatches(await listImportBatches(assessmentId));
      onChanged(inventory);
    } catch (error) {
      notify('error', (error as Error).message);
    }
  }

  return { batches, confirm, askUndo, undo, cancelUndo: () => setConfirm(null) };
}
