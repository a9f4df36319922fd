import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ZodError } from 'zod';
import { issuesInWords } from '../../../shared/model';
import {
  evaluateZone,
  formatVector,
  type Catalogue,
  type FrEvaluation,
  type ZoneEvaluation,
} from '../../../shared/catalogue';
import {
  ANSWER_STATUS_LABELS,
  formatSlt,
  type Answer,
  type AnswerStatus,
  type Evidence,
  type FrId,
  type Zone,
} from '../../../shared/model';
import {
  answersOfZone,
  attachEvidence,
  detachEvidence,
  saveAnswer,
  type AnswerPatch,
} from '../../db/answers';
import { prepareEvidence, type IncomingFile } from '../../db/evidence';
import { platform } from '../../platform';
import { notify } from '../../ui/notices';
import { BulkAnswerDialog } from './BulkAnswerDialog';
import { ItemDetail } from './ItemDetail';
import { ChartLegend, LevelChart } from './LevelChart';
import {
  checklistGroups,
  searchChecklist,
  type ChecklistGroup,
  type ChecklistRow,
} from '../../../shared/catalogue/checklist';
import { needsJustification, STATUS_CLASS } from './status';
import { isTyping, runKey } from '../../ui/commands';
import { CHECKLIST_COMMANDS, typesText } from './commands';
import { plural } from '../../ui/format';

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

function describeError(error: unknown): string {
  if (error instanceof ZodError) return issuesInWords(error).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** One zone's checklist: levels and progress, the items by FR, and the selected item's answer. */
export function ZoneChecklist(props: ZoneChecklistProps) {
  const { assessmentId, catalogue, zones, zoneId, assessor, frFilter } = props;
  // Keeps showing the previous zone until the new zone's answers are read, so nothing flashes empty.
  const loaded = useLiveQuery(async () => ({ zoneId, answers: await answersOfZone(zoneId) }), [zoneId]);
  const zone = zones.find((z) => z.id === loaded?.zoneId);
  const evaluation = useMemo(
    () => (zone && loaded ? evaluateZone(catalogue, zone, loaded.answers) : undefined),
    [catalogue, zone, loaded],
  );
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      evaluation ? searchChecklist(checklistGroups(evaluation, frFilter, props.showAboveTarget), query) : [],
    [evaluation, frFilter, props.showAboveTarget, query],
  );
  const rows = useMemo(() => groups.flatMap((group) => group.rows), [groups]);

  const [activeId, setActiveId] = useState<string | null>(null);
  const active = rows.find((row) => row.item.id === activeId) ?? rows[0];
  const [pending, setPending] = useState<{ itemId: string; status: AnswerStatus } | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
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

  const pendingHere = pending && active && pending.itemId === active.item.id ? pending.status : null;
  useEffect(() => {
    if (pendingHere) reasonRef.current?.focus();
  }, [pendingHere]);

  if (!zone || !evaluation || !loaded) return <p className="req-muted">Loading the zone’s answers…</p>;
  const key = (itemId: string) => ({ assessmentId, zoneId: zone.id, itemId });

  const save = async (itemId: string, patch: AnswerPatch): Promise<boolean> => {
    try {
      await saveAnswer(key(itemId), patch, assessor);
      return true;
    } catch (error) {
      notify('error', `${itemId} was not saved`, [describeError(error)]);
      return false;
    }
  };

  const setStatus = (row: ChecklistRow, status: AnswerStatus) => {
    if (needsJustification(status)) {
      setPending({ itemId: row.item.id, status });
      // Already pending for this item: the effect will not run again, so focus here.
      reasonRef.current?.focus();
      return;
    }
    setPending(null);
    void save(row.item.id, { status });
  };

  const addFiles = async (itemId: string, files: IncomingFile[]) => {
    if (files.length === 0) return;
    try {
      const evidence = await prepareEvidence(assessmentId, files);
      await attachEvidence(key(itemId), evidence);
      notify('success', `${plural(files.length, 'file')} attached to ${itemId}`);
    } catch (error) {
      notify('error', `The files were not attached to ${itemId}`, [describeError(error)]);
    }
  };
  const attachFromDisk = async (itemId: string) => {
    const picked = await platform().openFiles({ title: `Evidence for ${itemId}`, multiple: true });
    await addFiles(itemId, picked);
  };
  const dropFiles = async (itemId: string, files: File[]) => {
    const incoming = await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        mimeType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
    );
    await addFiles(itemId, incoming);
  };
  const removeEvidence = async (itemId: string, evidence: Evidence) => {
    try {
      await detachEvidence(key(itemId), evidence.id);
    } catch (error) {
      notify('error', `${evidence.name} was not removed`, [describeError(error)]);
    }
  };

  const move = (to: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!target) return;
    setActiveId(target.item.id);
    setPending(null);
    focusRow(target.item.id);
  };

  // The caret goes to the end, so what is typed adds to the notes.
  const focusNotes = () => {
    const notes = notesRef.current;
    notes?.focus();
    notes?.setSelectionRange(notes.value.length, notes.value.length);
  };

  // One keyboard map for the whole checklist: after a click on a status button or a tab, the keys
  // still act on the active item, and a typed character lands in the notes instead of nowhere.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!active || event.defaultPrevented || isTyping(event.target)) return;
    const handled = runKey(
      CHECKLIST_COMMANDS,
      {
        index: rows.indexOf(active),
        count: rows.length,
        move,
        setStatus: (status) => setStatus(active, status),
        focusNotes,
        attachFiles: () => void attachFromDisk(active.item.id),
        openBulk: () => setBulkOpen(true),
        backToList,
      },
      event,
    );
    // Focus moves before the character is inserted, so the keystroke types into the notes.
    if (!handled && typesText(event)) focusNotes();
  };

  return (
    <div
      className="req-zone"
      data-testid="zone-checklist"
      data-zone-id={zone.id}
      data-fr-filter={frFilter}
      onKeyDown={onKeyDown}
    >
      <ZoneSummary zone={zone} evaluation={evaluation} />
      <FrTabs perFr={evaluation.perFr} value={frFilter} onChange={props.onFrFilter} />
      {evaluation.unknown.length > 0 && (
        <p className="notice" role="note">
          {plural(evaluation.unknown.length, 'answer')} name items this catalogue ({catalogue.version}) does
          not have; they are kept unchanged.
        </p>
      )}
      <div className="req-columns">
        <div className="req-list-column">
          <input
            type="search"
            className="input req-search"
            aria-label="Search requirements by id or title"
            placeholder="Search SR 1.1, “password”…"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <div ref={listRef} className="req-list" role="listbox" aria-label={`Requirements for ${zone.name}`}>
            {groups.map((group) => (
              <FrGroup key={group.fr.fr} group={group} activeId={active?.item.id} onSelect={selectItem} />
            ))}
          </div>
        </div>
        {active ? (
          <ItemDetail
            key={`${zone.id}/${active.item.id}`}
            item={active.item}
            scope={active.scope}
            answer={active.answer}
            pendingStatus={pendingHere}
            notesRef={notesRef}
            reasonRef={reasonRef}
            onStatus={(status) => setStatus(active, status)}
            onConfirmJustified={async (status, justification) => {
              const saved = await save(active.item.id, { status, justification });
              if (saved) setPending(null);
              return saved;
            }}
            onCancelPending={() => setPending(null)}
            onNotes={(notes) => save(active.item.id, { notes })}
            onJustification={(justification) => save(active.item.id, { justification })}
            onAttach={() => void attachFromDisk(active.item.id)}
            onFiles={(files) => void dropFiles(active.item.id, files)}
            onRemoveEvidence={(evidence) => void removeEvidence(active.item.id, evidence)}
            onBulk={() => setBulkOpen(true)}
            onBackToList={backToList}
          />
        ) : (
          <p className="req-muted">
            {query.trim() ? `No item matches “${query.trim()}”.` : 'No items to show for this filter.'}
          </p>
        )}
      </div>
      {bulkOpen && active && (
        <BulkAnswerDialog
          assessmentId={assessmentId}
          zones={zones}
          item={active.item}
          sourceZoneId={zone.id}
          sourceAnswer={active.answer}
          assessor={assessor}
          onClose={() => {
            setBulkOpen(false);
            backToList();
          }}
        />
      )}
    </div>
  );
}

