import type { Finding } from '../../../shared/model';
import { commandById, CommandButton } from '../../ui/commands';
import { FINDINGS_COMMANDS, VIEW_COMMANDS, type FindingsCommandState } from './commands';

/** The title, the open/dismissed count and the view switch. */
export function FindingsHeader({ all, state }: { all: readonly Finding[]; state: FindingsCommandState }) {
  const open = all.filter((f) => f.status === 'open').length;
  return (
    <div className="findings-header">
      <h1 id="findings-title">Findings</h1>
      <span className="findings-summary" data-testid="findings-summary">
        {open} open · {all.length - open} dismissed
      </span>
      <div className="spacer" />
      <div className="segmented" role="group" aria-label="View">
        {VIEW_COMMANDS.map((command) => (
          <CommandButton key={command.id} command={command} state={state} className="" />
        ))}
      </div>
    </div>
  );
}

/** The workspace's buttons, each one of FINDINGS_COMMANDS. */
export function FindingsToolbar({ state }: { state: FindingsCommandState }) {
  const command = (id: string) => commandById(FINDINGS_COMMANDS, id);
  const chosen = state.chosen.length;
  return (
    <div className="toolbar">
      <CommandButton command={command('regenerate')} state={state} className="button">
        {state.busy ? 'Generating…' : 'Regenerate'}
      </CommandButton>
      <CommandButton command={command('add-finding')} state={state} className="button button-primary" />
      {state.view === 'list' && (
        <CommandButton command={command('merge-selected')} state={state} className="button">
          Merge selected{chosen > 0 ? ` (${chosen})` : ''}
        </CommandButton>
      )}
      <CommandButton command={command('undo')} state={state} className="button" />
      <CommandButton command={command('redo')} state={state} className="button" />
    </div>
  );
}
