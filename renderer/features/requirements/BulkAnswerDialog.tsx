import { useState } from 'react';
import { ZodError } from 'zod';
import { issuesInWords } from '../../../shared/model';
import { isRequiredAt, targetVector, type CatalogueItem } from '../../../shared/catalogue';
import {
  ANSWER_STATUS_LABELS,
  ANSWER_STATUSES,
  type Answer,
  type AnswerStatus,
  type Zone,
} from '../../../shared/model';
import { applyAnswerToZones } from '../../db/answers';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { justificationLabel, needsJustification } from './status';
import { plural } from '../../ui/format';

interface BulkAnswerDialogProps {
  assessmentId: string;
  zones: readonly Zone[];
  item: CatalogueItem;
  sourceZoneId: string;
  sourceAnswer: Answer | undefined;
  assessor: string | null;
  onClose: () => void;
}

/** Gives one item the same answer in several zones at once (e.g. a site-wide password policy). */
export function BulkAnswerDialog(props: BulkAnswerDialogProps) {
  const { item, zones, sourceAnswer } = props;
  const [status, setStatus] = useState<AnswerStatus>(sourceAnswer?.status ?? 'met');
  const [justification, setJustification] = useState(sourceAnswer?.justification ?? '');
  const [notes, setNotes] = useState(sourceAnswer?.notes ?? '');
  const [linkEvidence, setLinkEvidence] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(() => new Set([props.sourceZoneId]));
  const [error, setError] = useState<string | null>(null);
  const evidenceIds = sourceAnswer?.evidenceIds ?? [];

  const requiring = zones.filter((zone) => isRequiredAt(item, targetVector(zone.slt)[item.fr]));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const apply = async () => {
    if (selected.size === 0) return setError('Choose at least one zone.');
    if (needsJustification(status) && justification.trim() === '')
      return setError(status === 'compensating' ? 'Describe the compensating control.' : 'Give the reason.');
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

  return (
    <Modal title={`Apply an answer to ${item.id} in several zones`} onClose={props.onClose} wide>
      <p className="req-muted">
        {item.title}. The chosen zones get this status, text and notes; their earlier answer to this item is
        replaced.
      </p>
      <div className="form-grid">
        <label className="field">
          <span>Status</span>
          <select
            className="select"
            value={status}
            onChange={(e) => setStatus(e.target.value as AnswerStatus)}
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
                checked={linkEvidence}
                onChange={(e) => setLinkEvidence(e.target.checked)}
              />{' '}
              Link the {plural(evidenceIds.length, 'evidence file')} too
            </span>
          </label>
        )}
        {needsJustification(status) && (
          <label className="field span-2">
            <span>{justificationLabel(status)}</span>
            <textarea
              className="textarea"
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
            />
          </label>
        )}
        <label className="field span-2">
          <span>Notes</span>
          <textarea className="textarea" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      <fieldset className="bulk-zones">
        <legend>
          Zones ({selected.size} chosen){' '}
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setSelected(new Set(requiring.map((z) => z.id)))}
          >
            All zones whose SL-T requires it ({requiring.length})
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setSelected(new Set())}
          >
            None
          </button>
        </legend>
        <ul>
          {zones.map((zone) => (
            <li key={zone.id}>
              <label>
                <input type="checkbox" checked={selected.has(zone.id)} onChange={() => toggle(zone.id)} />{' '}
                {zone.name}
                {!requiring.includes(zone) && <span className="req-muted"> (above its SL-T)</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => void apply()}>
          Apply to {selected.size} zone{selected.size === 1 ? '' : 's'}
        </button>
      </div>
    </Modal>
  );
}
