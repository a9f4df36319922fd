const INVALID = '[aria-invalid="true"]';
/** How long after a submit an invalid field may still appear (a save that fails on the database). */
const WATCH_MS = 4_000;

function focusFirstInvalid(form: HTMLFormElement): boolean {
  const first = form.querySelector<HTMLElement>(INVALID);
  if (!first || !form.isConnected) return false;
  first.focus();
  if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement) first.select();
  return true;
}

/**
 * After a submit that fails, focus goes to the first invalid field (a control marked aria-invalid,
 * as Field marks it). The form's own handler may check at once or after an await, so this looks
 * after the render that follows the submit, then watches the form for a short while.
 */
export function focusInvalidAfterSubmit(form: HTMLFormElement): void {
  const observer = new MutationObserver(() => {
    if (focusFirstInvalid(form)) observer.disconnect();
  });
  requestAnimationFrame(() => {
    if (focusFirstInvalid(form)) return;
    observer.observe(form, {
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-invalid'],
      childList: true,
    });
    setTimeout(() => observer.disconnect(), WATCH_MS);
  });
}

/**
 * Every form of the app, present and future, gets it: one listener on the document sees each
 * submit (in the capture phase, before the form's own handler), so no form has to ask for it.
 */
export function installInvalidFocus(root: Document = document): void {
  root.addEventListener(
    'submit',
    (event) => {
      if (event.target instanceof HTMLFormElement) focusInvalidAfterSubmit(event.target);
    },
    true,
  );
}
