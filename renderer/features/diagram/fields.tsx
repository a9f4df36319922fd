import { useEffect, useRef, useState } from 'react';
import { useAutosave } from '../../ui/useAutosave';

/**
 * A text input or textarea that saves as the user types (debounced, flushed on blur), after
 * `validate` accepts the text; invalid text stays in the field with its message and is not saved.
 */
export function SavingText({
  value,
  onSave,
  validate,
  multiline,
  ariaLabel,
  placeholder,
  id,
  'aria-describedby': describedBy,
}: {
  /** Given by a surrounding ui/Field. */
  id?: string;
  'aria-describedby'?: string;
  value: string;
  onSave: (text: string) => void;
  validate?: (text: string) => string | null;
  multiline?: boolean;
  ariaLabel: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const { schedule, flush } = useAutosave(async (next: string) => {
    onSave(next);
  }, 300);
  // Follow outside changes (undo, redo) while the field is not being edited.
  useEffect(() => {
    if (!editing.current) {
      setText(value);
      setError(null);
    }
  }, [value]);
  const change = (next: string) => {
    editing.current = true;
    setText(next);
    const problem = validate?.(next) ?? null;
    setError(problem);
    if (!problem && next !== value) schedule(next);
  };
  const props = {
    id,
    value: text,
    'aria-label': ariaLabel,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    placeholder,
    onBlur: () => {
      flush();
      editing.current = false;
    },
  };
  return (
    <>
      {multiline ? (
        <textarea className="textarea" {...props} onChange={(e) => change(e.target.value)} />
      ) : (
        <input className="input" {...props} onChange={(e) => change(e.target.value)} />
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
