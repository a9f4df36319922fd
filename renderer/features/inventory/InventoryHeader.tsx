import type { RefObject } from 'react';
import { commandById, CommandButton } from '../../ui/commands';
import { INVENTORY_COMMANDS, type InventoryCommandState } from './commands';

const TOOLBAR = ['import-files', 'import-history', 'add-asset', 'columns', 'aliases', 'export-csv'];

/** The workspace's title, its asset count, the hidden file input and the toolbar's commands. */
export function InventoryHeader({
  count,
  fileInput,
  onFiles,
  commands,
}: {
  count: string;
  fileInput: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
  commands: InventoryCommandState;
}) {
  return (
    <div className="toolbar">
      <h1 id="inventory-title">Inventory</h1>
      <span className="inventory-count" data-testid="inventory-count">
        {count}
      </span>
      <span className="spacer" />
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="inventory-file-input"
        aria-label="Inventory files to import"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
      {TOOLBAR.map((id) => (
        <CommandButton
          key={id}
          command={commandById(INVENTORY_COMMANDS, id)}
          state={commands}
          className={id === 'import-files' ? 'button button-primary' : 'button'}
        />
      ))}
    </div>
  );
}

/** What an assessment without assets shows: what to drop here. */
export function EmptyInventory() {
  return (
    <div className="empty-state inventory-empty">
      <h2>No assets yet</h2>
      <p>
        Drop the asset exports of the plant's sensors here (Nozomi, Claroty, Armis, Defender for IoT, Tenable
        OT, Forescout, Dragos, Malcolm, GRASSMARLIN, or any CSV or JSON), or add assets by hand.
      </p>
    </div>
  );
}
