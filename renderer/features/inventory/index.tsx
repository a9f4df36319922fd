import { useFileDrop } from '../../ui/useFileDrop';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import './inventory.css';
import { AssetTable } from './AssetTable';
import { isFiltering } from './asset-columns';
import { inventoryCountLabel, OriginChips } from './OriginChips';
import { EmptyInventory, InventoryHeader } from './InventoryHeader';
import { InventoryDialogs } from './InventoryDialogs';
import { InventoryFilters } from './InventoryFilters';
import { saveAssetField } from './inventory-actions';
import { SelectionBar } from './SelectionBar';
import { useInventoryWorkspace } from './use-inventory-workspace';

/** The assessment's assets: import, browse, filter, edit, assign zones, export. */
function InventoryWorkspace({ assessment }: WorkspaceProps) {
  const inventory = useInventoryWorkspace(assessment.id);
  const { assets, all, patch, zones, zoneMap, importQueue, setDialog, visibleColumns, commands } = inventory;
  const { filter, setFilter, deferredFilter, selectedIds, setSelection } = inventory.view;
  const drop = useFileDrop(importQueue.enqueue);
  const count =
    assets === undefined
      ? 'Loading…'
      : inventoryCountLabel(assets, inventory.view.shown.length, isFiltering(deferredFilter));
  const className = drop.active
    ? 'workspace workspace-full inventory drop-target-active'
    : 'workspace workspace-full inventory';
  return (
    <section className={className} aria-labelledby="inventory-title" {...drop.handlers}>
      <InventoryHeader
        count={count}
        fileInput={inventory.fileInput}
        onFiles={importQueue.enqueue}
        commands={commands}
      />
      <InventoryFilters
        filter={filter}
        setFilter={setFilter}
        assets={all}
        zones={zones}
        commands={commands}
      />
      <OriginChips assets={all} filter={filter} setFilter={setFilter} />
      <SelectionBar
        zones={zones}
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
          assets={inventory.view.ordered}
          visibleColumns={visibleColumns}
          zones={zoneMap}
          sorting={inventory.view.sorting}
          onSortingChange={inventory.view.setSorting}
          selection={inventory.view.selection}
          onSelectionChange={setSelection}
          onOpen={(asset) => setDialog({ kind: 'detail', assetId: asset.id })}
          onEdit={(asset, field, value) => void saveAssetField(asset, field, value, patch)}
        />
      )}
      {importQueue.view}
      <InventoryDialogs
        assessmentId={assessment.id}
        dialog={inventory.dialog}
        setDialog={setDialog}
        assets={all}
        zones={zoneMap}
        visibleColumns={visibleColumns}
        setVisibleColumns={inventory.setVisibleColumns}
        patch={patch}
        replace={inventory.replace}
      />
    </section>
  );
}

export const inventoryWorkspace: WorkspaceDefinition = {
  id: 'inventory',
  label: 'Inventory',
  component: InventoryWorkspace,
};
