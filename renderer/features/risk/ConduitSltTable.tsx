import { useState } from 'react';
import type { AssessmentData, Conduit } from '../../../shared/model';
import type { ConduitRisk, ConduitRiskResult, RiskResult } from '../../../shared/risk';
import { applySltToConduit, saveConduitRisk } from '../../db/risk';
import { notify } from '../../ui/notices';
import { vector } from './labels';
import { ManualSltForm } from './ManualSltForm';
import { problemsOf } from './problems';
import { SltActions } from './SltActions';

interface Props {
  assessmentId: string;
  data: AssessmentData;
  conduits: RiskResult['conduits'];
}

/**
 * Each conduit's SL-T: what its scenarios derive, the floor its two zones set (the lower of their
 * SL-Ts), and the level it is held to (derived, or set by hand with a justification), with the
 * rationale the report prints.
 */
export function ConduitSltTable({ assessmentId, data, conduits }: Props) {
  if (conduits.length === 0) return null;
  return (
    <section aria-labelledby="risk-conduit-slt">
      <h2 id="risk-conduit-slt">Conduits</h2>
      <table className="risk-table">
        <thead>
          <tr>
            <th>Conduit</th>
            <th>Derived from its scenarios</th>
            <th>Floor from its zones</th>
            <th>SL-T and rationale</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {conduits.map((c) => (
            <ConduitRow
              key={c.conduitId}
              assessmentId={assessmentId}
              conduit={data.conduits.find((x) => x.id === c.conduitId)!}
              conduitRisk={data.conduitRisks.find((r) => r.conduitId === c.conduitId)}
              c={c}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ConduitRow({
  assessmentId,
  conduit,
  conduitRisk,
  c,
}: {
  assessmentId: string;
  conduit: Conduit;
  conduitRisk: ConduitRisk | undefined;
  c: ConduitRiskResult;
}) {
  const [editing, setEditing] = useState(false);
  const save = (patch: Partial<ConduitRisk>) =>
    saveConduitRisk(assessmentId, c.conduitId, conduitRisk, patch).then(
      () => setEditing(false),
      (error: unknown) => notify('error', `The SL-T of ${c.name} was not saved`, problemsOf(error)),
    );
  return (
    <tr data-testid="risk-conduit">
      <td>{c.name}</td>
      <td data-testid="risk-conduit-derived">
        {c.derived.scenarioCount > 0 ? vector(c.derived.slt) : 'no scenarios'}
      </td>
      <td data-testid="risk-conduit-floor">{vector(c.floor)}</td>
      <td>
        <strong data-testid="risk-conduit-slt">{vector(c.slt)}</strong>{' '}
        <span data-testid="risk-conduit-source">
          ({c.sltSource === 'manual' ? 'set by hand' : 'derived'})
        </span>
        <br />
        <small data-testid="risk-conduit-rationale">{c.rationale}</small>
      </td>
      <td>
        <SltActions
          backToDerived={c.sltSource === 'manual' ? 'Use derived' : null}
          onDerive={() => void save({ sltSource: 'derived' })}
          onEdit={() => setEditing(!editing)}
          stored={conduit.slt}
          inForce={c.slt}
          apply={{
            label: 'Apply to conduit',
            title: (held) => `The diagram shows ${held}`,
            perform: () =>
              void applySltToConduit(conduit, c.name, c.slt).then(
                () => notify('success', `${c.name}: the conduit now has SL-T ${vector(c.slt)}`),
                (error: unknown) => notify('error', 'The SL-T was not applied', problemsOf(error)),
              ),
          }}
        />
        {editing && (
          <ManualSltForm
            name={c.name}
            start={conduitRisk?.manualSlt ?? c.slt}
            justification={conduitRisk?.justification ?? ''}
            onSave={save}
          />
        )}
      </td>
    </tr>
  );
}
