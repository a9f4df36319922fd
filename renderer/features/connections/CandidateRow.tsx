import type { KeyboardEvent, MouseEvent } from 'react';
import { plural } from '../../../shared/findings';
import type { Triage } from '../../../shared/model';
import type { CandidateRow as Row } from './use-connections-data';

export const DECISION_LABELS: Record<Triage['decision'], string> = {
  confirmed: 'Confirmed as an undocumented connection',
  documented: 'Documented by a conduit',
  dismissed: 'Dismissed',
};

/** What a rule's decision reads as: a rule marks traffic as expected, it documents no conduit. */
function decisionLabel(triage: NonNullable<Row['triage']>): string {
  if (triage.ruleId === undefined) return DECISION_LABELS[triage.decision];
  return triage.decision === 'dismissed' ? 'Dismissed by a rule' : 'Expected traffic, by a rule';
}

export interface CandidateActions {
  onConfirm(row: Row): void;
  onDocument(row: Row): void;
  onDismiss(row: Row): void;
  onReopen(row: Row): void;
}

interface Props extends CandidateActions {
  row: Row;
  checked: boolean;
  onCheck(row: Row, range: boolean): void;
  onCheckKey(event: KeyboardEvent<HTMLInputElement>, row: Row): void;
}

/** One candidate: a checkbox while it is open, what was seen, the decision in force, the actions. */
export function CandidateRow({ row, checked, onCheck, onCheckKey, ...actions }: Props) {
  const triage = row.triage;
  return (
    <li className={triage ? 'candidate triaged' : 'candidate'} data-testid="candidate" data-key={row.key}>
      {triage === null ? (
        <input
          type="checkbox"
          className="candidate-check"
          data-candidate-check={row.key}
          aria-label={`Select: ${row.summary}`}
          checked={checked}
          onChange={() => undefined}
          onClick={(event: MouseEvent<HTMLInputElement>) => onCheck(row, event.shiftKey)}
          onKeyDown={(event) => onCheckKey(event, row)}
        />
      ) : (
        <span className="candidate-check" aria-hidden />
      )}
      <div className="candidate-main">
        <strong>{row.summary}</strong>
        <span className="hint">
          {plural(row.flowIds.length, 'flow')}, {plural(row.packets, 'packet')}
          {row.endpoints.length > 0 &&
            ` · ${row.endpoints.slice(0, 6).join(', ')}${row.endpoints.length > 6 ? '…' : ''}`}
        </span>
        {triage && (
          <span className="candidate-triage" data-testid="triage">
            {decisionLabel(triage)}
            {triage.reason && `: ${triage.reason}`}
          </span>
        )}
      </div>
      <div className="row-actions">
        {/* A rule's decision stands until the rule goes, but a decision by hand overrides it. */}
        {triage && triage.ruleId === undefined ? (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => actions.onReopen(row)}
          >
            Reopen
          </button>
        ) : (
          <>
            {row.kind !== 'stale-conduit' && (
              <button type="button" className="button button-small" onClick={() => actions.onConfirm(row)}>
                Confirm
              </button>
            )}
            {row.kind === 'undocumented-flow' && (
              <button type="button" className="button button-small" onClick={() => actions.onDocument(row)}>
                Document as conduit
              </button>
            )}
            <button type="button" className="button button-small" onClick={() => actions.onDismiss(row)}>
              Dismiss
            </button>
          </>
        )}
      </div>
    </li>
  );
}
