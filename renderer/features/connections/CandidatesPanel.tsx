import { useMemo, useState } from 'react';
import { makeConduit } from '../../../shared/diagram';
import {
  describeService,
  CANDIDATE_KIND_LABELS,
  connectionDraftForCandidate,
  documentCandidate,
  type Candidate,
  type CandidateKind,
} from '../../../shared/network';
import type { Connection, Triage } from '../../../shared/model';
import { deleteTriage, documentWithConduit, saveTriage } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { ConnectionDialog } from './ConnectionDialog';
import { blankConnection } from './RegisterView';
import { saveConnectionWithPhotos } from './save-connection';
import type { ConnectionsData } from './use-connections-data';

type Row = Candidate & { triage: Triage | null };

const DECISION_LABELS: Record<Triage['decision'], string> = {
  confirmed: 'Confirmed as an undocumented connection',
  documented: 'Documented by a conduit',
  dismissed: 'Dismissed',
};

const KIND_ORDER: CandidateKind[] = [
  'undocumented-flow',
  'public-ip',
  'l2-between-zones',
  'unzoned-endpoint',
  'stale-conduit',
];

function DismissDialog({
  assessmentId,
  candidate,
  onClose,
}: {
  assessmentId: string;
  candidate: Row;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title="Dismiss candidate" onClose={onClose}>
      <p>{candidate.summary}</p>
      <label className="field">
        <span>Reason</span>
        <textarea
          className="textarea"
          aria-label="Reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            if (reason.trim() === '') {
              setError('Give the reason for dismissing it.');
              return;
            }
            void trackSave(
              saveTriage(assessmentId, {
                candidateKey: candidate.key,
                decision: 'dismissed',
                reason: reason.trim(),
                connectionId: null,
                conduitId: null,
              }),
            ).then(onClose, (e: Error) => setError(e.message));
          }}
        >
          Dismiss
        </button>
      </div>
    </Modal>
  );
}

