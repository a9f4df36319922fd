import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Asset } from '../../../shared/model';
import { readSetting } from '../../db/inventory';
import { useNavIntent } from '../../ui/nav-intent';
import {
  ASSET_COLUMNS,
  DEFAULT_VISIBLE_COLUMNS,
  filterAssets,
  NO_FILTER,
  sortAssets,
  type AssetFilter,
} from './asset-columns';
import { COLUMNS_SETTING } from './InventoryDialogs';

/** The columns the table shows: the saved choice (of columns that still exist), else the defaults. */
export function useVisibleColumns() {
  const [visibleColumns, setVisibleColumns] = useState<string[]>(DEFAULT_VISIBLE_COLUMNS);
  useEffect(() => {
    void readSetting<string[]>(COLUMNS_SETTING).then((saved) => {
      if (Array.isArray(saved))
        setVisibleColumns(saved.filter((id) => ASSET_COLUMNS.some((c) => c.id === id)));
    });
  }, []);
  return [visibleColumns, setVisibleColumns] as const;
}

/** The table's filter, sort and selection, and the rows they give. */
export function useAssetTableView(all: readonly Asset[], zoneMap: Map<string, string>) {
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
