import { attackForItemIds } from '../../../shared/catalogue';
import { useState } from 'react';
import type { Finding } from '../../../shared/model';
import { ROADMAP_SLOT_LABELS, roadmapSlotOf, toggled, type ListStep } from '../../../shared/findings';
import { moveStoredFinding, restoreStoredFinding } from '../../db/findings';
import { commandById, CommandButton, runKey } from '../../ui/commands';
import { notify } from '../../ui/notices';
import { useIdDrag } from '../../ui/useIdDrag';
import { PhaseBadge, SeverityBadge } from './badges';
import { FINDING_ROW_COMMANDS, type FindingRowState } from './commands';
import { plural } from '../../ui/format';

/** What the list asks of the workspace: the selection, its dialogs and the focus across sections. */
export interface FindingListActions {
  toggleSelected(id: string): void;
  edit(finding: Finding): void;
  dismiss(finding: Finding): void;
  /** Moves the keyboard focus from a finding to another one shown (in any section). */
  focus(fromId: string, step: ListStep): void;
}

interface ListProps {
  assessmentId: string;
  /** Every finding of the assessment, in order (moves are positions in this list). */
  all: Finding[];
  /** The ones shown after filtering, in order. */
  visible: Finding[];
  selected: ReadonlySet<string>;
  actions: FindingListActions;
}

const DRAG_TYPE = 'application/x-conduit-finding';

function fail(title: string) {
  return (error: unknown) => notify('error', title, [(error as Error).message]);
}

/** The findings in report order; drag a row, use the arrow buttons, or Alt+↑/↓ on a row to reorder. */
export function FindingList({ assessmentId, all, visible, selected, actions }: ListProps) {
  const drag = useIdDrag(DRAG_TYPE);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const indexInAll = (id: string) => all.findIndex((f) => f.id === id);
  const moveTo = (id: string, toIndex: number) =>
    void moveStoredFinding(assessmentId, id, toIndex).catch(fail('The finding was not moved'));

  /** Moves past the neighbouring visible finding, so filtering does not make a move look like nothing. */
  function step(finding: Finding, delta: -1 | 1) {
    const neighbour = visible[visible.findIndex((f) => f.id === finding.id) + delta];
    if (neighbour) moveTo(finding.id, indexInAll(neighbour.id));
  }

  const rowState = (finding: Finding, position: number): FindingRowState => ({
    finding,
    position,
    count: visible.length,
    edit: () => actions.edit(finding),
    dismiss: () => actions.dismiss(finding),
    restore: () => void restoreStoredFinding(finding.id).catch(fail('The finding was not restored')),
    move: (delta) => step(finding, delta),
    toggleSelected: () => actions.toggleSelected(finding.id),
    focus: (to) => actions.focus(finding.id, to),
  });

  if (visible.length === 0) return <p className="findings-empty">No findings match the filter.</p>;

  return (
    <ol className="finding-list" aria-label="Findings">
      {visible.map((finding, position) => (
        <li
          key={finding.id}
          className="finding-row"
          data-testid="finding"
          data-finding-id={finding.id}
          data-drop-target={drag.over === finding.id || undefined}
          data-status={finding.status}
          tabIndex={0}
          aria-label={finding.title}
          onKeyDown={(event) => runKey(FINDING_ROW_COMMANDS, rowState(finding, position), event)}
          {...drag.source(finding.id)}
          {...drag.target(finding.id, (id) => id !== finding.id && moveTo(id, indexInAll(finding.id)))}
        >
          <FindingRow
            row={rowState(finding, position)}
            selected={selected.has(finding.id)}
            expanded={expanded.has(finding.id)}
            onToggleExpanded={() => setExpanded((current) => toggled(current, finding.id))}
          />
        </li>
      ))}
    </ol>
  );
}

