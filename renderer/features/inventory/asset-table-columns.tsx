import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useRef } from 'react';
import type { Asset } from '../../../shared/model';
import { ASSET_COLUMNS } from './asset-columns';

/**
 * The table's columns: a selection checkbox, then the chosen asset columns. They are built once per
 * column choice and zone names; the select-all header reads the latest list and selection through
 * a ref, so a new selection or filter does not rebuild them.
 */
export function useAssetColumns(
  visibleColumns: readonly string[],
  zones: ReadonlyMap<string, string>,
  assets: readonly Asset[],
  selection: RowSelectionState,
  onSelectionChange: (selection: RowSelectionState) => void,
): ColumnDef<Asset>[] {
  const latest = useRef({ assets, selection, onSelectionChange });
  latest.current = { assets, selection, onSelectionChange };

  return useMemo<ColumnDef<Asset>[]>(() => {
    const selectAll = (all: boolean) =>
      latest.current.onSelectionChange(
        all ? Object.fromEntries(latest.current.assets.map((a) => [a.id, true])) : {},
      );
    const chosen = ASSET_COLUMNS.filter((c) => visibleColumns.includes(c.id));
    return [
      {
        id: 'select',
        size: 36,
        enableSorting: false,
        header: () => (
          <SelectAll
            assets={latest.current.assets}
            selection={latest.current.selection}
            onChange={selectAll}
          />
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
  }, [visibleColumns, zones]);
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
