import type { AssessmentData } from '../../../shared/model';
import { matrixProblems, riskLabel, riskMethodOf } from '../../../shared/risk';
import { saveRiskMethod } from '../../db/risk';
import { notify } from '../../ui/notices';
import { problemsOf } from './problems';
import { ScaleLabels } from './ScaleLabels';

interface Props {
  assessmentId: string;
  data: AssessmentData;
}

export function MatrixPanel({ assessmentId, data }: Props) {
  const method = riskMethodOf(data);
  const stored = data.riskMethods[0];
  const save = (patch: Parameters<typeof saveRiskMethod>[2]) => {
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
                        save({
                          matrix: method.matrix.map((row, r) =>
                            r === li ? row.map((cell, c) => (c === ci ? Number(e.target.value) : cell)) : row,
                          ),
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
      <p className="field-hint">
        Red cells are above the tolerable-risk line. A higher likelihood or consequence never gives a lower
        risk.
      </p>
      <ScaleLabels method={method} onSave={save} />
    </>
  );
}
