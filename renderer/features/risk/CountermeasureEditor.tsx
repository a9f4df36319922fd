import {
  CONDUIT_CONTROL_LABELS,
  CONDUIT_CONTROLS,
  type AssessmentData,
  type ConduitControl,
} from '../../../shared/model';
import {
  COUNTERMEASURE_STATUS_LABELS,
  COUNTERMEASURE_STATUSES,
  countermeasureSchema,
  riskMethodOf,
  type Countermeasure,
  type CountermeasureStatus,
  type RiskResult,
} from '../../../shared/risk';
import { saveCountermeasure } from '../../db/risk';
import { Field } from '../../ui/Field';
import { fieldErrorsOf } from './field-errors';
import { RiskBadge, targetNames, vector } from './labels';
import { parseItemIds } from './item-ids';
import { RecordEditorDialog, useRecordEditor, type FieldErrors } from './record-editor';

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
  status: CountermeasureStatus;
}

function draftOf(c: Countermeasure): Draft {
  return {
    title: c.title,
    kind: c.kind,
    items: c.itemIds.join(', '),
    controls: c.controls,
    scenarioIds: c.scenarioIds,
    likelihoodReduction: c.likelihoodReduction,
    consequenceReduction: c.consequenceReduction,
    owner: c.owner,
    dueDate: c.dueDate ?? '',
    status: c.status,
  };
}

/** The countermeasure a draft makes, or the message of each field that is wrong. */
function checkCountermeasure(
  original: Countermeasure,
  next: Draft,
): { record?: Countermeasure; errors: FieldErrors } {
  const items = parseItemIds(next.items);
  if (items.unknown.length > 0)
    return {
      errors: {
        itemIds: `Not a requirement id: ${items.unknown.join(', ')} (write them like SR 1.13 or SR 5.1 RE 1)`,
      },
    };
  const parsed = countermeasureSchema.safeParse({
    ...original,
    ...next,
    itemIds: items.ids,
    dueDate: next.dueDate || null,
  });
  return parsed.success ? { record: parsed.data, errors: {} } : { errors: fieldErrorsOf(parsed.error) };
}

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
  const { original, draft, errors, edit, flush, cancel } = useRecordEditor({
    record: countermeasure,
    draftOf,
    check: (next, opened) => checkCountermeasure(opened, next),
    save: saveCountermeasure,
    noun: 'countermeasure',
  });
  const method = riskMethodOf(data);
  const names = targetNames(data);
  const scenarios = data.threatScenarios.filter(
    (s) => s.status === 'active' || original.scenarioIds.includes(s.id),
  );
  const zoneIds = new Set(
    data.threatScenarios
      .filter((s) => draft.scenarioIds.includes(s.id) && s.target.kind === 'zone')
      .map((s) => (s.target.kind === 'zone' ? s.target.zoneId : '')),
  );
  const derived = result.zones.filter((z) => zoneIds.has(z.zoneId));
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);

  return (
    <RecordEditorDialog
      title={`Edit countermeasure: ${original.title}`}
      label="Edit countermeasure"
      errors={errors}
      flush={flush}
      onCancel={() => cancel(onClose)}
      onClose={onClose}
    >
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
          onChange={(e) => edit({ kind: e.target.value as Draft['kind'] }, true)}
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
      <fieldset className="field span-2">
        <legend className="field-label">Conduit controls</legend>
        <div className="risk-checks">
          {CONDUIT_CONTROLS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={draft.controls.includes(c)}
                onChange={(e) => edit({ controls: toggle(draft.controls, c, e.target.checked) }, true)}
              />{' '}
              {CONDUIT_CONTROL_LABELS[c]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Lowers likelihood by" error={errors.likelihoodReduction}>
        <input
          className="input"
          type="number"
          min={0}
          max={6}
          value={draft.likelihoodReduction}
          onChange={(e) => edit({ likelihoodReduction: Number(e.target.value) })}
          onBlur={flush}
        />
      </Field>
      <Field label="Lowers consequence by" error={errors.consequenceReduction}>
        <input
          className="input"
          type="number"
          min={0}
          max={6}
          value={draft.consequenceReduction}
          onChange={(e) => edit({ consequenceReduction: Number(e.target.value) })}
          onBlur={flush}
        />
      </Field>
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
                      edit({ scenarioIds: toggle(draft.scenarioIds, s.id, e.target.checked) }, true)
                    }
                  />{' '}
                  {s.title} ({names(s.target)}) {r && <RiskBadge method={method} level={r.residual} />}
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      {derived.length > 0 && (
        <p className="span-2" data-testid="risk-editor-live">
          {derived.map((z) => `${z.name}: derived SL-T ${vector(z.derived.slt)}`).join(' · ')}
        </p>
      )}
    </RecordEditorDialog>
  );
}
