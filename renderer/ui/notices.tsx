import { useSyncExternalStore } from 'react';
import { escapeControlCharacters } from '../../shared/model/escape-control';

export interface NoticeMessage {
  id: number;
  kind: 'info' | 'success' | 'error';
  title: string;
  details?: string[];
}

let notices: NoticeMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const publish = (next: NoticeMessage[]) => {
  notices = next;
  for (const listener of listeners) listener();
};

/** Shows a message in the notice area; errors stay until dismissed, others fade after a while. */
export function notify(kind: NoticeMessage['kind'], title: string, details?: string[]): void {
  const notice: NoticeMessage = {
    id: nextId++,
    kind,
    title: escapeControlCharacters(title),
    details: details?.map(escapeControlCharacters),
  };
  publish([...notices, notice]);
  if (kind !== 'error') setTimeout(() => dismiss(notice.id), 6_000);
}

export function dismiss(id: number): void {
  publish(notices.filter((n) => n.id !== id));
}

export function Notices() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
  return (
    <div className="notices" aria-live="polite">
      {current.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <div className="notice-head">
            <strong>{notice.title}</strong>
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label="Dismiss"
              onClick={() => dismiss(notice.id)}
            >
              ×
            </button>
          </div>
          {notice.details && notice.details.length > 0 && (
            <ul className="notice-details">
              {notice.details.slice(0, 12).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
              {notice.details.length > 12 && <li>… and {notice.details.length - 12} more</li>}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
