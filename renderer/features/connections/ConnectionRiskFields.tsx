import { connectionSeverity } from '../../../shared/network';
import type { Connection } from '../../../shared/model';

type RiskPart = Pick<Connection, 'likelihood' | 'impact' | 'status' | 'justification'>;

interface Props {
  draft: RiskPart;
  justificationError: string | undefined;
  onChange: (patch: Partial<RiskPart>) => void;
}

function ScoreSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <label className="field">
      <span>{label} (1–5)</span>
      <select className="select" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
    </label>
  );
}

/** Likelihood and impact with the severity they give, the status, and the justification an acceptance needs. */
export function ConnectionRiskFields({ draft, justificationError, onChange }: Props) {
  const severity = connectionSeverity(draft.likelihood, draft.impact);
  return (
    <>
      <div className="form-row">
        <ScoreSelect
          label="Likelihood"
          value={draft.likelihood}
          onChange={(likelihood) => onChange({ likelihood })}
        />
        <ScoreSelect label="Impact" value={draft.impact} onChange={(impact) => onChange({ impact })} />
        <div className="field">
          <span className="field-label">Severity</span>
          <span className={`severity severity-${severity}`} data-testid="severity">
            {severity}
          </span>
        </div>
        <label className="field">
          <span>Status</span>
          <select
            className="select"
            value={draft.status}
            onChange={(e) => onChange({ status: e.target.value as Connection['status'] })}
          >
            <option value="open">Open</option>
            <option value="accepted">Accepted</option>
            <option value="remediated">Remediated</option>
          </select>
        </label>
      </div>
      {draft.status === 'accepted' && (
        <label className="field">
          <span>Justification (required to accept)</span>
          <textarea
            className="textarea"
            aria-label="Justification (required to accept)"
            aria-invalid={justificationError ? true : undefined}
            rows={2}
            value={draft.justification}
            onChange={(e) => onChange({ justification: e.target.value })}
          />
        </label>
      )}
    </>
  );
}
