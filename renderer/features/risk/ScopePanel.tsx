import { useState } from 'react';
import type { AssessmentData } from '../../../shared/model';
import {
  conduitLabel,
  type ScopeElementKind,
  scopeFromText,
  scopeText,
  type ScopeExclusion,
  type ScopeText,
} from '../../../shared/risk';
import { saveScope } from '../../db/risk';
import { notify } from '../../ui/notices';
import { useAutosave } from '../../ui/useAutosave';
import { problemsOf } from './problems';

interface Props {
  assessmentId: string;
  data: AssessmentData;
}

/** The scope's text areas, autosaved as they are typed in. */
function useScopeText(assessmentId: string, data: AssessmentData) {
  const [fields, setFields] = useState(() => scopeText(data.riskScopes[0]));
  const { schedule, flush } = useAutosave((value: ScopeText) =>
    saveScope(assessmentId, data.riskScopes[0], scopeFromText(value)).catch((error: unknown) =>
      notify('error', 'The system under consideration was not saved', problemsOf(error)),
    ),
  );
  const edit = (key: keyof ScopeText, value: string) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    schedule(next);
  };
  return { fields, edit, flush };
}

export function ScopePanel({ assessmentId, data }: Props) {
  const text = useScopeText(assessmentId, data);
  const area = (key: keyof ScopeText, title: string, hint?: string) => (
    <label className="field">
      <span className="field-label">{title}</span>
      <textarea
        className="textarea"
        value={text.fields[key]}
        onChange={(e) => text.edit(key, e.target.value)}
        onBlur={text.flush}
      />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
  return (
    <>
      {area('description', 'What is assessed')}
      {area(
        'boundary',
        'Boundary',
        'Where the system under consideration ends: interfaces, demarcation points.',
      )}
      <Exclusions assessmentId={assessmentId} data={data} />
      {area('documents', 'Documents consulted', 'One per line: title | reference')}
      {area('people', 'People consulted', 'One per line: name | role')}
      {area('assumptions', 'Assumptions', 'One per line')}
    </>
  );
}

/** What is left out of the system under consideration, each with its reason, and a form to add one. */
function Exclusions({ assessmentId, data }: Props) {
  const scope = data.riskScopes[0];
  const exclusions = scope?.exclusions ?? [];
  const label = scopeElementLabel(data);
  return (
    <section aria-labelledby="risk-exclusions">
      <h2 id="risk-exclusions">Out of scope</h2>
      <p className="field-hint">
        Every zone, conduit and asset is in scope unless it is excluded here with a reason. Excluded ones drop
        out of the suggestions, the risk derivation and the SL-T, and the report lists them.
      </p>
      <ul>
        {exclusions.map((e) => (
          <li key={`${e.kind}:${e.id}`}>
            {SCOPE_KIND_LABELS[e.kind]} {label(e.kind, e.id)}: {e.reason}{' '}
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
      <ExcludeForm assessmentId={assessmentId} data={data} />
    </section>
  );
}

function ExcludeForm({ assessmentId, data }: Props) {
  const scope = data.riskScopes[0];
  const exclusions = scope?.exclusions ?? [];
  const [exclusion, setExclusion] = useState({ target: '', reason: '' });
  return (
    <form
      className="risk-form"
      aria-label="Exclude from scope"
      onSubmit={(event) => {
        event.preventDefault();
        if (!exclusion.target) return notify('error', 'Choose what to exclude');
        if (!exclusion.reason.trim())
          return notify('error', 'An exclusion needs a reason', ['Say why it is out of scope.']);
        const [kind, id] = exclusion.target.split(':') as [ScopeElementKind, string];
        void saveScope(assessmentId, scope, {
          exclusions: [...exclusions, { kind, id, reason: exclusion.reason.trim() }],
        }).then(
          () => setExclusion({ target: '', reason: '' }),
          (error: unknown) => notify('error', 'The exclusion was not saved', problemsOf(error)),
        );
      }}
    >
      <ScopeElementPicker
        data={data}
        exclusions={exclusions}
        value={exclusion.target}
        onChange={(target) => setExclusion({ ...exclusion, target })}
      />
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
  );
}

const SCOPE_KIND_LABELS: Record<ScopeElementKind, string> = {
  zone: 'Zone',
  conduit: 'Conduit',
  asset: 'Asset',
};

function scopeElementLabel(data: AssessmentData) {
  const zoneNames = new Map(data.zones.map((z) => [z.id, z.name]));
  return (kind: ScopeElementKind, id: string) => {
    if (kind === 'zone') return zoneNames.get(id) ?? 'deleted zone';
    if (kind === 'asset') return data.assets.find((a) => a.id === id)?.name || 'deleted asset';
    const conduit = data.conduits.find((c) => c.id === id);
    return conduit ? conduitLabel(conduit, zoneNames) : 'deleted conduit';
  };
}

/** The zones, conduits and assets still in scope, to pick one to exclude (value `kind:id`). */
function ScopeElementPicker({
  data,
  exclusions,
  value,
  onChange,
}: {
  data: AssessmentData;
  exclusions: readonly ScopeExclusion[];
  value: string;
  onChange: (value: string) => void;
}) {
  const excluded = new Set(exclusions.map((e) => `${e.kind}:${e.id}`));
  const label = scopeElementLabel(data);
  const group = (kind: ScopeElementKind, title: string, ids: string[]) => {
    const open = ids.filter((id) => !excluded.has(`${kind}:${id}`));
    if (open.length === 0) return null;
    return (
      <optgroup label={title}>
        {open.map((id) => (
          <option key={id} value={`${kind}:${id}`}>
            {label(kind, id)}
          </option>
        ))}
      </optgroup>
    );
  };
  return (
    <label className="field">
      <span className="field-label">Zone, conduit or asset</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {group(
          'zone',
          'Zones',
          data.zones.map((z) => z.id),
        )}
        {group(
          'conduit',
          'Conduits',
          data.conduits.map((c) => c.id),
        )}
        {group(
          'asset',
          'Assets',
          data.assets.map((a) => a.id),
        )}
      </select>
    </label>
  );
}
