import { useState } from 'react';
import {
  VULNERABILITY_DECISION_LABELS,
  VULNERABILITY_DECISIONS,
  type DecisionInput,
  type VulnerabilityDecision,
} from '../../../shared/model';
import { Modal } from '../../ui/Modal';

export interface LinkOption {
  id: string;
  label: string;
}

const NEW_COUNTERMEASURE = 'new';

/** Mitigate: the control in words, linked to a risk countermeasure (existing or new) and/or a conduit. */
function MitigationFields({
  countermeasures,
  conduits,
  value,
  onChange,
}: {
  countermeasures: LinkOption[];
  conduits: LinkOption[];
  value: { countermeasureId: string; conduitId: string; control: string };
  onChange: (next: { countermeasureId: string; conduitId: string; control: string }) => void;
}) {
  return (
    <>
      <label>
        Countermeasure of the risk assessment
        <select
          value={value.countermeasureId}
          onChange={(e) => onChange({ ...value, countermeasureId: e.target.value })}
        >
          <option value="">No countermeasure</option>
          {countermeasures.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
          <option value={NEW_COUNTERMEASURE}>New countermeasure from the control below</option>
        </select>
      </label>
      <label>
        Conduit whose control mitigates it
        <select value={value.conduitId} onChange={(e) => onChange({ ...value, conduitId: e.target.value })}>
          <option value="">No conduit</option>
          {conduits.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Control
        <input value={value.control} onChange={(e) => onChange({ ...value, control: e.target.value })} />
      </label>
    </>
  );
}

function AcceptanceFields({
  value,
  onChange,
}: {
  value: { reason: string; owner: string; reviewDate: string };
  onChange: (next: { reason: string; owner: string; reviewDate: string }) => void;
}) {
  return (
    <>
      <label>
        Reason
        <input value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value })} />
      </label>
      <label>
        Owner
        <input value={value.owner} onChange={(e) => onChange({ ...value, owner: e.target.value })} />
      </label>
      <label>
        Review date
        <input
          type="date"
          value={value.reviewDate}
          onChange={(e) => onChange({ ...value, reviewDate: e.target.value })}
        />
      </label>
    </>
  );
}

/**
 * One decision for the selected matches. Mitigate needs the control in words, or a linked
 * countermeasure (whose title then stands for it); "new countermeasure" creates it in the risk
 * assessment, linked to the chosen conduit.
 */
export function DecisionDialog({
  count,
  countermeasures,
  conduits,
  onClose,
  onDecide,
  createCountermeasure,
}: {
  count: number;
  countermeasures: LinkOption[];
  conduits: LinkOption[];
  onClose: () => void;
  onDecide: (input: DecisionInput) => void;
  createCountermeasure: (title: string, conduitId: string | null) => Promise<string>;
}) {
  const [decision, setDecision] = useState<VulnerabilityDecision>('patch-now');
  const [mitigation, setMitigation] = useState({ countermeasureId: '', conduitId: '', control: '' });
  const [acceptance, setAcceptance] = useState({ reason: '', owner: '', reviewDate: '' });
  const linked = mitigation.countermeasureId !== '' && mitigation.countermeasureId !== NEW_COUNTERMEASURE;
  const ready =
    decision === 'patch-now' ||
    (decision === 'mitigate' && (mitigation.control.trim() !== '' || linked)) ||
    (decision === 'accept' &&
      acceptance.reason.trim() !== '' &&
      acceptance.owner.trim() !== '' &&
      /^\d{4}-\d{2}-\d{2}$/.test(acceptance.reviewDate));
  const submit = async () => {
    if (decision !== 'mitigate') {
      onDecide(decision === 'patch-now' ? { decision } : { decision, acceptance });
      return;
    }
    const conduitId = mitigation.conduitId || null;
    const countermeasureId =
      mitigation.countermeasureId === NEW_COUNTERMEASURE
        ? await createCountermeasure(mitigation.control.trim(), conduitId)
        : mitigation.countermeasureId || null;
    const control =
      mitigation.control.trim() || (countermeasures.find((c) => c.id === countermeasureId)?.label ?? '');
    onDecide({ decision, mitigation: { conduitId, countermeasureId, control } });
  };
  return (
    <Modal title={`Decide for ${count} ${count === 1 ? 'match' : 'matches'}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void submit();
        }}
      >
        <fieldset>
          <legend>Decision</legend>
          {VULNERABILITY_DECISIONS.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" checked={decision === d} onChange={() => setDecision(d)} />{' '}
              {VULNERABILITY_DECISION_LABELS[d]}
            </label>
          ))}
        </fieldset>
        {decision === 'mitigate' && (
          <MitigationFields
            countermeasures={countermeasures}
            conduits={conduits}
            value={mitigation}
            onChange={setMitigation}
          />
        )}
        {decision === 'accept' && <AcceptanceFields value={acceptance} onChange={setAcceptance} />}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!ready}>
            Save decision
          </button>
        </div>
      </form>
    </Modal>
  );
}
