import { flexRender, type Row } from '@tanstack/react-table';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Asset } from '../../../shared/model';
import type { AssetColumn } from './asset-columns';

export const ROW_HEIGHT = 32;

/** One cell of a row: the selection checkbox (render), or an asset column's text. */
export interface RowCell {
  id: string;
  column: AssetColumn | null;
  text: string | null;
  render: ReactNode;
}

/** The cells of a table row, in column order. */
export function rowCells(row: Row<Asset>): RowCell[] {
  return row.getVisibleCells().map((cell) => {
    const select = cell.column.id === 'select';
    return {
      id: cell.column.id,
      column: (cell.column.columnDef.meta as AssetColumn | undefined) ?? null,
      text: select ? null : String(cell.getValue() ?? ''),
      render: select ? flexRender(cell.column.columnDef.cell, cell.getContext()) : null,
    };
  });
}

/** A row of the table: its cells (an editable one edited in place on double-click) and its Details button. */
export function AssetRow({
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

/** Edits a cell in place: Enter or leaving the field saves a change, Escape drops it. */
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
