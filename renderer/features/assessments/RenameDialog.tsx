import { useState } from 'react';
import { ZodError } from 'zod';
import { issuesInWords, type Assessment } from '../../../shared/model';
import { updateAssessment } from '../../db/assessments';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';

export function RenameDialog({ assessment, onClose }: { assessment: Assessment; onClose: () => void }) {
  const [title, setTitle] = useState(assessment.title);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    try {
      await updateAssessment(assessment.id, { title: title.trim() });
      onClose();
    } catch (e) {
      setError(
        e instanceof ZodError
          ? (issuesInWords(e, { title: 'The title' })[0] ?? 'The title is not valid')
          : (e as Error).message,
      );
    }
  }
  return (
    <Modal title="Rename assessment" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}
        noValidate
      >
        <label className="field">
          <span>Title</span>
          <input
            className="input"
            name="title"
            value={title}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
          {error && <span className="field-error">{error}</span>}
        </label>
        <FormActions submit="Rename" onCancel={onClose} />
      </form>
    </Modal>
  );
}