/** The reconciliation candidates, grouped by kind, each to confirm, document or dismiss. */
export function CandidatesPanel({ assessmentId, data }: { assessmentId: string; data: ConnectionsData }) {
  const [confirming, setConfirming] = useState<Row | null>(null);
  const [dismissing, setDismissing] = useState<Row | null>(null);
  const [documenting, setDocumenting] = useState<Row | null>(null);
  const [showTriaged, setShowTriaged] = useState(true);
  const zoneName = useMemo(() => new Map(data.zones.map((z) => [z.id, z.name])), [data.zones]);
  const open = data.candidates.filter((c) => c.triage === null).length;

  const prefilled = (candidate: Row): Connection => ({
    ...blankConnection(assessmentId),
    ...connectionDraftForCandidate(candidate),
  });

  const currentKeys = new Set(data.candidates.map((c) => c.key));
  const resolved = data.triage.filter((t) => !currentKeys.has(t.candidateKey));
  const conduitLabel = (id: string) => {
    const conduit = data.conduits.find((c) => c.id === id);
    if (!conduit) return ' (conduit deleted)';
    return ` (${conduit.name || `${zoneName.get(conduit.fromZoneId)} → ${zoneName.get(conduit.toZoneId)}`})`;
  };

  const plan = documenting ? documentCandidate(data.conduits, documenting) : null;

  return (
    <section className="connections-section" aria-label="Candidates">
      <div className="toolbar">
        <h2>
          Candidates ({open} open of {data.candidates.length})
        </h2>
        <label className="checkbox">
          <input type="checkbox" checked={showTriaged} onChange={(e) => setShowTriaged(e.target.checked)} />{' '}
          Show triaged
        </label>
      </div>
      {data.reconciliation.warnings.length > 0 && (
        <ul className="hint">
          {data.reconciliation.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {data.candidates.length === 0 && (
        <p className="empty-state">Nothing to reconcile: import a capture or a sensor's link export first.</p>
      )}
      {KIND_ORDER.map((kind) => {
        const rows = data.candidates.filter((c) => c.kind === kind && (showTriaged || c.triage === null));
        if (rows.length === 0) return null;
        return (
          <details key={kind} className="candidate-group" open>
            <summary>
              {CANDIDATE_KIND_LABELS[kind]} ({rows.length})
            </summary>
            <ul className="candidate-list">
              {rows.map((c) => (
                <li
                  key={c.key}
                  className={c.triage ? 'candidate triaged' : 'candidate'}
                  data-testid="candidate"
                >
                  <div className="candidate-main">
                    <strong>{c.summary}</strong>
                    <span className="hint">
                      {c.flowIds.length} flows, {c.packets} packets
                      {c.endpoints.length > 0 &&
                        ` · ${c.endpoints.slice(0, 6).join(', ')}${c.endpoints.length > 6 ? '…' : ''}`}
                    </span>
                    {c.triage && (
                      <span className="candidate-triage" data-testid="triage">
                        {DECISION_LABELS[c.triage.decision]}
                        {c.triage.reason && `: ${c.triage.reason}`}
                      </span>
                    )}
                  </div>
                  <div className="row-actions">
                    {c.triage ? (
                      <button
                        type="button"
                        className="button button-small button-ghost"
                        onClick={() => void trackSave(deleteTriage(c.triage!.id))}
                      >
                        Reopen
                      </button>
                    ) : (
                      <>
                        {c.kind !== 'stale-conduit' && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setConfirming(c)}
                          >
                            Confirm
                          </button>
                        )}
                        {c.kind === 'undocumented-flow' && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setDocumenting(c)}
                          >
                            Document as conduit
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setDismissing(c)}
                        >
                          Dismiss
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {resolved.length > 0 && (
        <div className="candidate-group">
          <h3>Resolved decisions ({resolved.length})</h3>
          <ul className="candidate-list">
            {resolved.map((t) => (
              <li key={t.id} className="candidate triaged" data-testid="resolved-triage">
                <div className="candidate-main">
                  <span className="candidate-triage">
                    {DECISION_LABELS[t.decision]}
                    {t.conduitId && conduitLabel(t.conduitId)}
                    {t.reason && `: ${t.reason}`}
                  </span>
                  <span className="hint">No longer a candidate ({t.candidateKey.split(':')[0]})</span>
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => void trackSave(deleteTriage(t.id))}
                  >
                    Forget
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirming && (
        <ConnectionDialog
          title="Confirm as undocumented connection"
          initial={prefilled(confirming)}
          zones={data.zones}
          assets={data.assets}
          onClose={() => setConfirming(null)}
          onSave={async (connection, photos, removed) => {
            const saved = await saveConnectionWithPhotos(connection, photos, removed);
            await trackSave(
              saveTriage(assessmentId, {
                candidateKey: confirming.key,
                decision: 'confirmed',
                reason: '',
                connectionId: saved.id,
                conduitId: null,
              }),
            );
          }}
        />
      )}
      {dismissing && (
        <DismissDialog
          assessmentId={assessmentId}
          candidate={dismissing}
          onClose={() => setDismissing(null)}
        />
      )}
      {documenting && (
        <Modal title="Document as conduit" onClose={() => setDocumenting(null)}>
          {plan === null ? (
            <p>This candidate does not join two zones.</p>
          ) : plan.kind === 'create' ? (
            <p>
              Create a conduit from {zoneName.get(plan.fromZoneId)} to {zoneName.get(plan.toZoneId)} allowing{' '}
              {describeService(plan.service)}.
            </p>
          ) : (
            <p>
              Extend the conduit between {zoneName.get(plan.conduit.fromZoneId)} and{' '}
              {zoneName.get(plan.conduit.toZoneId)} with {describeService(plan.conduit.services.at(-1)!)}
              {plan.conduit.direction === 'both' ? ', allowed both ways' : ''}.
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setDocumenting(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={plan === null}
              onClick={() => {
                if (!plan) return;
                const conduit =
                  plan.kind === 'extend'
                    ? plan.conduit
                    : makeConduit(assessmentId, {
                        fromZoneId: plan.fromZoneId,
                        toZoneId: plan.toZoneId,
                        direction: 'one-way',
                        services: [plan.service],
                        notes: 'Documented from observed traffic.',
                      });
                const key = documenting.key;
                setDocumenting(null);
                void trackSave(documentWithConduit(key, conduit)).catch((e: Error) =>
                  notify('error', 'The conduit could not be saved', [e.message]),
                );
              }}
            >
              {plan?.kind === 'extend' ? 'Extend conduit' : 'Create conduit'}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
