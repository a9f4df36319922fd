import { changesSomething } from '../../../shared/importers';
import type { ParseSummary } from '../../workers/inventory-import.worker';
import type { FileResult } from './import-results';
import type { Stage } from './use-import-session';

/** What the import dialog can do at this point of one file's session. */
export interface ImportDialogState {
  /** The worker is reading or writing: the choices are locked. */
  busy: boolean;
  /** The preview shows that importing would change nothing. */
  nothingToDo: boolean;
  /** Import can be pressed: a preview that changes something, with any malformed records accepted. */
  canImport: boolean;
  /** Other files of the queue come after this one. */
  more: boolean;
}

export function importDialogState(
  stage: Stage,
  summary: Pick<ParseSummary, 'skipped' | 'predicted'> | null,
  acceptSkipped: boolean,
  position: { index: number; total: number } | undefined,
): ImportDialogState {
  const nothingToDo = stage === 'preview' && summary !== null && !changesSomething(summary.predicted);
  return {
    busy: stage === 'parsing' || stage === 'writing',
    nothingToDo,
    canImport:
      stage === 'preview' && summary !== null && !nothingToDo && (summary.skipped === 0 || acceptSkipped),
    more: position !== undefined && position.index < position.total,
  };
}

/** The words of the button that closes the dialog without importing. */
export function closeButtonLabel(stage: Stage, state: ImportDialogState): string {
  if (stage === 'failed' || state.nothingToDo) return state.more ? 'Next file' : 'Close';
  return state.more ? 'Skip this file' : 'Cancel';
}

/** What became of the file when the dialog is closed without importing it. */
export function closedResult(
  name: string,
  stage: Stage,
  error: string | null,
  summary: Pick<ParseSummary, 'predicted'> | null,
  state: ImportDialogState,
): FileResult {
  if (stage === 'failed' && error) return { kind: 'refused', name, message: error };
  if (state.nothingToDo && summary) return { kind: 'unchanged', name, outcome: summary.predicted };
  return { kind: 'skipped', name };
}
