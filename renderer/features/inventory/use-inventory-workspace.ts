import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { db } from '../../db';
import { isFiltering, zoneNames } from './asset-columns';
import { inventoryCommandState, type InventoryDialog } from './commands';
import { useImportQueue } from './ImportQueue';
import { exportInventoryCsv } from './inventory-actions';
import { useAssetTableView, useVisibleColumns } from './use-asset-table-view';
import { useInventory } from './useInventory';

/** The assessment's zones, live, and their names by id. */
function useZones(assessmentId: string) {
  const zones = useLiveQuery(() => db().zones.where({ assessmentId }).toArray(), [assessmentId]);
  const zoneMap = useMemo(() => zoneNames(zones ?? []), [zones]);
  return { zones, zoneMap };
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

/**
 * Everything the Inventory workspace shows and acts on: the assets, the zones, the import queue,
 * the open dialog, the table's view of the assets and the commands' state.
 */
export function useInventoryWorkspace(assessmentId: string) {
  const { assets, patch, replace } = useInventory(assessmentId);
  const { zones, zoneMap } = useZones(assessmentId);
  const importQueue = useImportQueue(assessmentId, replace);
  const [dialog, setDialog] = useState<InventoryDialog | null>(null);
  useOpenAssetFromLink(setDialog);
  const [visibleColumns, setVisibleColumns] = useVisibleColumns();
  const fileInput = useRef<HTMLInputElement>(null);
  const all = useMemo(() => assets ?? [], [assets]);
  const view = useAssetTableView(all, zoneMap);
  const commands = inventoryCommandState({
    shown: view.shown.length,
    filtering: isFiltering(view.filter),
    selected: view.selectedIds.length,
    fileInput,
    setDialog,
    exportCsv: () => void exportInventoryCsv(view.ordered, visibleColumns, zoneMap),
    setFilter: view.setFilter,
    setSelection: view.setSelection,
  });
  return {
    assets,
    all,
    patch,
    replace,
    zones: zones ?? [],
    zoneMap,
    importQueue,
    dialog,
    setDialog,
    visibleColumns,
    setVisibleColumns,
    fileInput,
    view,
    commands,
  };
}
