import { useSyncExternalStore } from 'react';

/** Whether edits are being written, all written, or failed: drives the save indicator. */
export interface SaveStatus {
  /** Writes under way plus edits waiting for their debounced write. */
  pending: number;
  lastSavedAt: number | null;
  error: string | null;
}

let status: SaveStatus = { pending: 0, lastSavedAt: null, error: null };
const listeners = new Set<() => void>();

function publish(next: SaveStatus) {
  status = next;
  for (const listener of listeners) listener();
}

/** Wraps a write so the indicator shows "Saving…" until it lands, then "Saved". */
export async function trackSave<T>(write: Promise<T>): Promise<T> {
  publish({ ...status, pending: status.pending + 1 });
  try {
    const result = await write;
    publish({ pending: status.pending - 1, lastSavedAt: Date.now(), error: null });
    return result;
  } catch (error) {
    publish({
      ...status,
      pending: status.pending - 1,
      error: (error as Error).message || 'the change could not be saved',
    });
    throw error;
  }
}

const unsaved = new Set<string>();

/** An edit is waiting to be written (e.g. debounced typing): the indicator says "Saving…" meanwhile. */
export function markUnsaved(key: string): void {
  if (unsaved.has(key)) return;
  unsaved.add(key);
  publish({ ...status, pending: status.pending + 1 });
}

/** The waiting edit has been handed to trackSave, or dropped. */
export function markHandled(key: string): void {
  if (!unsaved.delete(key)) return;
  publish({ ...status, pending: status.pending - 1 });
}

export function useSaveStatus(): SaveStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
