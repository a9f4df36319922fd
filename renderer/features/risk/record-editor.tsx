import { useRef, useState, type ReactNode } from 'react';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { useAutosave } from '../../ui/useAutosave';
import { problemsOf } from './problems';

export type FieldErrors = Record<string, string>;

/** What a section of a record editor's form reads and writes: the draft, its errors, edit and flush. */
export interface DraftForm<D> {
  draft: D;
  errors: FieldErrors;
  /** Changes fields; `immediate` saves now instead of after the typing pause (selects, checkboxes). */
  edit: (patch: Partial<D>, immediate?: boolean) => void;
  /** Saves what is pending (on blur). */
  flush: () => void;
}

/**
 * The editing state of one risk record in a dialog: a draft of its fields, checked on every change;
 * a valid record autosaves, an invalid one is held with its field's message. `cancel` puts back the
 * record as it was when the dialog opened.
 */
export function useRecordEditor<R, D>({
  record,
  draftOf,
  check,
  save,
  noun,
}: {
  record: R;
  draftOf: (record: R) => D;
  /** Checks a draft against the record as it was on opening. */
  check: (draft: D, original: R) => { record?: R; errors: FieldErrors };
  save: (original: R, next: R) => Promise<unknown>;
  /** What the record is called in messages: "scenario", "countermeasure". */
  noun: string;
}) {
  const [original] = useState(record);
  const [draft, setDraft] = useState(() => draftOf(record));
  const [errors, setErrors] = useState<FieldErrors>({});
  // Set on Cancel, so a debounced write still pending cannot land after the restore.
  const cancelled = useRef(false);
  const { schedule, flush } = useAutosave(async (next: R) =>
    cancelled.current
      ? undefined
      : save(original, next).catch((error: unknown) =>
          notify('error', `The ${noun} was not saved`, problemsOf(error)),
        ),
  );

  const edit = (patch: Partial<D>, immediate = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const checked = check(next, original);
    setErrors(checked.errors);
    if (!checked.record) return;
    schedule(checked.record);
    if (immediate) flush();
  };

  const cancel = (onClosed: () => void) => {
    cancelled.current = true;
    void save(original, original).then(onClosed, (error: unknown) =>
      notify('error', `The ${noun} was not restored`, problemsOf(error)),
    );
  };

  return { original, draft, errors, edit, flush, cancel };
}

/** The dialog around a record editor's fields: Done saves what is pending, Cancel restores. */
export function RecordEditorDialog({
  title,
  label,
  errors,
  flush,
  onCancel,
  onClose,
  children,
}: {
  title: string;
  label: string;
  errors: FieldErrors;
  flush: () => void;
  onCancel: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        className="form-grid risk-editor"
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          if (Object.keys(errors).length > 0) return;
          flush();
          onClose();
        }}
      >
        {children}
        {errors.form && (
          <div className="notice notice-error span-2" role="alert">
            {errors.form}
          </div>
        )}
        <FormActions submit="Done" onCancel={onCancel} />
      </form>
    </Modal>
  );
}
