import { useState } from 'react';
import { ZodError } from 'zod';
import type { CatalogueItem } from '../../../shared/catalogue';
import {
  ANSWER_STATUS_LABELS,
  ANSWER_STATUSES,
  issuesInWords,
  type Answer,
  type AnswerStatus,
  type Zone,
} from '../../../shared/model';
import { applyAnswerToZones } from '../../db/answers';
import { plural } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { bulkAnswerProblem, toggledIn, zonesRequiring } from './bulk-answer';
import { justificationLabel, needsJustification } from './status';

interface BulkAnswerDialogProps {
  assessmentId: string;
  zones: readonly Zone[];
  item: CatalogueItem;
  sourceZoneId: string;
  sourceAnswer: Answer | undefined;
  assessor: string | null;
  onClose: () => void;
}

/** The answer being given (it starts as the source zone's), the zones chosen, and applying it. */
function useBulkAnswer(props: BulkAnswerDialogProps) {
  const { item, sourceAnswer } = props;
  const [answer, setAnswer] = useState({
    status: sourceAnswer?.status ?? ('met' as AnswerStatus),
    justification: sourceAnswer?.justification ?? '',
    notes: sourceAnswer?.notes ?? '',
    linkEvidence: true,
  });
  const [selected, setSelected] = useState<Set<string>>(() => new Set([props.sourceZoneId]));
  const [error, setError] = useState<string | null>(null);
  const evidenceIds = sourceAnswer?.evidenceIds ?? [];

  const apply = async () => {
    const { status, justification, notes, linkEvidence } = answer;
    const problem = bulkAnswerProblem(status, justification, selected.size);
    if (problem) return setError(problem);
    try {
      const written = await applyAnswerToZones(
        props.assessmentId,
        [...selected],
        item.id,
        { status, justification, notes, evidenceIds: linkEvidence ? evidenceIds : [] },
        props.assessor,
      );
      notify(
        'success',
        `${item.id} answered “${ANSWER_STATUS_LABELS[status]}” in ${plural(written.length, 'zone')}`,
      );
      props.onClose();
    } catch (caught) {
      setError(caught instanceof ZodError ? issuesInWords(caught).join('; ') : String(caught));
    }
  };
  const edit = (patch: Partial<typeof answer>) => setAnswer({ ...answer, ...patch });
  return { answer, edit, evidenceIds, selected, setSelected, error, apply };
}

type BulkAnswer = ReturnType<typeof useBulkAnswer>;

/** Gives one item the same answer in several zones at once (e.g. a site-wide password policy). */
export function BulkAnswerDialog(props: BulkAnswerDialogProps) {
  const { item } = props;
  const bulk = useBulkAnswer(props);
  const count = bulk.selected.size;
  return (
    <Modal title={`Apply an answer to ${item.id} in several zones`} onClose={props.onClose} wide>
      <p className="req-muted">
        {item.title}. The chosen zones get this status, text and notes; their earlier answer to this item is
        replaced.
      </p>
      <AnswerFields bulk={bulk} />
      <ZonePicker zones={props.zones} item={item} selected={bulk.selected} onChange={bulk.setSelected} />
      {bulk.error && (
        <p className="field-error" role="alert">
          {bulk.error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => void bulk.apply()}>
          Apply to {count} zone{count === 1 ? '' : 's'}
        </button>
      </div>
    </Modal>
  );
}

/** The status, its justification when it needs one, the notes, and whether the evidence goes too. */
function AnswerFields({ bulk: { answer, edit, evidenceIds } }: { bulk: BulkAnswer }) {
  return (
    <div className="form-grid">
      <label className="field">
        <span>Status</span>
        <select
          className="select"
          value={answer.status}
          onChange={(e) => edit({ status: e.target.value as AnswerStatus })}
        >
          {ANSWER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {ANSWER_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      {evidenceIds.length > 0 && (
        <label className="field" style={{ justifyContent: 'end' }}>
          <span>
            <input
              type="checkbox"
              checked={answer.linkEvidence}
              onChange={(e) => edit({ linkEvidence: e.target.checked })}
            />{' '}
            Link the {plural(evidenceIds.length, 'evidence file')} too
          </span>
        </label>
      )}
      {needsJustification(answer.status) && (
        <label className="field span-2">
          <span>{justificationLabel(answer.status)}</span>
          <textarea
            className="textarea"
            value={answer.justification}
            onChange={(e) => edit({ justification: e.target.value })}
          />
        </label>
      )}
      <label className="field span-2">
        <span>Notes</span>
        <textarea
          className="textarea"
          value={answer.notes}
          onChange={(e) => edit({ notes: e.target.value })}
        />
      </label>
    </div>
  );
}

/** Every zone to tick, with shortcuts for all zones whose SL-T calls for the item, and none. */
function ZonePicker({
  zones,
  item,
  selected,
  onChange,
}: {
  zones: readonly Zone[];
  item: CatalogueItem;
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}) {
  const requiring = zonesRequiring(zones, item);
  return (
    <fieldset className="bulk-zones">
      <legend>
        Zones ({selected.size} chosen){' '}
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onChange(new Set(requiring.map((z) => z.id)))}
        >
          All zones whose SL-T requires it ({requiring.length})
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onChange(new Set())}
        >
          None
        </button>
      </legend>
      <ul>
        {zones.map((zone) => (
          <li key={zone.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.has(zone.id)}
                onChange={() => onChange(toggledIn(selected, zone.id))}
              />{' '}
              {zone.name}
              {!requiring.includes(zone) && <span className="req-muted"> (above its SL-T)</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
