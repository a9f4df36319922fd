import { useState } from 'react';
import type { AssessmentData } from '../../../shared/model';
import type { SystemUnderConsideration } from '../../../shared/risk';
import { saveScope } from '../../db/risk';
import { notify } from '../../ui/notices';
import { useAutosave } from '../../ui/useAutosave';
import { problemsOf } from './problems';

interface Props {
  assessmentId: string;
  data: AssessmentData;
}

type TextFields = Pick<SystemUnderConsideration, 'description' | 'boundary'> & {
  documents: string;
  people: string;
  assumptions: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** One line each: "title | reference" and "name | role". */
function toRecord(fields: TextFields): Partial<SystemUnderConsideration> {
  return {
    description: fields.description,
    boundary: fields.boundary,
    documents: lines(fields.documents).map((l) => {
      const [title, ...rest] = l.split('|');
      return { title: title!.trim(), reference: rest.join('|').trim() };
    }),
    people: lines(fields.people).map((l) => {
      const [name, ...rest] = l.split('|');
      return { name: name!.trim(), role: rest.join('|').trim() };
    }),
    assumptions: lines(fields.assumptions),
  };
}

export function ScopePanel({ assessmentId, data }: Props) {
  const scope = data.riskScopes[0];
  const [fields, setFields] = useState<TextFields>({
    description: scope?.description ?? '',
    boundary: scope?.boundary ?? '',
    documents: (scope?.documents ?? [])
      .map((d) => (d.reference ? `${d.title} | ${d.reference}` : d.title))
      .join('\n'),
    people: (scope?.people ?? []).map((p) => (p.role ? `${p.name} | ${p.role}` : p.name)).join('\n'),
    assumptions: (scope?.assumptions ?? []).join('\n'),
  });
  const [exclusion, setExclusion] = useState({ target: '', reason: '' });
  const { schedule, flush } = useAutosave((value: TextFields) =>
    saveScope(assessmentId, data.riskScopes[0], toRecord(value)).catch((error: unknown) =>
      notify('error', 'The system under consideration was not saved', problemsOf(error)),
    ),
  );
  const edit = (key: keyof TextFields, value: string) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    schedule(next);
  };
  const label = (kind: string, id: string) =>
    kind === 'zone'
      ? (data.zones.find((z) => z.id === id)?.name ?? 'deleted zone')
      : kind === 'asset'
        ? (data.assets.find((a) => a.id === id)?.name ?? 'deleted asset')
        : 'conduit';
  const area = (key: keyof TextFields, title: string, hint?: string) => (
    <label className="field">
      <span className="field-label">{title}</span>
      <textarea
        className="textarea"
        value={fields[key]}
        onChange={(e) => edit(key, e.target.value)}
        onBlur={flush}
      />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
  const exclusions = scope?.exclusions ?? [];
  return (
    <>
      {area('description', 'What is assessed')}
      {area(
        'boundary',
        'Boundary',
        'Where the system under consideration ends: interfaces, demarcation points.',
      )}
      <section aria-labelledby="risk-exclusions">
        <h2 id="risk-exclusions">Out of scope</h2>
        <p className="field-hint">
          Every zone and asset is in scope unless it is excluded here with a reason.
        </p>
        <ul>
          {exclusions.map((e) => (
            <li key={`${e.kind}:${e.id}`}>
              {label(e.kind, e.id)}: {e.reason}{' '}
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() =>
                  void saveScope(assessmentId, scope, { exclusions: exclusions.filter((x) => x !== e) })
                }
              >
                Include again
              </button>
            </li>
          ))}
        </ul>
        <form
          className="risk-form"
          aria-label="Exclude from scope"
          onSubmit={(event) => {
            event.preventDefault();
            if (!exclusion.target) return notify('error', 'Choose what to exclude');
            if (!exclusion.reason.trim())
              return notify('error', 'An exclusion needs a reason', ['Say why it is out of scope.']);
            void saveScope(assessmentId, scope, {
              exclusions: [
                ...exclusions,
                { kind: 'zone', id: exclusion.target, reason: exclusion.reason.trim() },
              ],
            }).then(
              () => setExclusion({ target: '', reason: '' }),
              (error: unknown) => notify('error', 'The exclusion was not saved', problemsOf(error)),
            );
          }}
        >
          <label className="field">
            <span className="field-label">Zone</span>
            <select
              className="select"
              value={exclusion.target}
              onChange={(e) => setExclusion({ ...exclusion, target: e.target.value })}
            >
              <option value="">Choose…</option>
              {data.zones
                .filter((z) => !exclusions.some((e) => e.id === z.id))
                .map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Reason</span>
            <input
              className="input"
              value={exclusion.reason}
              onChange={(e) => setExclusion({ ...exclusion, reason: e.target.value })}
            />
          </label>
          <button type="submit" className="button">
            Exclude
          </button>
        </form>
      </section>
      {area('documents', 'Documents consulted', 'One per line: title | reference')}
      {area('people', 'People consulted', 'One per line: name | role')}
      {area('assumptions', 'Assumptions', 'One per line')}
    </>
  );
}
