import { useMemo, useRef, useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  filterFlowRows,
  flowRows,
  zonePairOptions,
  type FlowRow,
  type FlowRowFilter,
} from '../../../shared/network';
import { FilterSelect } from '../../ui/FilterSelect';
import type { ConnectionsData } from './use-connections-data';

const RECOGNITION_LABELS: Record<string, string> = {
  payload: 'payload',
  port: 'port only',
  'payload-nonstandard-port': 'payload, non-standard port',
  none: 'not recognised',
};

const column = createColumnHelper<FlowRow>();
const COLUMNS = [
  column.accessor('client', { header: 'Client' }),
  column.accessor('server', { header: 'Server' }),
  column.accessor('fromZone', { header: 'From zone' }),
  column.accessor('toZone', { header: 'To zone' }),
  column.accessor('transport', { header: 'Transport' }),
  column.accessor('port', { header: 'Port', cell: (c) => c.getValue() ?? '' }),
  column.accessor('protocol', { header: 'Protocol' }),
  column.accessor('recognizedBy', { header: 'Recognised by', cell: (c) => RECOGNITION_LABELS[c.getValue()] }),
  column.accessor('packets', { header: 'Packets' }),
  column.accessor('bytes', { header: 'Bytes' }),
  column.accessor('status', { header: 'Status' }),
];

const ROW_HEIGHT = 30;

/** The rows sorted by TanStack Table and windowed by TanStack Virtual, with the padding around them. */
function useVirtualFlowTable(rows: FlowRow[]) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.id,
  });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const shown = items.map((item) => tableRows[item.index]!);
  return { table, scroller, shown, padTop, padBottom };
}

const RECOGNITION_OPTIONS = Object.entries(RECOGNITION_LABELS).map(([value, label]) => ({ value, label }));

function FlowFilters({
  shown,
  total,
  pairs,
  protocols,
  filter,
  onChange,
}: {
  shown: number;
  total: number;
  pairs: [string, string][];
  protocols: string[];
  filter: FlowRowFilter;
  onChange: (next: FlowRowFilter) => void;
}) {
  return (
    <div className="toolbar flow-filters">
      <h2>
        Flows ({shown} of {total})
      </h2>
      <FilterSelect
        label="Zone pair"
        value={filter.pair ?? ''}
        any={{ value: '', label: 'All zone pairs' }}
        options={pairs.map(([value, label]) => ({ value, label }))}
        onChange={(pair) => onChange({ ...filter, pair: pair || null })}
      />
      <FilterSelect
        label="Protocol"
        value={filter.protocol}
        any={{ value: '', label: 'All protocols' }}
        options={protocols.map((p) => ({ value: p, label: p || '(unknown)' }))}
        onChange={(protocol) => onChange({ ...filter, protocol })}
      />
      <FilterSelect
        label="Recognition"
        value={filter.recognition}
        any={{ value: '', label: 'Any recognition' }}
        options={RECOGNITION_OPTIONS}
        onChange={(recognition) => onChange({ ...filter, recognition })}
      />
    </div>
  );
}

function SortableHeader({ header }: { header: Header<FlowRow, unknown> }) {
  const sorted = header.column.getIsSorted();
  return (
    <th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        {{ asc: ' ▲', desc: ' ▼' }[sorted as string] ?? ''}
      </button>
    </th>
  );
}

/** A spacer row standing for the rows scrolled out of view. */
function Padding({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr style={{ height }}>
      <td colSpan={COLUMNS.length} />
    </tr>
  );
}

function FlowGrid({ rows }: { rows: FlowRow[] }) {
  const { table, scroller, shown, padTop, padBottom } = useVirtualFlowTable(rows);
  return (
    <div className="flows-scroll" ref={scroller}>
      <table className="data-table flows-table" data-testid="flows-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          <Padding height={padTop} />
          {shown.map((row) => (
            <tr
              key={row.id}
              data-testid="flow-row"
              className={`flow-${row.original.status}`}
              style={{ height: ROW_HEIGHT }}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
          <Padding height={padBottom} />
        </tbody>
      </table>
    </div>
  );
}

/** All flows, filterable by zone pair, protocol and recognition; sorted by TanStack Table, rendered virtually. */
export function FlowsTable({
  data,
  pair,
  onPairChange,
}: {
  data: ConnectionsData;
  pair: string | null;
  onPairChange: (pair: string | null) => void;
}) {
  const [protocol, setProtocol] = useState('');
  const [recognition, setRecognition] = useState('');
  const rows = useMemo(
    () => flowRows(data.flows, data.reconciliation.flows, data.zones),
    [data.flows, data.reconciliation, data.zones],
  );
  const protocols = useMemo(() => [...new Set(rows.map((r) => r.protocol))].sort(), [rows]);
  const pairs = useMemo(() => zonePairOptions(rows), [rows]);
  const filter = { pair, protocol, recognition };
  const filtered = useMemo(
    () => filterFlowRows(rows, { pair, protocol, recognition }),
    [rows, pair, protocol, recognition],
  );
  const change = (next: FlowRowFilter) => {
    if (next.pair !== pair) onPairChange(next.pair);
    setProtocol(next.protocol);
    setRecognition(next.recognition);
  };

  if (data.flows.length === 0) return null;
  return (
    <section className="connections-section" aria-label="Flows">
      <FlowFilters
        shown={filtered.length}
        total={rows.length}
        pairs={pairs}
        protocols={protocols}
        filter={filter}
        onChange={change}
      />
      <FlowGrid rows={filtered} />
    </section>
  );
}
