import { useCallback, useEffect, useId, useRef } from 'react';
import { markHandled, markUnsaved, trackSave } from '../db/save-status';

/**
 * Debounces writes of an edited value and flushes the last one on blur, unmount and page hide,
 * so typing does not write on every key but nothing typed is left unsaved.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>, delayMs = 300) {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const key = useId();

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    const write = trackSave(Promise.resolve().then(() => saveRef.current(next.value)));
    markHandled(key);
    void write.catch(() => undefined);
  }, [key]);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      markUnsaved(key);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush, key],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { schedule, flush };
}
