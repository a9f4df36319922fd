import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import type { CatalogueItem } from '../../../shared/catalogue';
import {
  ANSWER_STATUS_LABELS,
  ANSWER_STATUSES,
  type Answer,
  type AnswerStatus,
  type Evidence,
} from '../../../shared/model';
import { useAutosave } from '../../ui/useAutosave';
import { useFileDrop } from '../../ui/useFileDrop';
import { EvidenceThumbnails } from './EvidencePanel';
import { AttackPanel } from './AttackPanel';
import { CompensatingLink } from './CompensatingLink';
import { GuidancePanel } from './Guidance';
import type { ItemScope } from '../../../shared/catalogue/checklist';
import { justificationLabel, missingJustification, needsJustification, STATUS_CLASS } from './status';
import { formatDateTime } from '../../ui/format';

export interface ItemDetailProps {
  item: CatalogueItem;
  scope: ItemScope;
  answer: Answer | undefined;
  /** A status waiting for its reason or description (keys 5 and 6). */
  pendingStatus: AnswerStatus | null;
  notesRef: RefObject<HTMLTextAreaElement | null>;
  reasonRef: RefObject<HTMLTextAreaElement | null>;
  onStatus: (status: AnswerStatus) => void;
  onConfirmJustified: (status: AnswerStatus, justification: string) => Promise<boolean>;
  onCancelPending: () => void;
  onNotes: (notes: string) => Promise<unknown>;
  onJustification: (justification: string) => Promise<unknown>;
  onAttach: () => void;
  onFiles: (files: File[]) => void;
  onRemoveEvidence: (evidence: Evidence) => void;
  onBulk: () => void;
  onBackToList: () => void;
}

/** The selected item: status, reason, notes, evidence, who answered it, and the guidance. */
export function ItemDetail(props: ItemDetailProps) {
  const { item, answer, pendingStatus } = props;
  const status = answer?.status ?? 'not-assessed';
  const drop = useFileDrop(props.onFiles);
  return (
    <div
      className={drop.active ? 'req-detail drop-target-active' : 'req-detail'}
      {...drop.handlers}
      data-testid="item-detail"
      aria-label={`${item.id} details`}
      role="region"
    >
      <ItemHeader item={item} scope={props.scope} />
      <StatusButtons shown={pendingStatus ?? status} onStatus={props.onStatus} />
      {(pendingStatus || needsJustification(status)) && (
        <JustificationField
          key={`${pendingStatus ?? status}`}
          status={pendingStatus ?? status}
          pending={pendingStatus !== null}
          initial={answer?.justification ?? ''}
          fieldRef={props.reasonRef}
          onConfirm={props.onConfirmJustified}
          onCancel={props.onCancelPending}
          onAutosave={props.onJustification}
          onBackToList={props.onBackToList}
        />
      )}
      {answer && status === 'compensating' && !pendingStatus && <CompensatingLink answer={answer} />}
      <NotesField
        initial={answer?.notes ?? ''}
        fieldRef={props.notesRef}
        onSave={props.onNotes}
        onBackToList={props.onBackToList}
      />
      <EvidenceSection
        evidenceIds={answer?.evidenceIds ?? []}
        onAttach={props.onAttach}
        onBulk={props.onBulk}
        onRemove={props.onRemoveEvidence}
      />
      <p className="req-muted req-answered" data-testid="answered-by">
        {answer?.answeredAt
          ? `Answered by ${answer.answeredBy ?? 'an unnamed assessor'} on ${formatDateTime(answer.answeredAt)}`
          : 'Not answered yet'}
      </p>
      <GuidancePanel item={item} />
      <AttackPanel item={item} />
    </div>
  );
}

function ItemHeader({ item, scope }: { item: CatalogueItem; scope: ItemScope }) {
  return (
    <header className="req-detail-head">
      <span className="mono req-item-id">{item.id}</span>
      <h2>{item.title}</h2>
      <span className="req-muted">
        Required from SL {item.minLevel}
        {scope === 'out-of-scope' && ' · out of scope at this zone’s SL-T, answer kept'}
        {scope === 'above-target' && ' · above this zone’s SL-T'}
      </span>
    </header>
  );
}

