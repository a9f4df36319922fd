import { useEffect, useRef, type KeyboardEvent } from 'react';
import { CANDIDATE_KIND_LABELS, type CandidateKind } from '../../../shared/network';
import { CandidateRow, type CandidateActions } from './CandidateRow';
import type { CandidateSelection } from './use-candidate-selection';
import type { CandidateRow as Row } from './use-connections-data';

interface Props extends CandidateActions {
  kind: CandidateKind;
  rows: Row[];
  selection: CandidateSelection;
  onCheckKey(event: KeyboardEvent<HTMLInputElement>, row: Row): void;
  onDismissMany(rows: Row[]): void;
  onMakeRule(kind: CandidateKind): void;
}

/** One kind of candidate: select all in it, dismiss all of it with one reason, or make a rule for it. */
export function CandidateGroup({
  kind,
  rows,
  selection,
  onCheckKey,
  onDismissMany,
  onMakeRule,
  ...actions
}: Props) {
  const open = rows.filter((r) => r.triage === null);
  const chosen = open.filter((r) => selection.selected.has(r.key)).length;
  const all = useRef<HTMLInputElement>(null);
  const label = CANDIDATE_KIND_LABELS[kind];
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < open.length;
  }, [chosen, open.length]);
  return (
    <details className="candidate-group" open data-testid="candidate-group" data-kind={kind}>
      <summary>
        {label} ({open.length} open{rows.length > open.length ? ` of ${rows.length}` : ''})
      </summary>
      <div className="candidate-group-actions">
        {open.length > 1 && (
          <>
            <label className="checkbox">
              <input
                ref={all}
                type="checkbox"
                disabled={open.length === 0}
                checked={open.length > 0 && chosen === open.length}
                onChange={(e) =>
                  selection.setMany(
                    open.map((r) => r.key),
                    e.target.checked,
                  )
                }
              />{' '}
              Select all in this group
            </label>
            <button
              type="button"
              className="button button-small"
              disabled={open.length === 0}
              onClick={() => onDismissMany(open)}
            >
              Dismiss all in this group…
            </button>
          </>
        )}
        <button type="button" className="button button-small button-ghost" onClick={() => onMakeRule(kind)}>
          Make a rule…
        </button>
      </div>
      <ul className="candidate-list">
        {rows.map((row) => (
          <CandidateRow
            key={row.key}
            row={row}
            checked={selection.selected.has(row.key)}
            onCheck={(r, range) => selection.toggle(r.key, range)}
            onCheckKey={onCheckKey}
            {...actions}
          />
        ))}
      </ul>
    </details>
  );
}
