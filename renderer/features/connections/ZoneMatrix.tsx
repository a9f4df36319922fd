import { useMemo } from 'react';
import { NO_ZONE, pairKey, zoneMatrix, type MatrixCell } from '../../../shared/network';
import type { ConnectionsData } from './use-connections-data';

type ZoneName = (id: string | null) => string;

function MatrixCellView({
  from,
  to,
  cell,
  selected,
  name,
  onSelect,
}: {
  from: string | null;
  to: string | null;
  cell: MatrixCell | undefined;
  selected: string | null;
  name: ZoneName;
  onSelect: (pair: string | null) => void;
}) {
  const key = pairKey(from, to);
  const className = [
    'matrix-cell',
    cell?.undocumented ? 'matrix-undocumented' : '',
    selected === key ? 'matrix-selected' : '',
  ].join(' ');
  return (
    <td className={className}>
      {cell ? (
        <button
          type="button"
          className="matrix-button"
          title={`${cell.flows} flows from ${name(from)} to ${name(to)}, ${cell.undocumented} undocumented`}
          aria-label={`${name(from)} to ${name(to)}: ${cell.flows} flows, ${cell.undocumented} undocumented`}
          onClick={() => onSelect(selected === key ? null : key)}
        >
          {cell.flows}
        </button>
      ) : (
        ''
      )}
    </td>
  );
}

/** Flow counts from each client zone (rows) to each server zone (columns); red where one is undocumented. */
export function ZoneMatrix({
  data,
  selected,
  onSelect,
}: {
  data: ConnectionsData;
  selected: string | null;
  onSelect: (pair: string | null) => void;
}) {
  const { cells, zoneIds } = useMemo(
    () =>
      zoneMatrix(
        data.reconciliation.flows,
        data.zones.map((z) => z.id),
      ),
    [data.reconciliation, data.zones],
  );
  const name: ZoneName = (id) =>
    id === null ? 'No zone' : (data.zones.find((z) => z.id === id)?.name ?? '?');

  if (data.reconciliation.flows.length === 0) return null;
  return (
    <section className="connections-section" aria-label="Zone matrix">
      <h2>Zone-to-zone flows</h2>
      <p className="hint">
        Rows: the client's zone; columns: the server's zone. Red: at least one flow no conduit allows.
      </p>
      <div className="matrix-scroll">
        <table className="zone-matrix" data-testid="zone-matrix">
          <thead>
            <tr>
              <th scope="col">From \ To</th>
              {zoneIds.map((id) => (
                <th key={id ?? NO_ZONE} scope="col">
                  {name(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {zoneIds.map((from) => (
              <tr key={from ?? NO_ZONE}>
                <th scope="row">{name(from)}</th>
                {zoneIds.map((to) => (
                  <MatrixCellView
                    key={pairKey(from, to)}
                    from={from}
                    to={to}
                    cell={cells.get(pairKey(from, to))}
                    selected={selected}
                    name={name}
                    onSelect={onSelect}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
