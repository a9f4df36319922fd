import { deleteTriage } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { DECISION_LABELS } from './CandidateRow';
import type { ConnectionsData } from './use-connections-data';

/** Decisions whose candidate is gone (its cause was fixed or documented), each to forget. */
export function ResolvedDecisions({ data }: { data: ConnectionsData }) {
  const zoneName = new Map(data.zones.map((z) => [z.id, z.name]));
  const currentKeys = new Set(data.candidates.map((c) => c.key));
  const resolved = data.triage.filter((t) => !currentKeys.has(t.candidateKey));
  if (resolved.length === 0) return null;
  const conduitLabel = (id: string) => {
    const conduit = data.conduits.find((c) => c.id === id);
    if (!conduit) return ' (conduit deleted)';
    return ` (${conduit.name || `${zoneName.get(conduit.fromZoneId)} → ${zoneName.get(conduit.toZoneId)}`})`;
  };
  return (
    <div className="candidate-group">
      <h3>Resolved decisions ({resolved.length})</h3>
      <ul className="candidate-list">
        {resolved.map((t) => (
          <li key={t.id} className="candidate triaged" data-testid="resolved-triage">
            <span className="candidate-check" aria-hidden />
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
  );
}
