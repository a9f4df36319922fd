import { ImportError } from '../../shared/importers';
import { CaptureError } from '../../shared/traffic/errors';
import { checkUndo, ImportRefusedError, undoBatch } from '../db/import-batches';

/** The import repository's undo, as worker handlers: the same for inventory files and captures. */
export const batchHandlers = {
  checkUndo: ({ batchId }: { batchId: string }) => checkUndo(batchId),
  async undo({ batchId }: { batchId: string }): Promise<{ fileName: string }> {
    return { fileName: (await undoBatch(batchId)).batch.fileName };
  },
};

/** Errors that refuse the input (their message names the file and the problem), not failures. */
export function importRefused(error: unknown): boolean {
  return error instanceof ImportError || error instanceof CaptureError || error instanceof ImportRefusedError;
}