const rowDomId = (itemId: string) => `req-row-${itemId.replace(/\s+/g, '-')}`;

function ZoneSummary({ zone, evaluation }: { zone: Zone; evaluation: ZoneEvaluation<Answer> }) {
  const { zone: progress } = evaluation.progress;
  return (
    <section className="req-summary" aria-label="Levels and progress">
      <div>
        <h2>{zone.name}</h2>
        <p className="req-muted" data-testid="zone-progress">
          {progress.answered} of {progress.required} required items answered
          {evaluation.outOfScope.length > 0 &&
            ` · ${plural(evaluation.outOfScope.length, 'answer')} out of scope, kept`}
        </p>
        {evaluation.provisional && (
          <p className="req-muted" data-testid="sla-provisional">
            SL-A is provisional: {evaluation.coverage.notAssessed} required{' '}
            {evaluation.coverage.notAssessed === 1 ? 'item is' : 'items are'} not assessed yet.
          </p>
        )}
        {evaluation.conflicts.length > 0 && (
          <ul className="req-conflicts" data-testid="answer-conflicts">
            {evaluation.conflicts.map((conflict) => (
              <li key={conflict.itemId}>
                {conflict.itemId} is marked not applicable, but its base requirement {conflict.sr} is{' '}
                {conflict.srOutcome.replace('-', ' ')}: check both answers.
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="req-vectors mono">
        <span data-testid="slt-vector">{formatSlt(zone.slt)}</span>
        <span data-testid="sla-vector">{formatVector('SL-A', evaluation.achieved)}</span>
        <span data-testid="gap-vector">{formatVector('Gap', evaluation.gap)}</span>
      </div>
      <div className="req-chart">
        <LevelChart target={evaluation.target} achieved={evaluation.achieved} large />
        <ChartLegend />
      </div>
    </section>
  );
}

function FrTabs({
  perFr,
  value,
  onChange,
}: {
  perFr: FrEvaluation[];
  value: FrId | 'all';
  onChange: (fr: FrId | 'all') => void;
}) {
  return (
    <div className="req-fr-tabs" role="group" aria-label="Foundational requirement">
      <button
        type="button"
        className="button button-small"
        aria-pressed={value === 'all'}
        onClick={() => onChange('all')}
      >
        All FRs
      </button>
      {perFr.map((fr) => (
        <button
          key={fr.fr}
          type="button"
          className="button button-small"
          aria-pressed={value === fr.fr}
          onClick={() => onChange(fr.fr)}
          title={fr.name}
        >
          {fr.fr} {fr.short}{' '}
          <span className="req-tab-progress">
            {fr.progress.answered}/{fr.progress.required}
          </span>
        </button>
      ))}
    </div>
  );
}

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
