import {
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type RefObject } from 'react';
import type { Asset } from '../../../shared/model';
import type { AssetColumn } from './asset-columns';
import { useAssetColumns } from './asset-table-columns';
import { AssetRow, ROW_HEIGHT, rowCells } from './AssetRow';
import { AssetTableHead, DETAILS_COLUMN_WIDTH } from './AssetTableHead';

interface AssetTableProps {
  /** The assets to show, already filtered and sorted (see sortAssets). */
  assets: readonly Asset[];
  visibleColumns: readonly string[];
  zones: ReadonlyMap<string, string>;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  onOpen: (asset: Asset) => void;
  onEdit: (asset: Asset, field: NonNullable<AssetColumn['edit']>, value: string) => void;
}

/** The rows in view of the scroller (TanStack Virtual), and the blank space above and below them. */
function useRowsInView(assets: readonly Asset[], scroller: RefObject<HTMLDivElement | null>) {
  const virtualizer = useVirtualizer({
    count: assets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const inView = useMemo(() => items.map((item) => assets[item.index]!), [items, assets]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return { items, inView, top, bottom };
}

/**
 * The inventory as a virtualized table. TanStack Virtual picks the rows in view, and TanStack
 * Table gets only those (manual sorting: the workspace sorts the whole list with sortAssets), so
 * its per-row work is a few dozen rows whatever the inventory's size; columns are built once per
 * column choice. Selection is kept by asset id. Double-click an editable cell to edit it in place.
 */
export function AssetTable(props: AssetTableProps) {
  const { assets, visibleColumns, zones, sorting, selection } = props;
  const [editing, setEditing] = useState<{ rowId: string; columnId: string } | null>(null);
  const columns = useAssetColumns(visibleColumns, zones, assets, selection, props.onSelectionChange);
  const scroller = useRef<HTMLDivElement>(null);
  const { items, inView, top, bottom } = useRowsInView(assets, scroller);

  const table = useReactTable({
    data: inView,
    columns,
    state: { sorting, rowSelection: selection },
    getRowId: (asset) => asset.id,
    manualSorting: true,
    onSortingChange: (updater) =>
      props.onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onRowSelectionChange: (updater) =>
      props.onSelectionChange(typeof updater === 'function' ? updater(selection) : updater),
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: true,
  });
  const { rows } = table.getRowModel();
  const totalWidth =
    table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0) + DETAILS_COLUMN_WIDTH;

  return (
    <div className="asset-table-scroll" ref={scroller} data-testid="asset-table">
      <table className="asset-table" style={{ width: totalWidth }} aria-rowcount={assets.length + 1}>
        <AssetTableHead table={table} />
        <tbody>
          <SpacerRow height={top} span={columns.length + 1} />
          {items.map((item, i) => {
            const row = rows[i];
            if (!row) return null;
            return (
              <AssetRow
                key={row.id}
                asset={row.original}
                selected={row.getIsSelected()}
                index={item.index}
                cells={rowCells(row)}
                editing={editing?.rowId === row.id ? editing.columnId : null}
                onStartEdit={(columnId) => setEditing({ rowId: row.id, columnId })}
                onEndEdit={(column, value) => {
                  setEditing(null);
                  if (column?.edit && value !== null) props.onEdit(row.original, column.edit, value);
                }}
                onOpen={props.onOpen}
              />
            );
          })}
          <SpacerRow height={bottom} span={columns.length + 1} />
        </tbody>
      </table>
    </div>
  );
}

/** Blank space standing for the rows out of view, so the scrollbar matches the whole list. */
function SpacerRow({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}
