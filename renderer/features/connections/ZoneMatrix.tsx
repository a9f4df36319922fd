import { useMemo } from 'react';
import type { ConnectionsData } from './use-connections-data';

export const NO_ZONE = '∅';
export const pairKey = (from: string | null, to: string | null) => `${from ?? NO_ZONE}>${to ?? NO_ZONE}`;

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
  const { cells, zoneIds } = useMemo(() => {
    const cells = new Map<string, { flows: number; undocumented: number }>();
    let unzoned = false;
    for (const r of data.reconciliation.flows) {
      if (r.status === 'l2') continue;
      if (r.fromZoneId === null || r.toZoneId === null) unzoned = true;
      const key = pairKey(r.fromZoneId, r.toZoneId);
      const cell = cells.get(key) ?? { flows: 0, undocumented: 0 };
      cell.flows += 1;
      if (r.status === 'undocumented') cell.undocumented += 1;
      cells.set(key, cell);
    }
    const zoneIds: (string | null)[] = data.zones.map((z) => z.id);
    if (unzoned) zoneIds.push(null);
    return { cells, zoneIds };
  }, [data.reconciliation, data.zones]);
  const name = (id: string | null) =>
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
                {zoneIds.map((to) => {
                  const key = pairKey(from, to);
                  const cell = cells.get(key);
                  const className = [
                    'matrix-cell',
                    cell?.undocumented ? 'matrix-undocumented' : '',
                    selected === key ? 'matrix-selected' : '',
                  ].join(' ');
                  return (
                    <td key={key} className={className}>
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
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
