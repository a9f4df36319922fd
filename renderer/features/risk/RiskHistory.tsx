import { useLiveQuery } from 'dexie-react-hooks';
import { redoRisk, riskHistory, undoRisk } from '../../db/risk';
import { CommandButton, useCommandKeys, type Command } from '../../ui/commands';
import { runHistoryStep } from '../../ui/history-step';

interface RiskHistoryState {
  assessmentId: string;
  undo: string | null;
  redo: string | null;
}

export const RISK_HISTORY_COMMANDS: readonly Command<RiskHistoryState>[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    enabled: (s) => s.undo !== null,
    perform: (s) => runHistoryStep(() => undoRisk(s.assessmentId), 'Undone'),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: (s) => s.redo !== null,
    perform: (s) => runHistoryStep(() => redoRisk(s.assessmentId), 'Redone'),
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
