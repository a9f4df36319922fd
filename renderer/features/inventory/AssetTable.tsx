import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Asset } from '../../../shared/model';
import { ASSET_COLUMNS, type AssetColumn } from './asset-columns';

const ROW_HEIGHT = 32;

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

/**
 * The inventory as a virtualized table. TanStack Virtual picks the rows in view, and TanStack
 * Table gets only those (manual sorting: the workspace sorts the whole list with sortAssets), so
 * its per-row work is a few dozen rows whatever the inventory's size; columns are built once per
 * column choice. Selection is kept by asset id. Double-click an editable cell to edit it in place.
 */
export function AssetTable(props: AssetTableProps) {
  const { assets, visibleColumns, zones, sorting, selection } = props;
  const [editing, setEditing] = useState<{ rowId: string; columnId: string } | null>(null);
  const allRef = useRef(assets);
  allRef.current = assets;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const onSelectionChange = useRef(props.onSelectionChange);
  onSelectionChange.current = props.onSelectionChange;
  const selectAll = (all: boolean) =>
    onSelectionChange.current(all ? Object.fromEntries(allRef.current.map((a) => [a.id, true])) : {});

  const columns = useMemo<ColumnDef<Asset>[]>(() => {
    const chosen = ASSET_COLUMNS.filter((c) => visibleColumns.includes(c.id));
    return [
      {
        id: 'select',
        size: 36,
        enableSorting: false,
        header: () => (
          <SelectAll assets={allRef.current} selection={selectionRef.current} onChange={selectAll} />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.name}`}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      },
      ...chosen.map((column): ColumnDef<Asset> => ({
        id: column.id,
        header: column.label,
        size: column.width,
        accessorFn: (asset) => column.text(asset, zones),
        sortingFn: column.numeric ? (a, b, id) => Number(a.getValue(id)) - Number(b.getValue(id)) : 'text',
        meta: column,
      })),
    ];
    // The header reads the latest list and selection through refs, so columns stay memoized.
  }, [visibleColumns, zones]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: assets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const inView = useMemo(() => items.map((item) => assets[item.index]!), [items, assets]);

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
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const totalWidth = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0) + 40;

  return (
    <div className="asset-table-scroll" ref={scroller} data-testid="asset-table">
      <table className="asset-table" style={{ width: totalWidth }} aria-rowcount={assets.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
          <col style={{ width: 40 }} />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
              <th>
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
          {items.map((item, i) => {
            const row = rows[i];
            if (!row) return null;
            return (
              <AssetRow
                key={row.id}
                asset={row.original}
                selected={row.getIsSelected()}
                index={item.index}
                cells={row.getVisibleCells().map((cell) => ({
                  id: cell.column.id,
                  column: (cell.column.columnDef.meta as AssetColumn | undefined) ?? null,
                  text: cell.column.id === 'select' ? null : String(cell.getValue() ?? ''),
                  render:
                    cell.column.id === 'select'
                      ? flexRender(cell.column.columnDef.cell, cell.getContext())
                      : null,
                }))}
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
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowCell {
  id: string;
  column: AssetColumn | null;
  text: string | null;
  render: ReactNode;
}

function AssetRow({
  asset,
  selected,
  index,
  cells,
  editing,
  onStartEdit,
  onEndEdit,
  onOpen,
}: {
  asset: Asset;
  selected: boolean;
  index: number;
  cells: RowCell[];
  editing: string | null;
  onStartEdit: (columnId: string) => void;
  onEndEdit: (column: AssetColumn | null, value: string | null) => void;
  onOpen: (asset: Asset) => void;
}) {
  return (
    <tr
      className={selected ? 'row-selected' : undefined}
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={{ height: ROW_HEIGHT }}
    >
      {cells.map((cell) => {
        if (cell.render !== null) return <td key={cell.id}>{cell.render}</td>;
        if (editing === cell.id && cell.column?.edit) {
          return (
            <td key={cell.id}>
              <CellEditor
                label={`${cell.column.label} of ${asset.name}`}
                initial={cell.text ?? ''}
                onDone={(value) => onEndEdit(cell.column, value)}
              />
            </td>
          );
        }
        return (
          <td
            key={cell.id}
            title={(cell.column?.hint?.(asset) ?? cell.text) || undefined}
            onDoubleClick={cell.column?.edit ? () => onStartEdit(cell.id) : undefined}
            className={cell.column?.edit ? 'cell-editable' : undefined}
          >
            {cell.text}
          </td>
        );
      })}
      <td>
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={`Details of ${asset.name}`}
          onClick={() => onOpen(asset)}
        >
          ⋯
        </button>
      </td>
    </tr>
  );
}

function CellEditor({
  label,
  initial,
  onDone,
}: {
  label: string;
  initial: string;
  onDone: (value: string | null) => void;
}) {
  const [value, setValue] = useState(initial);
  const finished = useRef(false);
  const finish = (result: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(result !== null && result !== initial ? result : null);
  };
  return (
    <input
      className="input cell-input"
      aria-label={label}
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') finish(value);
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}

function SelectAll({
  assets,
  selection,
  onChange,
}: {
  assets: readonly Asset[];
  selection: RowSelectionState;
  onChange: (all: boolean) => void;
}) {
  const count = Object.keys(selection).length;
  const all = count > 0 && count >= assets.length && assets.every((a) => selection[a.id]);
  return (
    <input
      type="checkbox"
      aria-label="Select all shown assets"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && !all;
      }}
      onChange={() => onChange(!all)}
    />
  );
}
