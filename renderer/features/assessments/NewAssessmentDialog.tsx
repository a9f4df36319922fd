import { useState } from 'react';
import { ZodError } from 'zod';
import { createAssessmentRecord } from '../../db/assessments';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { AssessmentFields, type AssessmentDraft, type DraftErrors } from './AssessmentFields';
import { draftErrors, draftToInput } from './draft';

const EMPTY: AssessmentDraft = {
  title: '',
  client: '',
  site: '',
  assessors: '',
  startDate: '',
  endDate: '',
  scope: '',
};

export function NewAssessmentDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    try {
      const input = draftToInput(draft);
      const created = await createAssessmentRecord({ ...input, title: input.title || undefined });
      onCreated(created.id);
    } catch (error) {
      if (error instanceof ZodError) setErrors(draftErrors(error));
      else setErrors({ client: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="New assessment" onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}
        noValidate
      >
        <AssessmentFields
          draft={draft}
          errors={errors}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        />
        <FormActions submit="Create assessment" onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
