import { useMemo, useState } from 'react';
import { connectionSeverity, endpointLabel } from '../../../shared/network';
import { CONNECTION_TYPE_LABELS, newId, nowIso, type Connection } from '../../../shared/model';
import { deleteConnection } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { ConfirmDialog } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { ConnectionDialog, FOUND_BY_LABELS } from './ConnectionDialog';
import { saveConnectionWithPhotos } from './save-connection';
import type { ConnectionsData } from './use-connections-data';

export function blankConnection(assessmentId: string): Connection {
  const now = nowIso();
  return {
    id: newId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    from: { kind: 'text', text: '' },
    to: { kind: 'text', text: '' },
    type: 'other',
    foundBy: 'walk-down',
    description: '',
    likelihood: 3,
    impact: 3,
    status: 'open',
    justification: '',
    recommendation: '',
    flowIds: [],
    evidenceIds: [],
  };
}

/** The register of undocumented connections: a table, with a form to record or edit one. */
export function RegisterView({ assessmentId, data }: { assessmentId: string; data: ConnectionsData }) {
  const [editing, setEditing] = useState<{ title: string; connection: Connection } | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
  const zones = useMemo(() => new Map(data.zones.map((z) => [z.id, z])), [data.zones]);
  const assets = useMemo(() => new Map(data.assets.map((a) => [a.id, a])), [data.assets]);
  const sorted = [...data.connections].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <section className="connections-section" aria-label="Undocumented connections">
      <div className="toolbar">
        <h2>Undocumented connections ({data.connections.length})</h2>
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            setEditing({ title: 'Record connection', connection: blankConnection(assessmentId) })
          }
        >
          Record connection
        </button>
      </div>
      {sorted.length === 0 ? (
        <p className="empty-state">
          None recorded yet. Record what the walk-down or interviews reveal, or confirm candidates found in
          the traffic.
        </p>
      ) : (
        <table className="data-table" data-testid="connections-table">
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th>Type</th>
              <th>Found by</th>
              <th>Severity</th>
              <th>Status</th>
              <th>Photos</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => {
              const severity = connectionSeverity(c.likelihood, c.impact);
              return (
                <tr key={c.id} data-testid="connection-row">
                  <td>{endpointLabel(c.from, { zones, assets })}</td>
                  <td>{endpointLabel(c.to, { zones, assets })}</td>
                  <td>{CONNECTION_TYPE_LABELS[c.type]}</td>
                  <td>{FOUND_BY_LABELS[c.foundBy]}</td>
                  <td>
                    <span className={`severity severity-${severity}`}>{severity}</span>
                  </td>
                  <td>{c.status}</td>
                  <td>{c.evidenceIds.length}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ title: 'Edit connection', connection: c })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={() => setDeleting(c)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && (
        <ConnectionDialog
          title={editing.title}
          initial={editing.connection}
          zones={data.zones}
          assets={data.assets}
          onClose={() => setEditing(null)}
          onSave={async (connection, photos, removed) => {
            await saveConnectionWithPhotos(connection, photos, removed);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete connection"
          message="The connection and its photos are deleted."
          confirmLabel="Delete"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const target = deleting;
            setDeleting(null);
            await trackSave(deleteConnection(target)).catch((e: Error) =>
              notify('error', 'The connection could not be deleted', [e.message]),
            );
          }}
        />
      )}
    </section>
  );
}
