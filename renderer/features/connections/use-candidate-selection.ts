import { useCallback, useMemo, useRef, useState } from 'react';

/** The keys between two keys of the display order, both included (either way round). */
export function keysBetween(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

export interface CandidateSelection {
  /** Selected keys that are still selectable (a candidate triaged meanwhile drops out). */
  selected: ReadonlySet<string>;
  /** Toggles one key; with `range`, sets every key from the last toggled one to this one alike. */
  toggle(key: string, range: boolean): void;
  setMany(keys: readonly string[], on: boolean): void;
  clear(): void;
}

/** Multi-selection over the open candidates, in display order (for shift-click ranges). */
export function useCandidateSelection(order: readonly string[]): CandidateSelection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const selectable = useMemo(() => new Set(order), [order]);
  const selected = useMemo(
    () => new Set([...chosen].filter((key) => selectable.has(key))),
    [chosen, selectable],
  );

  const setMany = useCallback((keys: readonly string[], on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }, []);

  const toggle = useCallback(
    (key: string, range: boolean) => {
      const on = !selected.has(key);
      const keys = range && anchor.current !== null ? keysBetween(order, anchor.current, key) : [key];
      anchor.current = key;
      setMany(keys, on);
    },
    [order, selected, setMany],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setChosen(new Set());
  }, []);

  return { selected, toggle, setMany, clear };
}
