import { attackTechnique } from '../../../shared/catalogue/attack';
import { ATTACK_ICS } from '../../../shared/catalogue/attack-ics.data';
import { FR_IDS, type AssessmentData, type FrId } from '../../../shared/model';
import { CONNECTION_TYPE_LABELS } from '../../../shared/model/connections';
import {
  CAPABILITIES,
  CAPABILITY_SHORT,
  consequenceLabel,
  DEFAULT_CAPABILITY,
  likelihoodLabel,
  riskMethodOf,
  THREAT_SOURCE_LABELS,
  THREAT_SOURCES,
  threatScenarioSchema,
  type EntryVector,
  type RiskResult,
  type ScenarioTarget,
  type ThreatScenario,
  type ThreatSource,
} from '../../../shared/risk';
import { saveScenario } from '../../db/risk';
import { Field } from '../../ui/Field';
import { fieldErrorsOf, splitList } from './field-errors';
import { RiskBadge, targetNames, vector } from './labels';
import { RecordEditorDialog, useRecordEditor, type FieldErrors } from './record-editor';

interface Draft {
  /** `zone:<id>` or `conduit:<id>`. */
  target: string;
  title: string;
  description: string;
  source: ThreatSource;
  capability: number;
  entryVector: string;
  techniques: string;
  frs: FrId[];
  likelihood: number;
  consequence: number | null;
}

const vectorKey = (v: EntryVector) =>
  v.kind === 'conduit'
    ? `conduit:${v.conduitId}`
    : v.kind === 'connection'
      ? `connection:${v.connectionId}`
      : v.kind;

const targetKey = (t: ScenarioTarget) => (t.kind === 'zone' ? `zone:${t.zoneId}` : `conduit:${t.conduitId}`);

function targetOf(key: string): ScenarioTarget {
  const [kind, id = ''] = key.split(':');
  return kind === 'conduit' ? { kind: 'conduit', conduitId: id } : { kind: 'zone', zoneId: id };
}

function draftOf(s: ThreatScenario): Draft {
  return {
    target: targetKey(s.target),
    title: s.title,
    description: s.description,
    source: s.source,
    capability: s.capability,
    entryVector: vectorKey(s.entryVector),
    techniques: s.techniques.join(', '),
    frs: s.frs,
    likelihood: s.likelihood,
    consequence: s.consequence,
  };
}

type TargetedVector = Pick<ThreatScenario, 'target' | 'entryVector'>;

/** The zones a scenario is about: its zone, or both ends of its conduit. */
function zonesOf(scenario: TargetedVector, data: AssessmentData): Set<string> {
  if (scenario.target.kind === 'zone') return new Set([scenario.target.zoneId]);
  const { conduitId } = scenario.target;
  const conduit = data.conduits.find((c) => c.id === conduitId);
  return new Set(conduit ? [conduit.fromZoneId, conduit.toZoneId] : []);
}

/** The entry vectors offered: the zone's conduits and undocumented connections, then the generic paths. */
function vectorOptions(scenario: TargetedVector, data: AssessmentData) {
  const zones = zonesOf(scenario, data);
  const names = targetNames(data);
  const assetZone = new Map(data.assets.map((a) => [a.id, a.zoneId]));
  const inZone = (ref: AssessmentData['connections'][number]['from']) =>
    ref.kind === 'zone'
      ? zones.has(ref.zoneId)
      : ref.kind === 'asset' && zones.has(assetZone.get(ref.assetId) ?? '');
  const options: { value: string; label: string; vector: EntryVector }[] = [];
  for (const c of data.conduits)
    if (
      zones.has(c.fromZoneId) ||
      zones.has(c.toZoneId) ||
      (scenario.target.kind === 'conduit' && scenario.target.conduitId === c.id)
    )
      options.push({
        value: `conduit:${c.id}`,
        label: names({ kind: 'conduit', conduitId: c.id }),
        vector: { kind: 'conduit', conduitId: c.id },
      });
  for (const c of data.connections)
    if (c.status !== 'remediated' && (inZone(c.from) || inZone(c.to)))
      options.push({
        value: `connection:${c.id}`,
        label: `Undocumented connection: ${CONNECTION_TYPE_LABELS[c.type]}${c.description ? ` – ${c.description.slice(0, 60)}` : ''}`,
        vector: { kind: 'connection', connectionId: c.id },
      });
  if (scenario.entryVector.kind === 'flow')
    options.push({
      value: 'flow',
      label: `Observed flow with no conduit: ${scenario.entryVector.summary}`,
      vector: scenario.entryVector,
    });
  const zoneId = scenario.target.kind === 'zone' ? scenario.target.zoneId : null;
  options.push(
    { value: 'remote-access', label: 'Remote access', vector: { kind: 'remote-access', zoneId } },
    { value: 'removable-media', label: 'Removable media', vector: { kind: 'removable-media' } },
    { value: 'wireless', label: 'Wireless', vector: { kind: 'wireless' } },
  );
  // The stored vector stays choosable even when its conduit or connection is gone.
  if (!options.some((o) => o.value === vectorKey(scenario.entryVector)))
    options.unshift({
      value: vectorKey(scenario.entryVector),
      label: 'A conduit or connection not on this target (or deleted)',
      vector: scenario.entryVector,
    });
  return options;
}

