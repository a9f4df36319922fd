import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled control: the label names it, and the hint and error are tied to it by
 * aria-describedby (not put in its name). The control gets its id from here, and aria-invalid
 * while it has an error (focus moves there after a failed submit: ui/invalid-focus.ts).
 */
export function Field({
  label,
  error,
  hint,
  children,
  wide,
}: {
  label: string;
  error?: string | null;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
  /** Spans both columns of a form grid. */
  wide?: boolean;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={wide ? 'field span-2' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
