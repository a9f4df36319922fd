import { flexRender, type Header, type Table } from '@tanstack/react-table';
import type { Asset } from '../../../shared/model';

/** The width of the last column, which holds each row's Details button. */
export const DETAILS_COLUMN_WIDTH = 40;

/** The column widths and the header row: a sort button on each sortable column, its order shown. */
export function AssetTableHead({ table }: { table: Table<Asset> }) {
  return (
    <>
      <colgroup>
        {table.getVisibleLeafColumns().map((c) => (
          <col key={c.id} style={{ width: c.getSize() }} />
        ))}
        <col style={{ width: DETAILS_COLUMN_WIDTH }} />
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
            <th>
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        ))}
      </thead>
    </>
  );
}

function HeaderCell({ header }: { header: Header<Asset, unknown> }) {
  const sorted = header.column.getIsSorted();
  const title = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      {header.column.getCanSort() ? (
        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
          {title}
          <span aria-hidden>{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
        </button>
      ) : (
        title
      )}
    </th>
  );
}
