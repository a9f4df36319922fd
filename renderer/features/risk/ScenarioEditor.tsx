import { ATTACK_ICS } from '../../../shared/catalogue/attack-ics.data';
import { FR_IDS, type AssessmentData } from '../../../shared/model';
import {
  consequenceLabel,
  DEFAULT_CAPABILITY,
  entryVectorOptions,
  likelihoodLabel,
  riskMethodOf,
  targetNames,
  targetOfKey,
  type RiskMatrixShape,
  type RiskResult,
  type ThreatScenario,
  type ThreatSource,
} from '../../../shared/risk';
import { saveScenario } from '../../db/risk';
import { Field } from '../../ui/Field';
import { RiskBadge, vector } from './labels';
import { CapabilityOptions, LevelOptions, ThreatSourceOptions } from './options';
import { RecordEditorDialog, useRecordEditor, type DraftForm } from './record-editor';
import { checkScenario, scenarioDraftOf, withFr, type ScenarioDraft } from './scenario-draft';

type ScenarioForm = DraftForm<ScenarioDraft>;

/**
 * Edits a scenario in place: every valid change autosaves (the table and the SL-T behind follow
 * live); an invalid one is held with its field's message. Cancel puts back what was there on opening.
 */
export function ScenarioEditor({
  scenario,
  data,
  result,
  onClose,
}: {
  scenario: ThreatScenario;
  data: AssessmentData;
  result: RiskResult;
  onClose: () => void;
}) {
  const editor = useRecordEditor({
    record: scenario,
    draftOf: scenarioDraftOf,
    check: (next, opened) =>
      checkScenario(opened, next, entryVectorOptions({ ...opened, target: targetOfKey(next.target) }, data)),
    save: saveScenario,
    noun: 'scenario',
  });
  const { original, draft, errors, edit, flush, cancel } = editor;
  const method = riskMethodOf(data);
  return (
    <RecordEditorDialog
      title={`Edit scenario: ${original.title}`}
      label="Edit scenario"
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
      <Field label="Target" error={errors.target} hint="The zone or conduit the scenario threatens">
        <TargetSelect data={data} value={draft.target} onChange={(value) => edit({ target: value }, true)} />
      </Field>
      <EntryVectorField form={editor} original={original} data={data} />
      <Field label="Description" error={errors.description} wide>
        <textarea
          className="textarea"
          value={draft.description}
          onChange={(e) => edit({ description: e.target.value })}
          onBlur={flush}
        />
      </Field>
      <ThreatFields form={editor} />
      <FrChecks form={editor} />
      <ScaleFields form={editor} method={method} />
      <LiveRisk scenarioId={scenario.id} target={draft.target} result={result} method={method} />
    </RecordEditorDialog>
  );
}

