import { useState } from 'react';
import type { AssessmentData } from '../../../shared/model';
import {
  CAPABILITY_SHORT,
  consequenceLabel,
  DEFAULT_CAPABILITY,
  ENTRY_VECTOR_LABELS,
  likelihoodLabel,
  riskMethodOf,
  targetNames,
  THREAT_SOURCE_LABELS,
  type RiskMatrixShape,
  type RiskResult,
  type SuggestedScenario,
  type ThreatScenario,
  type ThreatSource,
} from '../../../shared/risk';
import { addScenario, deleteScenario, saveScenario } from '../../db/risk';
import { notify } from '../../ui/notices';
import { RiskBadge, type ScenarioRisks } from './labels';
import { CapabilityOptions, LevelOptions, ThreatSourceOptions } from './options';
import { problemsOf } from './problems';
import { ScenarioEditor } from './ScenarioEditor';

interface Props {
  assessmentId: string;
  data: AssessmentData;
  result: RiskResult;
  suggestions: SuggestedScenario[];
}

function acceptFields(s: SuggestedScenario) {
  return {
    target: s.target,
    title: s.title,
    description: s.description || s.reason,
    source: s.source,
    capability: s.capability,
    entryVector: s.entryVector,
    techniques: s.techniques,
    frs: s.frs,
    likelihood: s.likelihood,
    consequence: null,
    suggestionKey: s.key,
  };
}

async function guarded(action: Promise<unknown>, what: string) {
  try {
    await action;
  } catch (error) {
    notify('error', `${what} was not saved`, problemsOf(error));
  }
}

function Suggestion({
  assessmentId,
  suggestion,
  name,
}: {
  assessmentId: string;
  suggestion: SuggestedScenario;
  name: string;
}) {
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className="risk-suggestion" data-testid="risk-suggestion">
      <span className="risk-suggestion-title">
        <strong>{suggestion.title}</strong>
        <br />
        <small>
          {name} · {THREAT_SOURCE_LABELS[suggestion.source]} ·{' '}
          {ENTRY_VECTOR_LABELS[suggestion.entryVector.kind]} · {suggestion.techniques.join(', ')} —{' '}
          {suggestion.reason}
        </small>
      </span>
      {dropping ? (
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              notify('error', 'Dropping a suggestion needs a reason', [
                'Say why this scenario does not apply.',
              ]);
              return;
            }
            void guarded(
              addScenario(assessmentId, {
                ...acceptFields(suggestion),
                status: 'dropped',
                dropReason: reason.trim(),
              }),
              'The dropped suggestion',
            );
          }}
        >
          <input
            className="input"
            aria-label={`Why drop "${suggestion.title}"`}
            placeholder="Why it does not apply"
            value={reason}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setDropping(false)}
          />
          <button type="submit" className="button button-small">
            Drop
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => setDropping(false)}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => void guarded(addScenario(assessmentId, acceptFields(suggestion)), 'The scenario')}
          >
            Accept
          </button>
          <button type="button" className="button button-small" onClick={() => setDropping(true)}>
            Drop…
          </button>
        </>
      )}
    </li>
  );
}

