import type { Asset, Zone } from '../../../shared/model';
import { assignZone } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { commandById, CommandButton } from '../../ui/commands';
import { plural } from '../../ui/format';
import { notify } from '../../ui/notices';
import { INVENTORY_COMMANDS, type InventoryCommandState } from './commands';

/** What to do with the selected rows: put them in a zone. */
export function SelectionBar({
  zones,
  selectedIds,
  zoneMap,
  commands,
  onAssigned,
}: {
  zones: readonly Zone[];
  selectedIds: string[];
  zoneMap: Map<string, string>;
  commands: InventoryCommandState;
  onAssigned: (changed: Asset[]) => void;
}) {
  if (selectedIds.length === 0) return null;
  async function assignSelected(zoneId: string | null) {
    const changed = await trackSave(assignZone(selectedIds, zoneId));
    notify(
      'success',
      `${plural(changed.length, 'asset')} ${zoneId ? `put in ${zoneMap.get(zoneId)}` : 'taken out of their zone'}`,
    );
    onAssigned(changed);
  }
  return (
    <div className="toolbar inventory-selection" aria-label="Selection">
      <span>{selectedIds.length.toLocaleString('en')} selected</span>
      <select
        className="select"
        aria-label="Assign the selected assets to a zone"
        value=""
        onChange={(e) => {
          if (e.target.value) void assignSelected(e.target.value === 'none' ? null : e.target.value);
        }}
      >
        <option value="">Assign to zone…</option>
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name}
          </option>
        ))}
        <option value="none">No zone</option>
      </select>
      {zones.length === 0 && <span className="field-hint">Draw zones in the Diagram first.</span>}
      <CommandButton
        command={commandById(INVENTORY_COMMANDS, 'clear-selection')}
        state={commands}
        className="button button-ghost button-small"
      />
    </div>
  );
}
