import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { evaluateZone, type Catalogue } from '../../../shared/catalogue';
import { checklistGroups, searchChecklist, type ChecklistRow } from '../../../shared/catalogue/checklist';
import type { AnswerStatus, FrId, Zone } from '../../../shared/model';
import { answersOfZone } from '../../db/answers';
import { isTyping, runKey } from '../../ui/commands';
import { answerActions } from './answer-actions';
import { CHECKLIST_COMMANDS, typesText } from './commands';
import { needsJustification } from './status';

export interface ZoneChecklistProps {
  assessmentId: string;
  catalogue: Catalogue;
  zones: readonly Zone[];
  zoneId: string;
  assessor: string | null;
  frFilter: FrId | 'all';
  onFrFilter: (fr: FrId | 'all') => void;
  showAboveTarget: boolean;
}

/** The zone shown, its evaluation and the rows the filters and the search leave. */
function useChecklistRows({ catalogue, zones, zoneId, frFilter, showAboveTarget }: ZoneChecklistProps) {
  // Keeps showing the previous zone until the new zone's answers are read, so nothing flashes empty.
  const loaded = useLiveQuery(async () => ({ zoneId, answers: await answersOfZone(zoneId) }), [zoneId]);
  const zone = zones.find((z) => z.id === loaded?.zoneId);
  const evaluation = useMemo(
    () => (zone && loaded ? evaluateZone(catalogue, zone, loaded.answers) : undefined),
    [catalogue, zone, loaded],
  );
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => (evaluation ? searchChecklist(checklistGroups(evaluation, frFilter, showAboveTarget), query) : []),
    [evaluation, frFilter, showAboveTarget, query],
  );
  const rows = useMemo(() => groups.flatMap((group) => group.rows), [groups]);
  return { zone, evaluation, query, setQuery, groups, rows };
}

/**
 * The active row, and a status waiting for its reason (keys 5 and 6). A click and a key press
 * change the same state, and focus follows it: the row, the notes or the reason field.
 */
function useActiveRow(rows: readonly ChecklistRow[]) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = rows.find((row) => row.item.id === activeId) ?? rows[0];
  const [pending, setPending] = useState<{ itemId: string; status: AnswerStatus } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const focusRow = useCallback((itemId: string) => {
    const row = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, []);
  const backToList = useCallback(() => {
    if (active) focusRow(active.item.id);
  }, [active, focusRow]);
  const selectItem = useCallback((itemId: string) => {
    setActiveId(itemId);
    setPending((current) => (current?.itemId === itemId ? current : null));
  }, []);

  const pendingStatus = pending && active && pending.itemId === active.item.id ? pending.status : null;
  useEffect(() => {
    if (pendingStatus) reasonRef.current?.focus();
  }, [pendingStatus]);

  const move = (to: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!target) return;
    setActiveId(target.item.id);
    setPending(null);
    focusRow(target.item.id);
  };
  const holdForReason = (itemId: string, status: AnswerStatus) => {
    setPending({ itemId, status });
    // Already pending for this item: the effect will not run again, so focus here.
    reasonRef.current?.focus();
  };
  // The caret goes to the end, so what is typed adds to the notes.
  const focusNotes = () => {
    const notes = notesRef.current;
    notes?.focus();
    notes?.setSelectionRange(notes.value.length, notes.value.length);
  };
  const cancelPending = () => setPending(null);
  return {
    active,
    pendingStatus,
    listRef,
    notesRef,
    reasonRef,
    selectItem,
    backToList,
    move,
    holdForReason,
    cancelPending,
    focusNotes,
  };
}

/**
 * One zone's checklist state: the rows, the active item, what is being answered, and one keyboard
 * map for the whole checklist. Undefined until the zone's answers are read.
 */
export function useZoneChecklist(props: ZoneChecklistProps) {
  const view = useChecklistRows(props);
  const selection = useActiveRow(view.rows);
  const [bulkOpen, setBulkOpen] = useState(false);
  const { zone, evaluation } = view;
  if (!zone || !evaluation) return undefined;
  const actions = answerActions(props.assessmentId, zone.id, props.assessor);
  const { active } = selection;

  const setStatus = (row: ChecklistRow, status: AnswerStatus) => {
    if (needsJustification(status)) return selection.holdForReason(row.item.id, status);
    selection.cancelPending();
    void actions.save(row.item.id, { status });
  };

  // After a click on a status button or a tab, the keys still act on the active item, and a typed
  // character lands in the notes instead of nowhere.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!active || event.defaultPrevented || isTyping(event.target)) return;
    const handled = runKey(
      CHECKLIST_COMMANDS,
      {
        index: view.rows.indexOf(active),
        count: view.rows.length,
        move: selection.move,
        setStatus: (status) => setStatus(active, status),
        focusNotes: selection.focusNotes,
        attachFiles: () => void actions.attachFromDisk(active.item.id),
        openBulk: () => setBulkOpen(true),
        backToList: selection.backToList,
      },
      event,
    );
    // Focus moves before the character is inserted, so the keystroke types into the notes.
    if (!handled && typesText(event)) selection.focusNotes();
  };

  return { ...view, zone, evaluation, ...selection, actions, setStatus, onKeyDown, bulkOpen, setBulkOpen };
}

export type ZoneChecklistState = NonNullable<ReturnType<typeof useZoneChecklist>>;