function NewScenario({ assessmentId, data }: { assessmentId: string; data: AssessmentData }) {
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const [source, setSource] = useState<ThreatSource>('criminal');
  const method = riskMethodOf(data);
  return (
    <form
      className="risk-form"
      aria-label="New scenario"
      onSubmit={(event) => {
        event.preventDefault();
        const [kind, id] = target.split(':');
        if (!id) {
          notify('error', 'The scenario was not saved', ['Choose the zone or conduit it threatens.']);
          return;
        }
        void guarded(
          addScenario(assessmentId, {
            target: kind === 'zone' ? { kind: 'zone', zoneId: id } : { kind: 'conduit', conduitId: id },
            title,
            source,
            capability: DEFAULT_CAPABILITY[source],
            entryVector:
              kind === 'conduit' ? { kind: 'conduit', conduitId: id } : { kind: 'removable-media' },
            likelihood: Math.ceil(method.likelihoodLevels.length / 2),
          }).then(() => setTitle('')),
          'The scenario',
        );
      }}
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Zone or conduit</span>
        <select className="select" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose…</option>
          {data.zones.map((z) => (
            <option key={z.id} value={`zone:${z.id}`}>
              {z.name}
            </option>
          ))}
          {data.conduits.map((c) => (
            <option key={c.id} value={`conduit:${c.id}`}>
              {targetNames(data)({ kind: 'conduit', conduitId: c.id })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Threat source</span>
        <select className="select" value={source} onChange={(e) => setSource(e.target.value as ThreatSource)}>
          <ThreatSourceOptions />
        </select>
      </label>
      <button type="submit" className="button">
        Add scenario
      </button>
    </form>
  );
}

/** One scenario, with what its row and its actions read. */
interface ScenarioProps {
  scenario: ThreatScenario;
  data: AssessmentData;
  result: RiskResult;
}

function ScenarioRow({ scenario, data, result }: ScenarioProps) {
  const method = riskMethodOf(data);
  const risk = result.scenarios.find((r) => r.scenarioId === scenario.id);
  const save = (patch: Partial<ThreatScenario>) =>
    void guarded(saveScenario(scenario, patch), 'The scenario');
  return (
    <tr data-testid="risk-scenario">
      <td>
        <strong>{scenario.title}</strong>
        <br />
        <small>
          {targetNames(data)(scenario.target)} · {ENTRY_VECTOR_LABELS[scenario.entryVector.kind]}
          {scenario.techniques.length ? ` · ${scenario.techniques.join(', ')}` : ''}
        </small>
      </td>
      <td>
        <ThreatSourceSelects scenario={scenario} onSave={save} />
      </td>
      <td>
        <select
          className="select"
          aria-label={`Likelihood of ${scenario.title}`}
          value={scenario.likelihood}
          onChange={(e) => save({ likelihood: Number(e.target.value) })}
        >
          <LevelOptions levels={method.likelihoodLevels} />
        </select>
      </td>
      <td>
        <select
          className="select"
          aria-label={`Consequence of ${scenario.title}`}
          value={scenario.consequence ?? ''}
          onChange={(e) => save({ consequence: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">
            {risk ? `Zone's (${consequenceLabel(method, risk.consequence)})` : "Zone's"}
          </option>
          <LevelOptions levels={method.consequenceLevels} />
        </select>
      </td>
      <td data-testid="risk-inherent">{risk && <RiskBadge method={method} level={risk.inherent} />}</td>
      <td data-testid="risk-residual">{risk && <ResidualRisk risk={risk} method={method} />}</td>
      <td>
        <ScenarioActions scenario={scenario} data={data} result={result} />
      </td>
    </tr>
  );
}

/** The threat source and its capability; a new source brings its usual capability. */
function ThreatSourceSelects({
  scenario,
  onSave,
}: {
  scenario: ThreatScenario;
  onSave: (patch: Partial<ThreatScenario>) => void;
}) {
  return (
    <>
      <select
        className="select"
        aria-label={`Threat source of ${scenario.title}`}
        value={scenario.source}
        onChange={(e) => {
          const source = e.target.value as ThreatSource;
          onSave({ source, capability: DEFAULT_CAPABILITY[source] });
        }}
      >
        <ThreatSourceOptions />
      </select>
      <select
        className="select risk-capability"
        aria-label={`Capability of ${scenario.title}`}
        title={`${scenario.capability} – ${CAPABILITY_SHORT[scenario.capability as keyof typeof CAPABILITY_SHORT] ?? ''}`}
        value={scenario.capability}
        onChange={(e) => onSave({ capability: Number(e.target.value) })}
      >
        <CapabilityOptions />
      </select>
    </>
  );
}

function ResidualRisk({ risk, method }: { risk: ScenarioRisks[number]; method: RiskMatrixShape }) {
  return (
    <>
      <RiskBadge method={method} level={risk.residual} />
      <br />
      <small>
        {likelihoodLabel(method, risk.residualLikelihood)} ×{' '}
        {consequenceLabel(method, risk.residualConsequence)}
      </small>
    </>
  );
}

/** Edit (in a dialog) and Delete for one scenario. */
function ScenarioActions({ scenario, data, result }: ScenarioProps) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-label={`Edit ${scenario.title}`}
        onClick={() => setEditing(true)}
      >
        Edit…
      </button>{' '}
      {editing && (
        <ScenarioEditor scenario={scenario} data={data} result={result} onClose={() => setEditing(false)} />
      )}
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={`Delete ${scenario.title}`}
        onClick={() => void guarded(deleteScenario(scenario), 'The deletion')}
      >
        Delete
      </button>
    </>
  );
}

export function ScenariosPanel({ assessmentId, data, result, suggestions }: Props) {
  const names = targetNames(data);
  const active = data.threatScenarios.filter((s) => s.status === 'active');
  const dropped = data.threatScenarios.filter((s) => s.status === 'dropped');
  return (
    <>
      <section aria-labelledby="risk-suggestions">
        <h2 id="risk-suggestions">Suggested from the model</h2>
        {suggestions.length === 0 ? (
          <p className="field-hint">
            No suggestions: every undocumented connection, unallowed flow, open conduit and remote-access zone
            has a scenario or was dropped.
          </p>
        ) : (
          <ul className="plain-list">
            {suggestions.map((s) => (
              <Suggestion key={s.key} assessmentId={assessmentId} suggestion={s} name={names(s.target)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="risk-scenarios">
        <h2 id="risk-scenarios">Threat scenarios</h2>
        <NewScenario assessmentId={assessmentId} data={data} />
        {active.length === 0 ? (
          <p className="field-hint">No scenarios yet: accept a suggestion or add one.</p>
        ) : (
          <table className="risk-table">
            <thead>
              <tr>
                <th>Scenario</th>
                <th>Threat source and capability</th>
                <th>Likelihood</th>
                <th>Consequence</th>
                <th>Inherent</th>
                <th>Residual</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {active.map((s) => (
                <ScenarioRow key={s.id} scenario={s} data={data} result={result} />
              ))}
            </tbody>
          </table>
        )}
        {dropped.length > 0 && (
          <details>
            <summary>{dropped.length} dropped suggestions</summary>
            <ul>
              {dropped.map((s) => (
                <li key={s.id}>
                  {s.title}: {s.dropReason}{' '}
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => void guarded(deleteScenario(s), 'The restore')}
                  >
                    Suggest again
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </>
  );
}
