import { useEffect, useState } from 'react';
import { useSaveStatus } from '../db/save-status';
import { formatTime } from './format';

function sinceText(savedAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - savedAt) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  return formatTime(savedAt);
}

/** "Saving…", "All changes saved" or the error: every edit autosaves and this says so. */
export function SaveIndicator() {
  const status = useSaveStatus();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const state = status.error ? 'error' : status.pending > 0 ? 'saving' : 'saved';
  const text =
    state === 'error'
      ? `Not saved: ${status.error}`
      : state === 'saving'
        ? 'Saving…'
        : status.lastSavedAt
          ? `All changes saved ${sinceText(status.lastSavedAt, now)}`
          : 'All changes saved';
  return (
    <span
      className="save-indicator"
      data-state={state}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
    >
      {text}
    </span>
  );
}
