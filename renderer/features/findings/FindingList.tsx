import { attackForItemIds } from '../../../shared/catalogue';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Finding } from '../../../shared/model';
import { ROADMAP_SLOT_LABELS, roadmapSlotOf } from '../../../shared/findings';
import { moveStoredFinding, restoreStoredFinding } from '../../db/findings';
import { notify } from '../../ui/notices';
import { PhaseBadge, SeverityBadge } from './badges';
import { plural } from '../../ui/format';

interface ListProps {
  assessmentId: string;
  /** Every finding of the assessment, in order (moves are positions in this list). */
  all: Finding[];
  /** The ones shown after filtering, in order. */
  visible: Finding[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onEdit: (finding: Finding) => void;
  onDismiss: (finding: Finding) => void;
}

const DRAG_TYPE = 'application/x-conduit-finding';

function fail(title: string) {
  return (error: unknown) => notify('error', title, [(error as Error).message]);
}

/** The findings in report order; drag a row, use the arrow buttons, or Alt+↑/↓ on a row to reorder. */
export function FindingList({
  assessmentId,
  all,
  visible,
  selected,
  onToggle,
  onEdit,
  onDismiss,
}: ListProps) {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const indexInAll = (id: string) => all.findIndex((f) => f.id === id);
  const move = (id: string, toIndex: number) =>
    void moveStoredFinding(assessmentId, id, toIndex).catch(fail('The finding was not moved'));

  /** Moves past the neighbouring visible finding, so filtering does not make a move look like nothing. */
  function step(finding: Finding, delta: -1 | 1) {
    const position = visible.findIndex((f) => f.id === finding.id);
    const neighbour = visible[position + delta];
    if (!neighbour) return;
    move(finding.id, indexInAll(neighbour.id));
  }

  function onKeyDown(event: KeyboardEvent, finding: Finding) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    step(finding, event.key === 'ArrowUp' ? -1 : 1);
  }

  function onDrop(event: DragEvent, target: Finding) {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (!id || id === target.id) return;
    move(id, indexInAll(target.id));
  }

  if (visible.length === 0) return <p className="findings-empty">No findings match the filter.</p>;

  return (
    <ol className="finding-list" aria-label="Findings">
      {visible.map((finding, position) => {
        const open = expanded.has(finding.id);
        const dismissed = finding.status === 'dismissed';
        return (
          <li
            key={finding.id}
            className="finding-row"
            data-testid="finding"
            data-drop-target={dropTarget === finding.id || undefined}
            data-status={finding.status}
            tabIndex={0}
            aria-label={finding.title}
            draggable
            onKeyDown={(event) => onKeyDown(event, finding)}
            onDragStart={(event) => {
              event.dataTransfer.setData(DRAG_TYPE, finding.id);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setDropTarget(finding.id);
            }}
            onDragLeave={() => setDropTarget((current) => (current === finding.id ? null : current))}
            onDrop={(event) => onDrop(event, finding)}
          >
            <div className="finding-head">
              <input
                type="checkbox"
                aria-label={`Select “${finding.title}”`}
                checked={selected.has(finding.id)}
                onChange={() => onToggle(finding.id)}
              />
              <span className="finding-grip" aria-hidden>
                ⋮⋮
              </span>
              <SeverityBadge severity={finding.severity} />
              <button
                type="button"
                className="finding-title"
                aria-expanded={open}
                onClick={() =>
                  setExpanded((current) => {
                    const next = new Set(current);
                    if (next.has(finding.id)) next.delete(finding.id);
                    else next.add(finding.id);
                    return next;
                  })
                }
              >
                {finding.title}
              </button>
              <div className="finding-actions">
                {!dismissed && (
                  <>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={`Move “${finding.title}” up`}
                      disabled={position === 0}
                      onClick={() => step(finding, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={`Move “${finding.title}” down`}
                      disabled={position === visible.length - 1}
                      onClick={() => step(finding, 1)}
                    >
                      ↓
                    </button>
                  </>
                )}
                <button type="button" className="button button-small" onClick={() => onEdit(finding)}>
                  Edit
                </button>
                {dismissed ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      void restoreStoredFinding(finding.id).catch(fail('The finding was not restored'))
                    }
                  >
                    Restore
                  </button>
                ) : (
                  <button type="button" className="button button-small" onClick={() => onDismiss(finding)}>
                    Dismiss
                  </button>
                )}
              </div>
            </div>
            <div className="finding-meta">
              <PhaseBadge phase={finding.phase} />
              <span className="badge">{finding.origin === 'auto' ? 'Generated' : 'Manual'}</span>
              {finding.origin === 'auto' && (finding.edited?.length ?? 0) > 0 && (
                <span className="badge" title={`Edited: ${finding.edited!.join(', ')}`}>
                  Edited
                </span>
              )}
              {!dismissed && (
                <span className="finding-slot">{ROADMAP_SLOT_LABELS[roadmapSlotOf(finding)]}</span>
              )}
              {dismissed && (
                <span className="finding-dismissed" data-testid="dismiss-reason">
                  Dismissed: {finding.dismissReason}
                </span>
              )}
            </div>
            {open && (
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
            )}
          </li>
        );
      })}
    </ol>
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