/** One finding: its head line with the actions, its badges and, when expanded, its text. */
function FindingRow({
  row,
  selected,
  expanded,
  onToggleExpanded,
}: {
  row: FindingRowState;
  selected: boolean;
  expanded: boolean;
  onToggleExpanded: () => void;
}) {
  const { finding } = row;
  return (
    <>
      <div className="finding-head">
        <input
          type="checkbox"
          aria-label={`Select “${finding.title}”`}
          checked={selected}
          onChange={row.toggleSelected}
        />
        <span className="finding-grip" aria-hidden>
          ⋮⋮
        </span>
        <SeverityBadge severity={finding.severity} />
        <button type="button" className="finding-title" aria-expanded={expanded} onClick={onToggleExpanded}>
          {finding.title}
        </button>
        <FindingActions row={row} />
      </div>
      <FindingMeta finding={finding} />
      {expanded && <FindingBody finding={finding} />}
    </>
  );
}

/** The row's buttons, each one of FINDING_ROW_COMMANDS. */
function FindingActions({ row }: { row: FindingRowState }) {
  const { title } = row.finding;
  const dismissed = row.finding.status === 'dismissed';
  const button = (id: string, content?: string, name?: string) => (
    <CommandButton
      command={commandById(FINDING_ROW_COMMANDS, id)}
      state={row}
      className={content ? 'button button-ghost button-small' : undefined}
      aria-label={name}
    >
      {content}
    </CommandButton>
  );
  return (
    <div className="finding-actions">
      {!dismissed && (
        <>
          {button('move-up', '↑', `Move “${title}” up`)}
          {button('move-down', '↓', `Move “${title}” down`)}
        </>
      )}
      {button('edit')}
      {button(dismissed ? 'restore' : 'dismiss')}
    </div>
  );
}

function FindingMeta({ finding }: { finding: Finding }) {
  const dismissed = finding.status === 'dismissed';
  return (
    <div className="finding-meta">
      <PhaseBadge phase={finding.phase} />
      <span className="badge">{finding.origin === 'auto' ? 'Generated' : 'Manual'}</span>
      {finding.origin === 'auto' && (finding.edited?.length ?? 0) > 0 && (
        <span className="badge" title={`Edited: ${finding.edited!.join(', ')}`}>
          Edited
        </span>
      )}
      {!dismissed && <span className="finding-slot">{ROADMAP_SLOT_LABELS[roadmapSlotOf(finding)]}</span>}
      {dismissed && (
        <span className="finding-dismissed" data-testid="dismiss-reason">
          Dismissed: {finding.dismissReason}
        </span>
      )}
    </div>
  );
}

function FindingBody({ finding }: { finding: Finding }) {
  return (
    <div className="finding-body">
      {finding.description && <p className="finding-text">{finding.description}</p>}
      {finding.recommendation && (
        <>
          <h3>Recommendation</h3>
          <p className="finding-text">{finding.recommendation}</p>
        </>
      )}
      <References finding={finding} />
    </div>
  );
}

function References({ finding }: { finding: Finding }) {
  const { itemIds, zoneIds, conduitIds, connectionIds, assetIds } = finding.refs;
  const parts = [
    itemIds.length ? `Requirements: ${itemIds.join(', ')}` : '',
    zoneIds.length ? plural(zoneIds.length, 'zone') : '',
    conduitIds.length ? plural(conduitIds.length, 'conduit') : '',
    connectionIds.length ? plural(connectionIds.length, 'connection') : '',
    assetIds.length ? plural(assetIds.length, 'asset') : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const attack = attackForItemIds(itemIds);
  return (
    <>
      <p className="finding-refs">{parts.join(' · ')}</p>
      {attack.mitigations.length > 0 && (
        <p className="finding-refs" data-testid="finding-attack">
          ATT&amp;CK for ICS: {attack.mitigations.map((m) => `${m.id} ${m.name}`).join(', ')} (
          {plural(attack.techniques.length, 'technique')})
        </p>
      )}
    </>
  );
}
