import { CONDUIT_CONTROL_LABELS, CONDUIT_CONTROLS, type AssessmentData } from '../../../shared/model';
import {
  COUNTERMEASURE_STATUS_LABELS,
  COUNTERMEASURE_STATUSES,
  riskMethodOf,
  targetNames,
  type Countermeasure,
  type CountermeasureStatus,
  type RiskResult,
} from '../../../shared/risk';
import { saveCountermeasure } from '../../db/risk';
import { Field } from '../../ui/Field';
import {
  checkCountermeasure,
  countermeasureDraftOf,
  toggled,
  zonesOfScenarios,
  type CountermeasureDraft,
} from './countermeasure-draft';
import { RiskBadge, vector } from './labels';
import { RecordEditorDialog, useRecordEditor, type DraftForm } from './record-editor';

type CountermeasureForm = DraftForm<CountermeasureDraft>;

/**
 * Edits a countermeasure in place: every valid change autosaves and the residual risks shown
 * follow live; an invalid one is held with its field's message. Cancel restores the opening state.
 */
export function CountermeasureEditor({
  countermeasure,
  data,
  result,
  onClose,
}: {
  countermeasure: Countermeasure;
  data: AssessmentData;
  result: RiskResult;
  onClose: () => void;
}) {
  const editor = useRecordEditor({
    record: countermeasure,
    draftOf: countermeasureDraftOf,
    check: (next, opened) => checkCountermeasure(opened, next),
    save: saveCountermeasure,
    noun: 'countermeasure',
  });
  const { original, draft, errors, edit, flush, cancel } = editor;
  return (
    <RecordEditorDialog
      title={`Edit countermeasure: ${original.title}`}
      label="Edit countermeasure"
      errors={errors}
      flush={flush}
      onCancel={() => cancel(onClose)}
      onClose={onClose}
    >
      <WhatFields form={editor} />
      <Field label="Status" error={errors.status}>
        <select
          className="select"
          value={draft.status}
          onChange={(e) => edit({ status: e.target.value as CountermeasureStatus }, true)}
        >
          {COUNTERMEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {COUNTERMEASURE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <ControlChecks form={editor} />
      <ReductionFields form={editor} />
      <OwnerFields form={editor} />
      <MitigatedScenarios form={editor} original={original} data={data} result={result} />
      <DerivedSlts scenarioIds={draft.scenarioIds} data={data} result={result} />
    </RecordEditorDialog>
  );
}

/** What the countermeasure is: its title, existing or recommended, and the requirements it stands for. */
function WhatFields({ form: { draft, errors, edit, flush } }: { form: CountermeasureForm }) {
  return (
    <>
      <Field label="Title" error={errors.title}>
        <input
          className="input"
          value={draft.title}
          onChange={(e) => edit({ title: e.target.value })}
          onBlur={flush}
        />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select
          className="select"
          value={draft.kind}
          onChange={(e) => edit({ kind: e.target.value as CountermeasureDraft['kind'] }, true)}
        >
          <option value="recommended">Recommended</option>
          <option value="existing">Existing</option>
        </select>
      </Field>
      <Field
        label="Requirements it stands for"
        error={errors.itemIds}
        hint="Comma-separated, like SR 1.13, SR 5.1 RE 1"
      >
        <input
          className="input"
          value={draft.items}
          onChange={(e) => edit({ items: e.target.value })}
          onBlur={flush}
        />
      </Field>
    </>
  );
}

function ControlChecks({ form: { draft, edit } }: { form: CountermeasureForm }) {
  return (
    <fieldset className="field span-2">
      <legend className="field-label">Conduit controls</legend>
      <div className="risk-checks">
        {CONDUIT_CONTROLS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={draft.controls.includes(c)}
              onChange={(e) => edit({ controls: toggled(draft.controls, c, e.target.checked) }, true)}
            />{' '}
            {CONDUIT_CONTROL_LABELS[c]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** How many levels the countermeasure takes off a scenario's likelihood and consequence. */
function ReductionFields({ form: { draft, errors, edit, flush } }: { form: CountermeasureForm }) {
  const reduction = (field: 'likelihoodReduction' | 'consequenceReduction', label: string) => (
    <Field label={label} error={errors[field]}>
      <input
        className="input"
        type="number"
        min={0}
        max={6}
        value={draft[field]}
        onChange={(e) => edit({ [field]: Number(e.target.value) })}
        onBlur={flush}
      />
    </Field>
  );
  return (
    <>
      {reduction('likelihoodReduction', 'Lowers likelihood by')}
      {reduction('consequenceReduction', 'Lowers consequence by')}
    </>
  );
}

/** Who delivers it and by when. */
function OwnerFields({ form: { draft, errors, edit, flush } }: { form: CountermeasureForm }) {
  return (
    <>
      <Field label="Owner" error={errors.owner}>
        <input
          className="input"
          value={draft.owner}
          onChange={(e) => edit({ owner: e.target.value })}
          onBlur={flush}
        />
      </Field>
      <Field label="Due" error={errors.dueDate}>
        <input
          className="input"
          type="date"
          value={draft.dueDate}
          onChange={(e) => edit({ dueDate: e.target.value }, true)}
        />
      </Field>
    </>
  );
}

/** The active scenarios (and any dropped one it already names), each with its residual risk now. */
function MitigatedScenarios({
  form: { draft, edit },
  original,
  data,
  result,
}: {
  form: CountermeasureForm;
  original: Countermeasure;
  data: AssessmentData;
  result: RiskResult;
}) {
  const method = riskMethodOf(data);
  const names = targetNames(data);
  const scenarios = data.threatScenarios.filter(
    (s) => s.status === 'active' || original.scenarioIds.includes(s.id),
  );
  return (
    <fieldset className="field span-2">
      <legend className="field-label">Scenarios it mitigates (residual risk now)</legend>
      {scenarios.length === 0 ? (
        <span className="field-hint">No scenarios yet.</span>
      ) : (
        <div className="risk-checks">
          {scenarios.map((s) => {
            const r = result.scenarios.find((x) => x.scenarioId === s.id);
            return (
              <label key={s.id}>
                <input
                  type="checkbox"
                  checked={draft.scenarioIds.includes(s.id)}
                  onChange={(e) =>
                    edit({ scenarioIds: toggled(draft.scenarioIds, s.id, e.target.checked) }, true)
                  }
                />{' '}
                {s.title} ({names(s.target)}) {r && <RiskBadge method={method} level={r.residual} />}
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

/** The derived SL-T of each zone the chosen scenarios threaten, following every edit. */
function DerivedSlts({
  scenarioIds,
  data,
  result,
}: {
  scenarioIds: readonly string[];
  data: AssessmentData;
  result: RiskResult;
}) {
  const zoneIds = zonesOfScenarios(data.threatScenarios, scenarioIds);
  const derived = result.zones.filter((z) => zoneIds.has(z.zoneId));
  if (derived.length === 0) return null;
  return (
    <p className="span-2" data-testid="risk-editor-live">
      {derived.map((z) => `${z.name}: derived SL-T ${vector(z.derived.slt)}`).join(' · ')}
    </p>
  );
}
