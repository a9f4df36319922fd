import { plural } from '../../ui/format';
import { BulkAnswerDialog } from './BulkAnswerDialog';
import { ChecklistList } from './ChecklistList';
import { ItemDetail } from './ItemDetail';
import { useZoneChecklist, type ZoneChecklistProps, type ZoneChecklistState } from './useZoneChecklist';
import { FrTabs, ZoneSummary } from './ZoneSummary';

export type { ZoneChecklistProps } from './useZoneChecklist';

/** One zone's checklist: levels and progress, the items by FR, and the selected item's answer. */
export function ZoneChecklist(props: ZoneChecklistProps) {
  const checklist = useZoneChecklist(props);
  if (!checklist) return <p className="req-muted">Loading the zone’s answers…</p>;
  const { zone, evaluation, active, query } = checklist;
  const closeBulk = () => {
    checklist.setBulkOpen(false);
    checklist.backToList();
  };
  return (
    <div
      className="req-zone"
      data-testid="zone-checklist"
      data-zone-id={zone.id}
      data-fr-filter={props.frFilter}
      onKeyDown={checklist.onKeyDown}
    >
      <ZoneSummary zone={zone} evaluation={evaluation} />
      <FrTabs perFr={evaluation.perFr} value={props.frFilter} onChange={props.onFrFilter} />
      {evaluation.unknown.length > 0 && (
        <p className="notice" role="note">
          {plural(evaluation.unknown.length, 'answer')} name items this catalogue ({props.catalogue.version})
          does not have; they are kept unchanged.
        </p>
      )}
      <div className="req-columns">
        <ChecklistList
          zone={zone}
          groups={checklist.groups}
          query={query}
          onQuery={checklist.setQuery}
          listRef={checklist.listRef}
          activeId={active?.item.id}
          onSelect={checklist.selectItem}
        />
        {active ? (
          <ActiveItem key={`${zone.id}/${active.item.id}`} checklist={checklist} />
        ) : (
          <p className="req-muted">
            {query.trim() ? `No item matches “${query.trim()}”.` : 'No items to show for this filter.'}
          </p>
        )}
      </div>
      {checklist.bulkOpen && active && (
        <BulkAnswerDialog
          assessmentId={props.assessmentId}
          zones={props.zones}
          item={active.item}
          sourceZoneId={zone.id}
          sourceAnswer={active.answer}
          assessor={props.assessor}
          onClose={closeBulk}
        />
      )}
    </div>
  );
}

/** The active item's detail, wired to the checklist's state and its answer's writes. */
function ActiveItem({ checklist }: { checklist: ZoneChecklistState }) {
  const { active, actions } = checklist;
  if (!active) return null;
  const itemId = active.item.id;
  return (
    <ItemDetail
      item={active.item}
      scope={active.scope}
      answer={active.answer}
      pendingStatus={checklist.pendingStatus}
      notesRef={checklist.notesRef}
      reasonRef={checklist.reasonRef}
      onStatus={(status) => checklist.setStatus(active, status)}
      onConfirmJustified={async (status, justification) => {
        const saved = await actions.save(itemId, { status, justification });
        if (saved) checklist.cancelPending();
        return saved;
      }}
      onCancelPending={checklist.cancelPending}
      onNotes={(notes) => actions.save(itemId, { notes })}
      onJustification={(justification) => actions.save(itemId, { justification })}
      onAttach={() => void actions.attachFromDisk(itemId)}
      onFiles={(files) => void actions.dropFiles(itemId, files)}
      onRemoveEvidence={(evidence) => void actions.removeEvidence(itemId, evidence)}
      onBulk={() => checklist.setBulkOpen(true)}
      onBackToList={checklist.backToList}
    />
  );
}