/** The entry vectors of the target as drafted (a new target offers its own conduits). */
function EntryVectorField({
  form: { draft, errors, edit },
  original,
  data,
}: {
  form: ScenarioForm;
  original: ThreatScenario;
  data: AssessmentData;
}) {
  const options = entryVectorOptions({ ...original, target: targetOfKey(draft.target) }, data);
  return (
    <Field label="Entry vector" error={errors.entryVector}>
      <select
        className="select"
        value={draft.entryVector}
        onChange={(e) => edit({ entryVector: e.target.value }, true)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Who attacks and how: threat source, its capability, the ATT&CK for ICS techniques. */
function ThreatFields({ form: { draft, errors, edit, flush } }: { form: ScenarioForm }) {
  return (
    <>
      <Field label="Threat source" error={errors.source}>
        <select
          className="select"
          value={draft.source}
          onChange={(e) => {
            const source = e.target.value as ThreatSource;
            edit({ source, capability: DEFAULT_CAPABILITY[source] }, true);
          }}
        >
          <ThreatSourceOptions />
        </select>
      </Field>
      <Field label="Capability" error={errors.capability}>
        <select
          className="select"
          value={draft.capability}
          onChange={(e) => edit({ capability: Number(e.target.value) }, true)}
        >
          <CapabilityOptions />
        </select>
      </Field>
      <Field
        label="ATT&CK for ICS techniques"
        error={errors.techniques}
        hint="Comma-separated, like T0883, T0886"
      >
        <input
          className="input"
          list="risk-attack-techniques"
          value={draft.techniques}
          onChange={(e) => edit({ techniques: e.target.value })}
          onBlur={flush}
        />
      </Field>
      <datalist id="risk-attack-techniques">
        {ATTACK_ICS.techniques.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </datalist>
    </>
  );
}

function FrChecks({ form: { draft, errors, edit } }: { form: ScenarioForm }) {
  return (
    <fieldset className="field span-2">
      <legend className="field-label">Foundational requirements attacked (none = all seven)</legend>
      <div className="risk-checks">
        {FR_IDS.map((fr) => (
          <label key={fr}>
            <input
              type="checkbox"
              checked={draft.frs.includes(fr)}
              onChange={(e) => edit({ frs: withFr(draft.frs, fr, e.target.checked) }, true)}
            />{' '}
            {fr}
          </label>
        ))}
      </div>
      {errors.frs && <span className="field-error">{errors.frs}</span>}
    </fieldset>
  );
}

/** Likelihood and consequence on the assessment's scales (no consequence: the target's). */
function ScaleFields({
  form: { draft, errors, edit },
  method,
}: {
  form: ScenarioForm;
  method: RiskMatrixShape;
}) {
  return (
    <>
      <Field label="Likelihood" error={errors.likelihood}>
        <select
          className="select"
          value={draft.likelihood}
          onChange={(e) => edit({ likelihood: Number(e.target.value) }, true)}
        >
          <LevelOptions levels={method.likelihoodLevels} />
        </select>
      </Field>
      <Field label="Consequence" error={errors.consequence}>
        <select
          className="select"
          value={draft.consequence ?? ''}
          onChange={(e) => edit({ consequence: e.target.value === '' ? null : Number(e.target.value) }, true)}
        >
          <option value="">The target's</option>
          <LevelOptions levels={method.consequenceLevels} />
        </select>
      </Field>
    </>
  );
}

/** The scenario's risk and its target's derived SL-T as saved so far, following every edit. */
function LiveRisk({
  scenarioId,
  target: key,
  result,
  method,
}: {
  scenarioId: string;
  target: string;
  result: RiskResult;
  method: RiskMatrixShape;
}) {
  const risk = result.scenarios.find((r) => r.scenarioId === scenarioId);
  if (!risk) return null;
  const target = targetOfKey(key);
  const derived =
    target.kind === 'zone'
      ? result.zones.find((z) => z.zoneId === target.zoneId)?.derived
      : result.conduits.find((c) => c.conduitId === target.conduitId)?.derived;
  return (
    <p className="span-2" data-testid="risk-editor-live">
      Inherent <RiskBadge method={method} level={risk.inherent} /> · residual{' '}
      <RiskBadge method={method} level={risk.residual} /> ({likelihoodLabel(method, risk.residualLikelihood)}{' '}
      × {consequenceLabel(method, risk.residualConsequence)})
      {derived && <> · derived SL-T {vector(derived.slt)}</>}
    </p>
  );
}

/** Every zone and conduit, as a scenario's target (value `zone:<id>` or `conduit:<id>`). */
function TargetSelect({
  data,
  value,
  onChange,
  ...control
}: {
  data: AssessmentData;
  value: string;
  onChange: (value: string) => void;
  /** The id and aria-describedby a Field gives its control. */
  id?: string;
  'aria-describedby'?: string;
}) {
  const names = targetNames(data);
  return (
    <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      {!data.zones.some((z) => value === `zone:${z.id}`) &&
        !data.conduits.some((c) => value === `conduit:${c.id}`) && (
          <option value={value}>{names(targetOfKey(value))}</option>
        )}
      <optgroup label="Zones">
        {data.zones.map((z) => (
          <option key={z.id} value={`zone:${z.id}`}>
            {z.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="Conduits">
        {data.conduits.map((c) => (
          <option key={c.id} value={`conduit:${c.id}`}>
            {names({ kind: 'conduit', conduitId: c.id })}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
