import type { RowSelectionState } from '@tanstack/react-table';
import type { RefObject } from 'react';
import type { Asset } from '../../../shared/model';
import type { Command } from '../../ui/commands';
import { NO_FILTER, type AssetFilter } from './asset-columns';

/** A dialog of the Inventory workspace, opened by a command or a row. */
export type InventoryDialog =
  | { kind: 'detail'; assetId: string }
  | { kind: 'form'; asset: Asset | null }
  | { kind: 'history' }
  | { kind: 'columns' }
  | { kind: 'aliases' };

/** What the Inventory commands read and act on. */
export interface InventoryCommandState {
  shown: number;
  filtering: boolean;
  selected: number;
  pickFiles(): void;
  open(dialog: InventoryDialog): void;
  exportCsv(): void;
  clearFilters(): void;
  clearSelection(): void;
}

/** Every command of the Inventory workspace: its toolbars read this list. */
export const INVENTORY_COMMANDS: readonly Command<InventoryCommandState>[] = [
  { id: 'import-files', label: 'Import files…', perform: (s) => s.pickFiles() },
  { id: 'import-history', label: 'Import history', perform: (s) => s.open({ kind: 'history' }) },
  { id: 'add-asset', label: 'Add asset', perform: (s) => s.open({ kind: 'form', asset: null }) },
  { id: 'columns', label: 'Columns', perform: (s) => s.open({ kind: 'columns' }) },
  { id: 'aliases', label: 'Names…', perform: (s) => s.open({ kind: 'aliases' }) },
  { id: 'export-csv', label: 'Export CSV', enabled: (s) => s.shown > 0, perform: (s) => s.exportCsv() },
  {
    id: 'clear-filters',
    label: 'Clear filters',
    enabled: (s) => s.filtering,
    perform: (s) => s.clearFilters(),
  },
  {
    id: 'clear-selection',
    label: 'Clear selection',
    enabled: (s) => s.selected > 0,
    perform: (s) => s.clearSelection(),
  },
];

/** The Inventory commands' state, from the workspace's. */
export function inventoryCommandState(input: {
  shown: number;
  filtering: boolean;
  selected: number;
  fileInput: RefObject<HTMLInputElement | null>;
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
