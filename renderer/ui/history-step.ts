import { UndoBlockedError } from '../../shared/undo';
import { notify } from './notices';

/** Runs an undo or redo of a workspace and says what it did, or why it could not. */
export function runHistoryStep(run: () => Promise<string | null>, done: 'Undone' | 'Redone'): void {
  run().then(
    (label) => label && notify('info', `${done}: ${label}`),
    (error: Error) =>
      notify(
        'error',
        error instanceof UndoBlockedError ? 'Nothing was undone' : 'The change could not be saved',
        [error.message],
      ),
  );
}
