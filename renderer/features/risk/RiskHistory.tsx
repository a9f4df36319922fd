import { useLiveQuery } from 'dexie-react-hooks';
import { UndoBlockedError } from '../../../shared/undo';
import { redoRisk, riskHistory, undoRisk } from '../../db/risk';
import { CommandButton, useCommandKeys, type Command } from '../../ui/commands';
import { notify } from '../../ui/notices';

interface RiskHistoryState {
  assessmentId: string;
  undo: string | null;
  redo: string | null;
}

/** Runs an undo or redo of the Risk workspace and says what it did, or why it could not. */
function step(run: () => Promise<string | null>, done: string) {
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

export const RISK_HISTORY_COMMANDS: readonly Command<RiskHistoryState>[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    enabled: (s) => s.undo !== null,
    perform: (s) => step(() => undoRisk(s.assessmentId), 'Undone'),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: (s) => s.redo !== null,
    perform: (s) => step(() => redoRisk(s.assessmentId), 'Redone'),
  },
];

/**
 * Undo and redo for the Risk workspace's edits, kept in IndexedDB (so they survive a reload):
 * the toolbar buttons and Ctrl+Z / Ctrl+Shift+Z outside text fields.
 */
export function RiskHistory({ assessmentId }: { assessmentId: string }) {
  const history = useLiveQuery(() => riskHistory(assessmentId), [assessmentId]);
  const state: RiskHistoryState = { assessmentId, undo: history?.undo ?? null, redo: history?.redo ?? null };
  useCommandKeys(RISK_HISTORY_COMMANDS, state);
  return (
    <div className="toolbar" role="toolbar" aria-label="Risk history">
      {RISK_HISTORY_COMMANDS.map((command) => (
        <span key={command.id} title={(command.id === 'undo' ? state.undo : state.redo) ?? undefined}>
          <CommandButton command={command} state={state} />
        </span>
      ))}
    </div>
  );
}
