import { useState, type ReactNode } from 'react';
import { CONDUIT_CONTROL_LABELS, CONDUIT_CONTROLS, type AssessmentData } from '../../../shared/model';
import { targetNames } from '../../../shared/risk';
import { addCountermeasure } from '../../db/risk';
import type { CountermeasureDraft } from './countermeasure-draft';
import { parseItemIds } from './item-ids';
import { problemsOf } from './problems';

/** A new countermeasure's status follows from its kind (existing: done; recommended: open). */
type Draft = Omit<CountermeasureDraft, 'status'>;

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

/** The new countermeasure's draft, and its submission: requirement ids checked, then the record validated. */
function useNewCountermeasure(assessmentId: string) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
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
  return { draft, errors, set, submit };
}

/** A labelled field of the form (label wraps the control, as the register's tests read it). */
function LabelledField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

/** Checkboxes for a set of values; the checked ones are `selected`. */
function CheckList<T extends string>({
  legend,
  options,
  selected,
  onChange,
  empty,
  wide,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  empty?: string;
  wide?: boolean;
}) {
  return (
    <fieldset className="field" style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <legend className="field-label">{legend}</legend>
      {options.length === 0 && empty ? (
        <span className="field-hint">{empty}</span>
      ) : (
        <div className="risk-checks">
          {options.map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, o.value] : selected.filter((x) => x !== o.value))
                }
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function Reduction({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <LabelledField label={label}>
      <input
        className="input"
        type="number"
        min={0}
        max={6}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </LabelledField>
  );
}

/** The requirement ids, typed, with the answered ones offered. */
function ItemIdsField({
  value,
  known,
  onChange,
}: {
  value: string;
  known: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <LabelledField label="Requirements it stands for">
      <input
        className="input"
        placeholder="SR 1.13, SR 5.1 RE 1"
        value={value}
        list="risk-item-ids"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="risk-item-ids">
        {known.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </LabelledField>
  );
}

function FormErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" style={{ gridColumn: '1 / -1' }}>
      {errors.map((e) => (
        <div key={e}>{e}</div>
      ))}
    </div>
  );
}

/** The form that adds a countermeasure to the register. */
export function NewCountermeasure({ assessmentId, data }: { assessmentId: string; data: AssessmentData }) {
  const { draft, errors, set, submit } = useNewCountermeasure(assessmentId);
  const names = targetNames(data);
  const scenarios = data.threatScenarios.filter((s) => s.status === 'active');
  const itemIds = [...new Set(data.answers.map((a) => a.itemId))];
  return (
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
        <LabelledField label="Title">
          <input className="input" value={draft.title} onChange={(e) => set('title', e.target.value)} />
        </LabelledField>
        <LabelledField label="Kind">
          <select
            className="select"
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as Draft['kind'])}
          >
            <option value="recommended">Recommended</option>
            <option value="existing">Existing</option>
          </select>
        </LabelledField>
        <ItemIdsField value={draft.items} known={itemIds} onChange={(v) => set('items', v)} />
        <CheckList
          legend="Conduit controls"
          options={CONDUIT_CONTROLS.map((c) => ({ value: c, label: CONDUIT_CONTROL_LABELS[c] }))}
          selected={draft.controls}
          onChange={(controls) => set('controls', controls)}
        />
        <Reduction
          label="Lowers likelihood by"
          value={draft.likelihoodReduction}
          onChange={(v) => set('likelihoodReduction', v)}
        />
        <Reduction
          label="Lowers consequence by"
          value={draft.consequenceReduction}
          onChange={(v) => set('consequenceReduction', v)}
        />
        <LabelledField label="Owner">
          <input className="input" value={draft.owner} onChange={(e) => set('owner', e.target.value)} />
        </LabelledField>
        <LabelledField label="Due">
          <input
            className="input"
            type="date"
            value={draft.dueDate}
            onChange={(e) => set('dueDate', e.target.value)}
          />
        </LabelledField>
        <CheckList
          legend="Scenarios it mitigates"
          options={scenarios.map((s) => ({ value: s.id, label: `${s.title} (${names(s.target)})` }))}
          selected={draft.scenarioIds}
          onChange={(ids) => set('scenarioIds', ids)}
          empty="No scenarios yet."
          wide
        />
        <FormErrors errors={errors} />
        <button type="submit" className="button button-primary">
          Add countermeasure
        </button>
      </form>
    </section>
  );
}
