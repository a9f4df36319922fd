import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Asset, Zone } from '../../../shared/model';
import { db } from '../../db';
import { assignZone, readSetting, updateAsset, type AssetEdit } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { platform } from '../../platform';
import { commandById, CommandButton } from '../../ui/commands';
import { notify } from '../../ui/notices';
import { useFileDrop } from '../../ui/useFileDrop';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import './inventory.css';
import { AssetTable } from './AssetTable';
import {
  ASSET_COLUMNS,
  DEFAULT_VISIBLE_COLUMNS,
  NO_FILTER,
  assetsToCsv,
  filterAssets,
  isFiltering,
  sortAssets,
  zoneNames,
  type AssetFilter,
} from './asset-columns';
import { INVENTORY_COMMANDS, type InventoryCommandState, type InventoryDialog } from './commands';
import { useImportQueue } from './ImportQueue';
import { inventoryCountLabel, OriginChips } from './OriginChips';
import { COLUMNS_SETTING, InventoryDialogs } from './InventoryDialogs';
import { InventoryFilters } from './InventoryFilters';
import { useInventory } from './useInventory';
import { plural } from '../../ui/format';
import { useSearchParams } from 'wouter';
import { useNavIntent } from '../../ui/nav-intent';

const TOOLBAR = ['import-files', 'import-history', 'add-asset', 'columns', 'aliases', 'export-csv'];

function useVisibleColumns() {
  const [visibleColumns, setVisibleColumns] = useState<string[]>(DEFAULT_VISIBLE_COLUMNS);
  useEffect(() => {
    void readSetting<string[]>(COLUMNS_SETTING).then((saved) => {
      if (Array.isArray(saved))
        setVisibleColumns(saved.filter((id) => ASSET_COLUMNS.some((c) => c.id === id)));
    });
  }, []);
  return [visibleColumns, setVisibleColumns] as const;
}

async function exportCsv(rows: readonly Asset[], visibleColumns: string[], zoneMap: Map<string, string>) {
  const columns = ASSET_COLUMNS.filter((c) => visibleColumns.includes(c.id));
  const csv = assetsToCsv(rows, columns, zoneMap);
  const date = new Date().toISOString().slice(0, 10);
  const result = await platform().saveFile({
    title: 'Export inventory',
    suggestedName: `inventory-${date}.csv`,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: new TextEncoder().encode(`\uFEFF${csv}`),
  });
  if (result.saved) notify('success', `Exported ${rows.length.toLocaleString('en')} assets as CSV`);
}

/** An edit made in a table cell: empty text clears the field (a name stays as typed). */
async function saveField(asset: Asset, field: string, value: string, patch: (changed: Asset[]) => void) {
  const edit: AssetEdit = { [field]: field === 'name' ? value : value.trim() || null };
  try {
    patch([await trackSave(updateAsset(asset.id, edit))]);
  } catch (error) {
    notify('error', `Could not save ${asset.name}: ${(error as Error).message}`);
  }
}

function countLabel(assets: readonly Asset[] | undefined, shown: number, filtering: boolean): string {
  return assets === undefined ? 'Loading…' : inventoryCountLabel(assets, shown, filtering);
}

/** The assessment's zones, live, and their names by id. */
function useZones(assessmentId: string) {
  const zones = useLiveQuery(() => db().zones.where({ assessmentId }).toArray(), [assessmentId]);
  const zoneMap = useMemo(() => zoneNames(zones ?? []), [zones]);
  return { zones, zoneMap };
}

/** The table's filter, sort and selection, and the rows they give. */
function useTableView(all: readonly Asset[], zoneMap: Map<string, string>) {
  const intent = useNavIntent('inventory');
  // A link may open the table filtered by zone (the Overview's "in no zone" asks for zone "none").
  const [filter, setFilter] = useState<AssetFilter>(() =>
    intent.zone ? { ...NO_FILTER, zone: intent.zone } : NO_FILTER,
  );
  // Typing in the search box stays quick: the 100,000 rows are filtered a moment later.
  const deferredFilter = useDeferredValue(filter);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const shown = useMemo(() => filterAssets(all, deferredFilter), [all, deferredFilter]);
  const ordered = useMemo(() => sortAssets(shown, sorting, zoneMap), [shown, sorting, zoneMap]);
  const selectedIds = useMemo(() => Object.keys(selection).filter((id) => selection[id]), [selection]);
  return {
    filter,
    setFilter,
    deferredFilter,
    sorting,
    setSorting,
    selection,
    setSelection,
    shown,
    ordered,
    selectedIds,
  };
}

