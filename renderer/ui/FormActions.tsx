/**
 * A form's Cancel and submit buttons, in the order and style every dialog uses. (A submit that
 * fails moves focus to the first invalid field: ui/invalid-focus.ts, for every form.)
 */
export function FormActions({
  submit,
  onCancel,
  tone = 'primary',
  busy = false,
}: {
  /** The submit button's words: what it does ("Rename", "Dismiss finding"). */
  submit: string;
  onCancel: () => void;
  tone?: 'primary' | 'danger';
  /** Disables submitting while the last submit is being saved. */
  busy?: boolean;
}) {
  return (
    <div className="modal-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`button button-${tone}`} disabled={busy || undefined}>
        {submit}
      </button>
    </div>
  );
}
