import { useState } from 'react';
import {
  CONDUIT_CONTROL_LABELS,
  CONDUIT_CONTROLS,
  type AssessmentData,
  type ConduitControl,
} from '../../../shared/model';
import {
  COUNTERMEASURE_STATUS_LABELS,
  COUNTERMEASURE_STATUSES,
  riskMethodOf,
  type Countermeasure,
  type CountermeasureStatus,
  type RiskResult,
} from '../../../shared/risk';
import { addCountermeasure, deleteCountermeasure, saveCountermeasure } from '../../db/risk';
import { notify } from '../../ui/notices';
import { RiskBadge, targetNames } from './labels';
import { problemsOf } from './problems';
import { CountermeasureEditor } from './CountermeasureEditor';
import { parseItemIds } from './item-ids';

interface Props {
  assessmentId: string;
  data: AssessmentData;
  result: RiskResult;
}

interface Draft {
  title: string;
  kind: Countermeasure['kind'];
  items: string;
  controls: ConduitControl[];
  scenarioIds: string[];
  likelihoodReduction: number;
  consequenceReduction: number;
  owner: string;
  dueDate: string;
}

const EMPTY: Draft = {
  title: '',
  kind: 'recommended',
  items: '',
  controls: [],
  scenarioIds: [],
  likelihoodReduction: 1,
  consequenceReduction: 0,
  owner: '',
  dueDate: '',
};

export function CountermeasuresPanel({ assessmentId, data, result }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = data.countermeasures.find((c) => c.id === editing);
  const method = riskMethodOf(data);
  const names = targetNames(data);
  const scenarios = data.threatScenarios.filter((s) => s.status === 'active');
  const itemIds = new Set(data.answers.map((a) => a.itemId));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  async function submit() {
    const { ids: items, unknown } = parseItemIds(draft.items);
    if (unknown.length > 0) {
      setErrors([`Not a requirement id: ${unknown.join(', ')} (write them like SR 1.13 or SR 5.1 RE 1)`]);
      return;
    }
    try {
      await addCountermeasure(assessmentId, {
        title: draft.title,
        kind: draft.kind,
        status: draft.kind === 'existing' ? 'done' : 'open',
        itemIds: items,
        controls: draft.controls,
        scenarioIds: draft.scenarioIds,
        likelihoodReduction: draft.likelihoodReduction,
        consequenceReduction: draft.consequenceReduction,
        owner: draft.owner,
        dueDate: draft.dueDate || null,
      });
      setDraft(EMPTY);
      setErrors([]);
    } catch (error) {
      setErrors(problemsOf(error));
    }
  }

  return (
    <>
      <section aria-labelledby="risk-cm-new">
        <h2 id="risk-cm-new">New countermeasure</h2>
        <form
          className="risk-form"
          aria-label="New countermeasure"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label className="field">
            <span className="field-label">Title</span>
            <input className="input" value={draft.title} onChange={(e) => set('title', e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Kind</span>
            <select
              className="select"
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as Draft['kind'])}
            >
              <option value="recommended">Recommended</option>
              <option value="existing">Existing</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Requirements it stands for</span>
            <input
              className="input"
              placeholder="SR 1.13, SR 5.1 RE 1"
              value={draft.items}
              list="risk-item-ids"
              onChange={(e) => set('items', e.target.value)}
            />
            <datalist id="risk-item-ids">
              {[...itemIds].map((id) => (
                <option key={id} value={id} />
              ))}
            </datalist>
          </label>
          <fieldset className="field">
            <legend className="field-label">Conduit controls</legend>
            <div className="risk-checks">
              {CONDUIT_CONTROLS.map((c) => (
                <label key={c}>
                  <input
                    type="checkbox"
                    checked={draft.controls.includes(c)}
                    onChange={(e) =>
                      set(
                        'controls',
                        e.target.checked ? [...draft.controls, c] : draft.controls.filter((x) => x !== c),
                      )
                    }
                  />{' '}
                  {CONDUIT_CONTROL_LABELS[c]}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span className="field-label">Lowers likelihood by</span>
            <input
              className="input"
              type="number"
              min={0}
              max={6}
              value={draft.likelihoodReduction}
              onChange={(e) => set('likelihoodReduction', Number(e.target.value))}
            />
          </label>
          <label className="field">
            <span className="field-label">Lowers consequence by</span>
            <input
              className="input"
              type="number"
              min={0}
              max={6}
              value={draft.consequenceReduction}
              onChange={(e) => set('consequenceReduction', Number(e.target.value))}
            />
          </label>
          <label className="field">
            <span className="field-label">Owner</span>
            <input className="input" value={draft.owner} onChange={(e) => set('owner', e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Due</span>
            <input
              className="input"
              type="date"
              value={draft.dueDate}
              onChange={(e) => set('dueDate', e.target.value)}
            />
          </label>
          <fieldset className="field" style={{ gridColumn: '1 / -1' }}>
            <legend className="field-label">Scenarios it mitigates</legend>
            {scenarios.length === 0 ? (
              <span className="field-hint">No scenarios yet.</span>
            ) : (
              <div className="risk-checks">
                {scenarios.map((s) => (
                  <label key={s.id}>
                    <input
                      type="checkbox"
                      checked={draft.scenarioIds.includes(s.id)}
                      onChange={(e) =>
                        set(
                          'scenarioIds',
                          e.target.checked
                            ? [...draft.scenarioIds, s.id]
                            : draft.scenarioIds.filter((x) => x !== s.id),
                        )
                      }
                    />{' '}
                    {s.title} ({names(s.target)})
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          {errors.length > 0 && (
            <div className="notice notice-error" role="alert" style={{ gridColumn: '1 / -1' }}>
              {errors.map((e) => (
                <div key={e}>{e}</div>
              ))}
            </div>
          )}
          <button type="submit" className="button button-primary">
            Add countermeasure
          </button>
        </form>
      </section>
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
                <tr key={c.id} data-testid="risk-countermeasure">
                  <td>
                    <strong>{c.title}</strong>
                    <br />
                    <small>
                      {c.kind === 'existing' ? 'Existing' : 'Recommended'}
                      {c.owner ? ` · ${c.owner}` : ''}
                      {c.dueDate ? ` · due ${c.dueDate}` : ''}
                    </small>
                  </td>
                  <td>
                    {[...c.itemIds, ...c.controls.map((k) => CONDUIT_CONTROL_LABELS[k])].join(', ') || '–'}
                  </td>
                  <td>
                    {c.scenarioIds.map((id) => {
                      const s = data.threatScenarios.find((x) => x.id === id);
                      const r = result.scenarios.find((x) => x.scenarioId === id);
                      return (
                        <div key={id}>
                          {s?.title ?? 'deleted scenario'}{' '}
                          {r && <RiskBadge method={method} level={r.residual} />}
                        </div>
                      );
                    })}
                  </td>
                  <td>
                    likelihood −{c.likelihoodReduction}, consequence −{c.consequenceReduction}
                  </td>
                  <td>
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
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Edit ${c.title}`}
                      onClick={() => setEditing(c.id)}
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
              ))}
            </tbody>
          </table>
        )}
      </section>
      {edited && (
        <CountermeasureEditor
          countermeasure={edited}
          data={data}
          result={result}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
