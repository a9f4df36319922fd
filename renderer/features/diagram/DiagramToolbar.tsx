import { commandById, CommandButton, CommandToggle, isEnabled } from '../../ui/commands';
import { DIAGRAM_COMMANDS, TEMPLATE_COMMANDS, type DiagramCommandState } from './commands';

const LEFT = ['add-zone', 'delete', 'undo', 'redo', 'auto-layout', 'fit-view'];
const RIGHT = ['export-svg', 'export-png'];

/** The diagram's toolbar: buttons for the commands of DIAGRAM_COMMANDS, their state read from the same records. */
export function DiagramToolbar({ state }: { state: DiagramCommandState }) {
  const button = (id: string) => {
    const command = commandById(DIAGRAM_COMMANDS, id);
    const primary = id === 'add-zone' ? 'button button-small button-primary' : undefined;
    return <CommandButton key={id} command={command} state={state} className={primary} />;
  };
  return (
    <div className="toolbar diagram-toolbar" role="toolbar" aria-label="Diagram tools">
      {LEFT.map(button)}
      <CommandToggle command={commandById(DIAGRAM_COMMANDS, 'snap')} state={state} />
      <select
        className="select select-small template-select"
        aria-label="Apply a template"
        disabled={!TEMPLATE_COMMANDS.some((c) => isEnabled(c, state))}
        value=""
        onChange={(e) => TEMPLATE_COMMANDS.find((c) => c.id === e.target.value)?.perform(state)}
      >
        <option value="">Template…</option>
        {TEMPLATE_COMMANDS.map((command) => (
          <option key={command.id} value={command.id}>
            {command.label}
          </option>
        ))}
      </select>
      <span className="spacer" />
      <PanelToggle state={state} id="toggle-assets-panel" />
      <PanelToggle state={state} id="toggle-side-panel" />
      {RIGHT.map(button)}
    </div>
  );
}

/** A pressed/unpressed button for a side panel, its shortcut in the tooltip. */
function PanelToggle({ state, id }: { state: DiagramCommandState; id: string }) {
  const command = commandById(DIAGRAM_COMMANDS, id);
  const open = command.checked?.(state) ?? false;
  return (
    <button
      type="button"
      className="button button-small"
      aria-pressed={open}
      aria-label={command.label}
      title={`${open ? 'Hide' : 'Show'} the ${command.label.toLowerCase()} (${command.shortcuts?.[0] ?? ''})`}
      onClick={() => command.perform(state)}
    >
      {command.short ?? command.label}
    </button>
  );
}
