import { useMemo } from 'react';
import type { TriageRule } from '../../../shared/model';
import { plural } from '../../../shared/findings';
import { CANDIDATE_KIND_LABELS, describeTriageRule, triageRuleReach } from '../../../shared/network';
import { deleteTriageRule, restoreTriageRule } from '../../db/triage-rules';
import { trackSave } from '../../db/save-status';
import type { UndoOffer } from './UndoBar';
import type { ConnectionsData } from './use-connections-data';

interface Props {
  data: ConnectionsData;
  onNewRule(): void;
  onUndoable(offer: UndoOffer): void;
}

/** The standing triage rules, oldest (and so strongest) first, each with what it matches now. */
export function TriageRulesView({ data, onNewRule, onUndoable }: Props) {
  const zoneName = useMemo(() => new Map(data.zones.map((z) => [z.id, z.name])), [data.zones]);
  const rules = useMemo(
    () => [...data.rules].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    [data.rules],
  );
  const reach = useMemo(
    () => triageRuleReach(data.reconciliation.candidates, data.triage, data.rules),
    [data.reconciliation, data.triage, data.rules],
  );
  const remove = (rule: TriageRule) => {
    const applied = reach.get(rule.id)?.applied ?? 0;
    void trackSave(deleteTriageRule(rule.id)).then(() =>
      onUndoable({
        message: `Rule deleted: ${plural(applied, 'candidate')} open again.`,
        undo: () => trackSave(restoreTriageRule(rule)),
      }),
    );
  };
  return (
    <section className="connections-section triage-rules" aria-label="Triage rules">
      <div className="toolbar">
        <h2>Triage rules ({rules.length})</h2>
        <button type="button" className="button button-small" onClick={onNewRule}>
          New rule…
        </button>
      </div>
      {rules.length === 0 ? (
        <p className="hint">
          No rules. A rule dismisses, or marks as expected, every candidate matching a subnet, a zone pair or
          a protocol, including those of captures imported later.
        </p>
      ) : (
        <ul className="candidate-list">
          {rules.map((rule) => {
            const { matched = 0, applied = 0 } = reach.get(rule.id) ?? {};
            return (
              <li key={rule.id} className="candidate" data-testid="triage-rule">
                <div className="candidate-main">
                  <strong>
                    {describeTriageRule(
                      rule,
                      (id) => zoneName.get(id) ?? 'a deleted zone',
                      (k) => CANDIDATE_KIND_LABELS[k],
                    )}
                  </strong>
                  <span className="candidate-triage">
                    {rule.action === 'dismiss' ? 'Dismiss' : 'Mark as expected'}: {rule.reason}
                  </span>
                  <span className="hint" data-testid="rule-reach">
                    Matches {plural(matched, 'candidate')}, triages {applied}
                    {matched > applied ? ' (the rest are decided by hand or by an older rule)' : ''}
                  </span>
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => remove(rule)}
                  >
                    Delete rule
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
