import { useState } from 'react';
import { plural } from '../../../shared/findings';
import { dismissCandidates } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import type { CandidateRow } from './use-connections-data';

interface Props {
  assessmentId: string;
  candidates: CandidateRow[];
  onClose(): void;
  /** After the dismissal is stored: the new triage records' ids, for Undo. */
  onDismissed(ids: string[]): void;
}

/** Dismisses one candidate or many, with one reason. */
export function DismissDialog({ assessmentId, candidates, onClose, onDismissed }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const one = candidates.length === 1;
  const submit = () => {
    if (reason.trim() === '') {
      setError(one ? 'Give the reason for dismissing it.' : 'Give the reason for dismissing them.');
      return;
    }
    const keys = candidates.map((c) => c.key);
    void trackSave(dismissCandidates(assessmentId, keys, reason.trim())).then(
      (ids) => {
        onDismissed(ids);
        onClose();
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <Modal
      title={one ? 'Dismiss candidate' : `Dismiss ${plural(candidates.length, 'candidate')}`}
      onClose={onClose}
    >
      {one ? (
        <p>{candidates[0]!.summary}</p>
      ) : (
        <ul className="hint dismiss-list">
          {candidates.slice(0, 5).map((c) => (
            <li key={c.key}>{c.summary}</li>
          ))}
          {candidates.length > 5 && <li>… and {candidates.length - 5} more</li>}
        </ul>
      )}
      <label className="field">
        <span>Reason{one ? '' : ' (for all of them)'}</span>
        <textarea
          className="textarea"
          aria-label="Reason"
          rows={3}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={submit}>
          {one ? 'Dismiss' : `Dismiss ${candidates.length}`}
        </button>
      </div>
    </Modal>
  );
}