/** One button per status with its key (1..6); the one shown pressed may still wait for its reason. */
function StatusButtons({
  shown,
  onStatus,
}: {
  shown: AnswerStatus;
  onStatus: (status: AnswerStatus) => void;
}) {
  return (
    <div className="req-status-buttons" role="group" aria-label="Status">
      {ANSWER_STATUSES.map((value, index) => (
        <button
          key={value}
          type="button"
          className={`button button-small req-status-button ${STATUS_CLASS[value]}`}
          aria-pressed={shown === value}
          onClick={() => onStatus(value)}
        >
          <kbd>{index + 1}</kbd> {ANSWER_STATUS_LABELS[value]}
        </button>
      ))}
    </div>
  );
}

function EvidenceSection({
  evidenceIds,
  onAttach,
  onBulk,
  onRemove,
}: {
  evidenceIds: readonly string[];
  onAttach: () => void;
  onBulk: () => void;
  onRemove: (evidence: Evidence) => void;
}) {
  return (
    <section className="req-evidence" aria-label="Evidence">
      <div className="toolbar">
        <h3>Evidence</h3>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={onAttach}>
          Attach files… <kbd>E</kbd>
        </button>
        <button type="button" className="button button-small" onClick={onBulk}>
          Apply to several zones… <kbd>B</kbd>
        </button>
      </div>
      <EvidenceThumbnails evidenceIds={evidenceIds} onRemove={onRemove} />
      <p className="field-hint">Drop photos or files here, or attach them from disk.</p>
    </section>
  );
}

function JustificationField({
  status,
  pending,
  initial,
  fieldRef,
  onConfirm,
  onCancel,
  onAutosave,
  onBackToList,
}: {
  status: AnswerStatus;
  pending: boolean;
  initial: string;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  onConfirm: (status: AnswerStatus, justification: string) => Promise<boolean>;
  onCancel: () => void;
  onAutosave: (justification: string) => Promise<unknown>;
  onBackToList: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const { schedule, flush } = useAutosave(onAutosave);
  const confirm = async () => {
    const missing = missingJustification(status, value);
    if (missing) return setError(missing);
    if (pending) {
      if (await onConfirm(status, value)) onBackToList();
    } else {
      flush();
      onBackToList();
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void confirm();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (pending) onCancel();
      else flush();
      onBackToList();
    }
  };
  return (
    <label className="field">
      <span>{justificationLabel(status)}</span>
      <textarea
        ref={fieldRef}
        className="textarea req-justification"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
          if (!pending && event.target.value.trim() !== '') schedule(event.target.value);
        }}
        onBlur={() => {
          if (!pending) flush();
        }}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-hint">
          {pending
            ? 'Enter saves the status with this text; Esc cancels.'
            : 'Saved as you type; Enter or Esc returns to the list.'}
        </span>
      )}
    </label>
  );
}

function NotesField({
  initial,
  fieldRef,
  onSave,
  onBackToList,
}: {
  initial: string;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  onSave: (notes: string) => Promise<unknown>;
  onBackToList: () => void;
}) {
  const [value, setValue] = useState(initial);
  const { schedule, flush } = useAutosave(onSave);
  // Another window or a bulk answer may change the notes; follow unless the field is being edited.
  useEffect(() => {
    if (document.activeElement !== fieldRef.current) setValue(initial);
  }, [initial, fieldRef]);
  return (
    <label className="field">
      <span>
        Notes <kbd>N</kbd>
      </span>
      <textarea
        ref={fieldRef}
        className="textarea req-notes"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          schedule(event.target.value);
        }}
        onBlur={flush}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            flush();
            onBackToList();
          }
        }}
      />
      <span className="field-hint">Saved as you type; Esc returns to the list.</span>
    </label>
  );
}