/** The scenario a draft makes, or the message of each field that is wrong. */
function checkScenario(
  original: ThreatScenario,
  next: Draft,
  options: ReturnType<typeof vectorOptions>,
): { record?: ThreatScenario; errors: FieldErrors } {
  const techniques = splitList(next.techniques);
  const unknown = techniques.filter((t) => !attackTechnique(t));
  if (unknown.length > 0)
    return {
      errors: {
        techniques: `Not an ATT&CK for ICS technique: ${unknown.join(', ')} (write them like T0886)`,
      },
    };
  const entryVector = options.find((o) => o.value === next.entryVector)?.vector ?? original.entryVector;
  const parsed = threatScenarioSchema.safeParse({
    ...original,
    ...next,
    target: targetOf(next.target),
    entryVector,
    techniques: [...new Set(techniques)],
  });
  return parsed.success ? { record: parsed.data, errors: {} } : { errors: fieldErrorsOf(parsed.error) };
}

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
  const { original, draft, errors, edit, flush, cancel } = useRecordEditor({
    record: scenario,
    draftOf,
    check: (next, opened) =>
      checkScenario(opened, next, vectorOptions({ ...opened, target: targetOf(next.target) }, data)),
    save: saveScenario,
    noun: 'scenario',
  });
  const options = vectorOptions({ ...original, target: targetOf(draft.target) }, data);
  const method = riskMethodOf(data);
  const risk = result.scenarios.find((r) => r.scenarioId === scenario.id);
  const target = targetOf(draft.target);
  const derived =
    target.kind === 'zone'
      ? result.zones.find((z) => z.zoneId === target.zoneId)?.derived
      : result.conduits.find((c) => c.conduitId === target.conduitId)?.derived;

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
      <Field label="Description" error={errors.description} wide>
        <textarea
          className="textarea"
          value={draft.description}
          onChange={(e) => edit({ description: e.target.value })}
          onBlur={flush}
        />
      </Field>
      <Field label="Threat source" error={errors.source}>
        <select
          className="select"
          value={draft.source}
          onChange={(e) => {
            const source = e.target.value as ThreatSource;
            edit({ source, capability: DEFAULT_CAPABILITY[source] }, true);
          }}
        >
          {THREAT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {THREAT_SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Capability" error={errors.capability}>
        <select
          className="select"
          value={draft.capability}
          onChange={(e) => edit({ capability: Number(e.target.value) }, true)}
        >
          {CAPABILITIES.map((c) => (
            <option key={c} value={c}>
              {c} – {CAPABILITY_SHORT[c]}
            </option>
          ))}
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
      <fieldset className="field span-2">
        <legend className="field-label">Foundational requirements attacked (none = all seven)</legend>
        <div className="risk-checks">
          {FR_IDS.map((fr) => (
            <label key={fr}>
              <input
                type="checkbox"
                checked={draft.frs.includes(fr)}
                onChange={(e) =>
                  edit(
                    {
                      frs: e.target.checked
                        ? FR_IDS.filter((f) => f === fr || draft.frs.includes(f))
                        : draft.frs.filter((f) => f !== fr),
                    },
                    true,
                  )
                }
              />{' '}
              {fr}
            </label>
          ))}
        </div>
        {errors.frs && <span className="field-error">{errors.frs}</span>}
      </fieldset>
      <Field label="Likelihood" error={errors.likelihood}>
        <select
          className="select"
          value={draft.likelihood}
          onChange={(e) => edit({ likelihood: Number(e.target.value) }, true)}
        >
          {method.likelihoodLevels.map((l, i) => (
            <option key={l.label} value={i + 1}>
              {i + 1} {l.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Consequence" error={errors.consequence}>
        <select
          className="select"
          value={draft.consequence ?? ''}
          onChange={(e) => edit({ consequence: e.target.value === '' ? null : Number(e.target.value) }, true)}
        >
          <option value="">The target's</option>
          {method.consequenceLevels.map((l, i) => (
            <option key={l.label} value={i + 1}>
              {i + 1} {l.label}
            </option>
          ))}
        </select>
      </Field>
      {risk && (
        <p className="span-2" data-testid="risk-editor-live">
          Inherent <RiskBadge method={method} level={risk.inherent} /> · residual{' '}
          <RiskBadge method={method} level={risk.residual} /> (
          {likelihoodLabel(method, risk.residualLikelihood)} ×{' '}
          {consequenceLabel(method, risk.residualConsequence)})
          {derived && <> · derived SL-T {vector(derived.slt)}</>}
        </p>
      )}
    </RecordEditorDialog>
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
          <option value={value}>{names(targetOf(value))}</option>
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
