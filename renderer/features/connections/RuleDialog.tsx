import { useMemo, useState } from 'react';
import { CANDIDATE_KINDS, type TriageRule, type Zone } from '../../../shared/model';
import { CANDIDATE_KIND_LABELS, triageRuleProblems, triageRuleReach } from '../../../shared/network';
import { plural } from '../../../shared/findings';
import { addTriageRule, type TriageRuleInput } from '../../db/triage-rules';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import type { ConnectionsData } from './use-connections-data';

interface Draft {
  kind: string;
  subnet: string;
  zoneAId: string;
  zoneBId: string;
  service: string;
  action: TriageRule['action'];
  reason: string;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function toInput(draft: Draft): TriageRuleInput {
  return {
    kind: draft.kind === '' ? null : (draft.kind as TriageRuleInput['kind']),
    subnet: orNull(draft.subnet),
    zoneAId: orNull(draft.zoneAId),
    zoneBId: draft.zoneAId === '' ? null : orNull(draft.zoneBId),
    service: orNull(draft.service),
    action: draft.action,
    reason: draft.reason.trim(),
  };
}

type Errors = Partial<Record<'criteria' | 'subnet' | 'service' | 'reason', string>>;

function errorsOf(input: TriageRuleInput): Errors {
  const errors: Errors = triageRuleProblems(input);
  if (input.kind === null && input.subnet === null && input.zoneAId === null && input.service === null)
    errors.criteria = 'Give at least one of: kind, subnet, zone, protocol.';
  if (input.reason === '')
    errors.reason = 'Give the reason for the rule: it stands for each decision it makes.';
  return errors;
}

/** How many present candidates a draft rule would match and triage. */
function usePreview(data: ConnectionsData, input: TriageRuleInput) {
  return useMemo(() => {
    const draft: TriageRule = {
      ...input,
      id: 'draft',
      assessmentId: '',
      createdAt: '9999',
      updatedAt: '9999',
    };
    return triageRuleReach(data.reconciliation.candidates, data.triage, [...data.rules, draft]).get('draft')!;
  }, [data, input]);
}

function ZoneSelect(props: {
  label: string;
  value: string;
  zones: Zone[];
  none: string;
  onChange(v: string): void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.none}</option>
        {props.zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name}
          </option>
        ))}
      </select>
    </label>
  );
}

interface CriteriaProps {
  draft: Draft;
  errors: Errors;
  zones: Zone[];
  onChange(patch: Partial<Draft>): void;
}

/** What a rule matches (kind, subnet, zone pair, protocol) and what it does. */
function RuleCriteria({ draft, errors, zones, onChange: set }: CriteriaProps) {
  return (
    <div className="rule-grid">
      <label className="field">
        <span>Kind</span>
        <select className="select" value={draft.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">Any kind</option>
          {CANDIDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {CANDIDATE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Subnet (public address or address in no zone)</span>
        <input
          className="input"
          value={draft.subnet}
          placeholder="52.0.0.0/8"
          aria-invalid={errors.subnet !== undefined}
          onChange={(e) => set({ subnet: e.target.value })}
        />
        {errors.subnet && <span className="field-error">{errors.subnet}</span>}
      </label>
      <ZoneSelect
        label="Zone"
        value={draft.zoneAId}
        zones={zones}
        none="Any zone"
        onChange={(v) => set({ zoneAId: v })}
      />
      <ZoneSelect
        label="And zone"
        value={draft.zoneBId}
        zones={zones}
        none="Any other (or none)"
        onChange={(v) => set({ zoneBId: v })}
      />
      <label className="field">
        <span>Protocol or port</span>
        <input
          className="input"
          value={draft.service}
          placeholder="NTP, 443 or udp/123"
          aria-invalid={errors.service !== undefined}
          onChange={(e) => set({ service: e.target.value })}
        />
        {errors.service && <span className="field-error">{errors.service}</span>}
      </label>
      <fieldset className="field">
        <legend>Action</legend>
        <label className="checkbox">
          <input
            type="radio"
            checked={draft.action === 'dismiss'}
            onChange={() => set({ action: 'dismiss' })}
          />{' '}
          Dismiss
        </label>
        <label className="checkbox">
          <input
            type="radio"
            checked={draft.action === 'expected'}
            onChange={() => set({ action: 'expected' })}
          />{' '}
          Mark as expected (documented)
        </label>
      </fieldset>
    </div>
  );
}

interface Props {
  assessmentId: string;
  data: ConnectionsData;
  initial: Partial<Draft>;
  onClose(): void;
  onCreated(rule: TriageRule, applied: number): void;
}

/** A triage rule: criteria, action, reason, and a live count of what it would triage now. */
export function RuleDialog({ assessmentId, data, initial, onClose, onCreated }: Props) {
  const [draft, setDraft] = useState<Draft>({
    ...{ kind: '', subnet: '', zoneAId: '', zoneBId: '', service: '', action: 'dismiss', reason: '' },
    ...initial,
  });
  const [errors, setErrors] = useState<Errors>({});
  const input = useMemo(() => toInput(draft), [draft]);
  const preview = usePreview(data, input);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    const found = errorsOf(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void trackSave(addTriageRule(assessmentId, input)).then(
      (rule) => {
        onCreated(rule, preview.applied);
        onClose();
      },
      (e: Error) => setErrors({ criteria: e.message }),
    );
  };
  return (
    <Modal title="New triage rule" onClose={onClose} wide>
      <p className="hint">
        The rule applies to every candidate matching all of its criteria, now and after later imports. Your
        own decisions on a candidate always win; deleting the rule gives its candidates back.
      </p>
      <RuleCriteria draft={draft} errors={errors} zones={data.zones} onChange={set} />
      <label className="field">
        <span>Reason</span>
        <textarea
          className="textarea"
          aria-label="Rule reason"
          rows={2}
          value={draft.reason}
          aria-invalid={errors.reason !== undefined}
          onChange={(e) => set({ reason: e.target.value })}
        />
        {errors.reason && <span className="field-error">{errors.reason}</span>}
      </label>
      {errors.criteria && (
        <p className="field-error" role="alert">
          {errors.criteria}
        </p>
      )}
      <p data-testid="rule-preview">
        Matches {plural(preview.matched, 'candidate')} now; would triage {preview.applied}.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={save}>
          Create rule
        </button>
      </div>
    </Modal>
  );
}