/** The Inventory commands' state, from the workspace's. */
function inventoryCommands(input: {
  shown: number;
  filtering: boolean;
  selected: number;
  fileInput: React.RefObject<HTMLInputElement | null>;
  setDialog: (dialog: InventoryDialog) => void;
  exportCsv: () => void;
  setFilter: (filter: AssetFilter) => void;
  setSelection: (selection: RowSelectionState) => void;
}): InventoryCommandState {
  return {
    shown: input.shown,
    filtering: input.filtering,
    selected: input.selected,
    pickFiles: () => input.fileInput.current?.click(),
    open: input.setDialog,
    exportCsv: input.exportCsv,
    clearFilters: () => input.setFilter(NO_FILTER),
    clearSelection: () => input.setSelection({}),
  };
}

/** A link such as …/inventory?asset=<id> (the diagram's "open in the inventory") opens that asset's details once. */
function useOpenAssetFromLink(open: (dialog: InventoryDialog) => void) {
  const [params, setParams] = useSearchParams();
  const assetId = params.get('asset');
  useEffect(() => {
    if (!assetId) return;
    open({ kind: 'detail', assetId });
    setParams(new URLSearchParams(), { replace: true });
  }, [assetId, open, setParams]);
}

/** The assessment's assets: import, browse, filter, edit, assign zones, export. */
function InventoryWorkspace({ assessment }: WorkspaceProps) {
  const { assets, patch, replace } = useInventory(assessment.id);
  const { zones, zoneMap } = useZones(assessment.id);
  const importQueue = useImportQueue(assessment.id, replace);
  const enqueue = importQueue.enqueue;
  const [dialog, setDialog] = useState<InventoryDialog | null>(null);
  useOpenAssetFromLink(setDialog);
  const [visibleColumns, setVisibleColumns] = useVisibleColumns();
  const fileInput = useRef<HTMLInputElement>(null);
  const all = useMemo(() => assets ?? [], [assets]);
  const view = useTableView(all, zoneMap);
  const { filter, setFilter, deferredFilter, sorting, setSorting, selection, setSelection } = view;
  const { shown, ordered, selectedIds } = view;

  const drop = useFileDrop(enqueue);
  const commands = inventoryCommands({
    shown: shown.length,
    filtering: isFiltering(filter),
    selected: selectedIds.length,
    fileInput,
    setDialog,
    exportCsv: () => void exportCsv(ordered, visibleColumns, zoneMap),
    setFilter,
    setSelection,
  });

  const count = countLabel(assets, shown.length, isFiltering(deferredFilter));
  const className = drop.active
    ? 'workspace workspace-full inventory drop-target-active'
    : 'workspace workspace-full inventory';
  return (
    <section className={className} aria-labelledby="inventory-title" {...drop.handlers}>
      <InventoryHeader count={count} fileInput={fileInput} onFiles={enqueue} commands={commands} />
      <InventoryFilters
        filter={filter}
        setFilter={setFilter}
        assets={all}
        zones={zones ?? []}
        commands={commands}
      />
      <OriginChips assets={all} filter={filter} setFilter={setFilter} />
      <SelectionBar
        zones={zones ?? []}
        selectedIds={selectedIds}
        zoneMap={zoneMap}
        commands={commands}
        onAssigned={(changed) => {
          patch(changed);
          setSelection({});
        }}
      />
      {assets !== undefined && all.length === 0 ? (
        <EmptyInventory />
      ) : (
        <AssetTable
          assets={ordered}
          visibleColumns={visibleColumns}
          zones={zoneMap}
          sorting={sorting}
          onSortingChange={setSorting}
          selection={selection}
          onSelectionChange={setSelection}
          onOpen={(asset) => setDialog({ kind: 'detail', assetId: asset.id })}
          onEdit={(asset, field, value) => void saveField(asset, field, value, patch)}
        />
      )}
      {importQueue.view}
      <InventoryDialogs
        assessmentId={assessment.id}
        dialog={dialog}
        setDialog={setDialog}
        assets={all}
        zones={zoneMap}
        visibleColumns={visibleColumns}
        setVisibleColumns={setVisibleColumns}
        patch={patch}
        replace={replace}
      />
    </section>
  );
}

function InventoryHeader({
  count,
  fileInput,
  onFiles,
  commands,
}: {
  count: string;
  fileInput: React.RefObject<HTMLInputElement | null>;
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

function EmptyInventory() {
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

/** What to do with the selected rows: put them in a zone. */
function SelectionBar({
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

export const inventoryWorkspace: WorkspaceDefinition = {
  id: 'inventory',
  label: 'Inventory',
  component: InventoryWorkspace,
};
