import { useMemo, useRef, useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Flow } from '../../../shared/model';
import { flowEndpointLabel, type FlowStatus } from '../../../shared/network';
import type { ConnectionsData } from './use-connections-data';
import { pairKey } from './ZoneMatrix';

interface FlowRow {
  id: string;
  client: string;
  server: string;
  fromZone: string;
  toZone: string;
  pair: string;
  transport: Flow['transport'];
  port: number | null;
  protocol: string;
  recognizedBy: string;
  packets: number;
  bytes: number;
  status: FlowStatus;
}

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
  const [sorting, setSorting] = useState<SortingState>([]);
  const rows = useMemo(() => {
    const zoneName = new Map(data.zones.map((z) => [z.id, z.name]));
    const byId = new Map(data.reconciliation.flows.map((r) => [r.flowId, r]));
    return data.flows.map((f): FlowRow => {
      const r = byId.get(f.id)!;
      const [client, server] = f.server === 'a' ? [f.b, f.a] : [f.a, f.b];
      return {
        id: f.id,
        client: flowEndpointLabel(client),
        server: flowEndpointLabel(server),
        fromZone: r.fromZoneId === null ? 'No zone' : (zoneName.get(r.fromZoneId) ?? '?'),
        toZone: r.toZoneId === null ? 'No zone' : (zoneName.get(r.toZoneId) ?? '?'),
        pair: pairKey(r.fromZoneId, r.toZoneId),
        transport: f.transport,
        port: server.port,
        protocol: f.protocol ?? '',
        recognizedBy: f.recognizedBy ?? 'none',
        packets: f.packets,
        bytes: f.bytes,
        status: r.status,
      };
    });
  }, [data.flows, data.reconciliation, data.zones]);
  const protocols = useMemo(() => [...new Set(rows.map((r) => r.protocol))].sort(), [rows]);
  const pairs = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows) if (!seen.has(r.pair)) seen.set(r.pair, `${r.fromZone} → ${r.toZone}`);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows]);
  const filtered = useMemo(
    () =>
      rows.filter(
        (r) =>
          (pair === null || r.pair === pair) &&
          (protocol === '' || r.protocol === protocol) &&
          (recognition === '' || r.recognizedBy === recognition),
      ),
    [rows, pair, protocol, recognition],
  );
  const table = useReactTable({
    data: filtered,
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

  if (data.flows.length === 0) return null;
  return (
    <section className="connections-section" aria-label="Flows">
      <div className="toolbar flow-filters">
        <h2>
          Flows ({filtered.length} of {rows.length})
        </h2>
        <select
          className="select"
          aria-label="Zone pair"
          value={pair ?? ''}
          onChange={(e) => onPairChange(e.target.value || null)}
        >
          <option value="">All zone pairs</option>
          {pairs.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Protocol"
          value={protocol}
          onChange={(e) => setProtocol(e.target.value)}
        >
          <option value="">All protocols</option>
          {protocols.map((p) => (
            <option key={p} value={p}>
              {p || '(unknown)'}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Recognition"
          value={recognition}
          onChange={(e) => setRecognition(e.target.value)}
        >
          <option value="">Any recognition</option>
          {Object.entries(RECOGNITION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flows-scroll" ref={scroller}>
        <table className="data-table flows-table" data-testid="flows-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    aria-sort={
                      header.column.getIsSorted() === 'asc'
                        ? 'ascending'
                        : header.column.getIsSorted() === 'desc'
                          ? 'descending'
                          : undefined
                    }
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                    </button>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr style={{ height: padTop }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index]!;
              return (
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
              );
            })}
            {padBottom > 0 && (
              <tr style={{ height: padBottom }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
