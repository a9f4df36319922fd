import { memo, type RefObject } from 'react';
import type { ChecklistGroup } from '../../../shared/catalogue/checklist';
import { ANSWER_STATUS_LABELS, type Zone } from '../../../shared/model';
import { plural } from '../../ui/format';
import { STATUS_CLASS } from './status';

/** The search box and the zone's items by FR: a listbox with roving focus. */
export function ChecklistList({
  zone,
  groups,
  query,
  onQuery,
  listRef,
  activeId,
  onSelect,
}: {
  zone: Zone;
  groups: readonly ChecklistGroup[];
  query: string;
  onQuery: (query: string) => void;
  listRef: RefObject<HTMLDivElement | null>;
  activeId: string | undefined;
  onSelect: (itemId: string) => void;
}) {
  return (
    <div className="req-list-column">
      <input
        type="search"
        className="input req-search"
        aria-label="Search requirements by id or title"
        placeholder="Search SR 1.1, “password”…"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      <div ref={listRef} className="req-list" role="listbox" aria-label={`Requirements for ${zone.name}`}>
        {groups.map((group) => (
          <FrGroup key={group.fr.fr} group={group} activeId={activeId} onSelect={onSelect} />
        ))}
      </div>
    </div>
  );
}

const rowDomId = (itemId: string) => `req-row-${itemId.replace(/\s+/g, '-')}`;

const FrGroup = memo(function FrGroup({
  group,
  activeId,
  onSelect,
}: {
  group: ChecklistGroup;
  activeId: string | undefined;
  onSelect: (itemId: string) => void;
}) {
  const { fr, rows } = group;
  return (
    <section className="req-group" aria-label={`${fr.fr} ${fr.name}`}>
      <h3 className="req-group-head">
        <span>
          {fr.fr} {fr.short} · {fr.name}
        </span>
        <span className="req-group-levels" data-testid={`levels-${fr.fr}`}>
          SL-T {fr.target} · SL-A {fr.achieved}
          {fr.provisional && ' (provisional)'}
          {fr.achieved > fr.target && ' (above target)'} · gap {fr.gap} · {fr.progress.answered}/
          {fr.progress.required}
        </span>
      </h3>
      {rows.length === 0 && <p className="req-muted req-empty">Nothing required at SL-T {fr.target}.</p>}
      {rows.map((row) => {
        const status = row.answer?.status ?? 'not-assessed';
        const isActive = row.item.id === activeId;
        return (
          <div
            key={row.item.id}
            id={rowDomId(row.item.id)}
            data-item-id={row.item.id}
            role="option"
            aria-selected={isActive}
            tabIndex={isActive ? 0 : -1}
            className={`req-row req-row-${row.scope}`}
            onClick={() => onSelect(row.item.id)}
            onFocus={() => onSelect(row.item.id)}
          >
            <span className="mono req-item-id">{row.item.id}</span>
            <span className="req-item-title">{row.item.title}</span>
            {row.scope !== 'required' && (
              <span className="badge">
                {row.scope === 'out-of-scope' ? 'Out of scope' : `SL ${row.item.minLevel}`}
              </span>
            )}
            {row.answer?.notes && (
              <span className="req-marker" title="Has notes">
                <span aria-hidden>✎</span>
                <span className="visually-hidden">has notes</span>
              </span>
            )}
            {(row.answer?.evidenceIds.length ?? 0) > 0 && (
              <span className="req-marker" title="Evidence attached">
                {plural(row.answer?.evidenceIds.length ?? 0, 'file')}
              </span>
            )}
            <span className={`req-status ${STATUS_CLASS[status]}`}>{ANSWER_STATUS_LABELS[status]}</span>
          </div>
        );
      })}
    </section>
  );
});
