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

type EndpointContext = Parameters<typeof endpointLabel>[1];

function ConnectionRow({
  connection: c,
  context,
  onEdit,
  onDelete,
}: {
  connection: Connection;
  context: EndpointContext;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const severity = connectionSeverity(c.likelihood, c.impact);
  return (
    <tr data-testid="connection-row">
      <td>{endpointLabel(c.from, context)}</td>
      <td>{endpointLabel(c.to, context)}</td>
      <td>{CONNECTION_TYPE_LABELS[c.type]}</td>
      <td>{FOUND_BY_LABELS[c.foundBy]}</td>
      <td>
        <span className={`severity severity-${severity}`}>{severity}</span>
      </td>
      <td>{c.status}</td>
      <td>{c.evidenceIds.length}</td>
      <td className="row-actions">
        <button type="button" className="button button-small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/** The recorded connections, oldest first. */
function ConnectionsTable({
  data,
  onEdit,
  onDelete,
}: {
  data: ConnectionsData;
  onEdit: (connection: Connection) => void;
  onDelete: (connection: Connection) => void;
}) {
  const zones = useMemo(() => new Map(data.zones.map((z) => [z.id, z])), [data.zones]);
  const assets = useMemo(() => new Map(data.assets.map((a) => [a.id, a])), [data.assets]);
  const sorted = [...data.connections].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (sorted.length === 0) {
    return (
      <p className="empty-state">
        None recorded yet. Record what the walk-down or interviews reveal, or confirm candidates found in the
        traffic.
      </p>
    );
  }
  return (
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
        {sorted.map((c) => (
          <ConnectionRow
            key={c.id}
            connection={c}
            context={{ zones, assets }}
            onEdit={() => onEdit(c)}
            onDelete={() => onDelete(c)}
          />
        ))}
      </tbody>
    </table>
  );
}

function DeleteConnectionDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="Delete connection"
      message="The connection and its photos are deleted."
      confirmLabel="Delete"
      danger
      onCancel={onClose}
      onConfirm={async () => {
        onClose();
        await trackSave(deleteConnection(connection)).catch((e: Error) =>
          notify('error', 'The connection could not be deleted', [e.message]),
        );
      }}
    />
  );
}

/** The register of undocumented connections: a table, with a form to record or edit one. */
export function RegisterView({ assessmentId, data }: { assessmentId: string; data: ConnectionsData }) {
  const [editing, setEditing] = useState<{ title: string; connection: Connection } | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
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
      <ConnectionsTable
        data={data}
        onEdit={(connection) => setEditing({ title: 'Edit connection', connection })}
        onDelete={setDeleting}
      />
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
      {deleting && <DeleteConnectionDialog connection={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
