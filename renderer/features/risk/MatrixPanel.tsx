import type { AssessmentData } from '../../../shared/model';
import {
  matrixProblems,
  riskLabel,
  riskMethodOf,
  withMatrixCell,
  type RiskMatrixShape,
} from '../../../shared/risk';
import { saveRiskMethod } from '../../db/risk';
import { notify } from '../../ui/notices';
import { problemsOf } from './problems';
import { ScaleLabels } from './ScaleLabels';

interface Props {
  assessmentId: string;
  data: AssessmentData;
}

type MethodPatch = Parameters<typeof saveRiskMethod>[2];

export function MatrixPanel({ assessmentId, data }: Props) {
  const method = riskMethodOf(data);
  const stored = data.riskMethods[0];
  const save = (patch: MethodPatch) => {
    const problems = matrixProblems({ ...method, ...patch }).map((p) => p.message);
    if (problems.length > 0) return notify('error', 'The matrix was not changed', problems);
    void saveRiskMethod(assessmentId, stored, patch).catch((error: unknown) =>
      notify('error', 'The matrix was not saved', problemsOf(error)),
    );
  };
  return (
    <>
      <label className="field">
        <span className="field-label">Tolerable up to</span>
        <select
          className="select"
          value={method.tolerableLevel}
          onChange={(e) => save({ tolerableLevel: Number(e.target.value) })}
        >
          {method.riskLevels.map((l, i) => (
            <option key={l.label} value={i + 1}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <MatrixTable method={method} onSave={save} />
      <p className="field-hint">
        Red cells are above the tolerable-risk line. A higher likelihood or consequence never gives a lower
        risk.
      </p>
      <ScaleLabels method={method} onSave={save} />
    </>
  );
}

/** The matrix as a table, the highest likelihood on top; every cell is a choice of risk level. */
function MatrixTable({ method, onSave }: { method: RiskMatrixShape; onSave: (patch: MethodPatch) => void }) {
  return (
    <table className="risk-table" aria-label="Risk matrix">
      <thead>
        <tr>
          <th>Likelihood \ consequence</th>
          {method.consequenceLevels.map((c, i) => (
            <th key={c.label} className="risk-cell">
              {i + 1} {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {method.likelihoodLevels
          .map((l, li) => (
            <tr key={l.label}>
              <th scope="row" title={l.description}>
                {li + 1} {l.label}
              </th>
              {method.matrix[li]!.map((level, ci) => (
                <td
                  key={ci}
                  className={`risk-cell ${level > method.tolerableLevel ? 'risk-level-over' : 'risk-level-under'}`}
                >
                  <select
                    className="select"
                    aria-label={`Risk at likelihood ${l.label}, consequence ${method.consequenceLevels[ci]!.label}`}
                    value={level}
                    onChange={(e) =>
                      onSave({
                        matrix: withMatrixCell(method.matrix, li + 1, ci + 1, Number(e.target.value)),
                      })
                    }
                  >
                    {method.riskLevels.map((r, i) => (
                      <option key={r.label} value={i + 1}>
                        {riskLabel(method, i + 1)}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))
          .reverse()}
      </tbody>
    </table>
  );
}
