import { CONDUIT_CONTROL_LABELS, type AssessmentData } from '../../../shared/model';
import {
  COUNTERMEASURE_STATUS_LABELS,
  COUNTERMEASURE_STATUSES,
  riskMethodOf,
  type Countermeasure,
  type CountermeasureStatus,
  type RiskResult,
} from '../../../shared/risk';
import { deleteCountermeasure, saveCountermeasure } from '../../db/risk';
import { notify } from '../../ui/notices';
import { formatDate } from '../../ui/format';
import { RiskBadge } from './labels';
import { problemsOf } from './problems';

interface RegisterProps {
  data: AssessmentData;
  result: RiskResult;
  onEdit: (id: string) => void;
}

/** The register of countermeasures: what each stands for, mitigates (with the residual risk) and its status. */
export function CountermeasureRegister({ data, result, onEdit }: RegisterProps) {
  return (
    <section aria-labelledby="risk-cm-register">
      <h2 id="risk-cm-register">Register</h2>
      {data.countermeasures.length === 0 ? (
        <p className="field-hint">No countermeasures yet.</p>
      ) : (
        <table className="risk-table">
          <thead>
            <tr>
              <th>Countermeasure</th>
              <th>Stands for</th>
              <th>Mitigates (residual)</th>
              <th>Effect</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.countermeasures.map((c) => (
              <CountermeasureRow key={c.id} countermeasure={c} data={data} result={result} onEdit={onEdit} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CountermeasureRow({
  countermeasure: c,
  data,
  result,
  onEdit,
}: RegisterProps & { countermeasure: Countermeasure }) {
  const method = riskMethodOf(data);
  return (
    <tr data-testid="risk-countermeasure">
      <td>
        <strong>{c.title}</strong>
        <br />
        <small>
          {c.kind === 'existing' ? 'Existing' : 'Recommended'}
          {c.owner ? ` · ${c.owner}` : ''}
          {c.dueDate ? ` · due ${formatDate(c.dueDate)}` : ''}
        </small>
      </td>
      <td>{[...c.itemIds, ...c.controls.map((k) => CONDUIT_CONTROL_LABELS[k])].join(', ') || '–'}</td>
      <td>
        {c.scenarioIds.map((id) => {
          const s = data.threatScenarios.find((x) => x.id === id);
          const r = result.scenarios.find((x) => x.scenarioId === id);
          return (
            <div key={id}>
              {s?.title ?? 'deleted scenario'} {r && <RiskBadge method={method} level={r.residual} />}
            </div>
          );
        })}
      </td>
      <td>
        likelihood −{c.likelihoodReduction}, consequence −{c.consequenceReduction}
      </td>
      <td>
        <StatusSelect countermeasure={c} />
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          aria-label={`Edit ${c.title}`}
          onClick={() => onEdit(c.id)}
        >
          Edit…
        </button>{' '}
        <button
          type="button"
          className="button button-small button-danger"
          aria-label={`Delete ${c.title}`}
          onClick={() => void deleteCountermeasure(c)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

function StatusSelect({ countermeasure: c }: { countermeasure: Countermeasure }) {
  return (
    <select
      className="select"
      aria-label={`Status of ${c.title}`}
      value={c.status}
      onChange={(e) =>
        void saveCountermeasure(c, { status: e.target.value as CountermeasureStatus }).catch(
          (error: unknown) => notify('error', 'The status was not saved', problemsOf(error)),
        )
      }
    >
      {COUNTERMEASURE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {COUNTERMEASURE_STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
