import { useSyncExternalStore } from 'react';
import { escapeControlCharacters } from '../../shared/model/escape-control';

export interface NoticeMessage {
  id: number;
  kind: 'info' | 'success' | 'error';
  title: string;
  details?: string[];
  /** Notices of one batch ("6 captures imported") share a key and show as one. */
  group?: string;
  /** How many notices this one stands for. */
  count: number;
}

export interface NoticeGroup {
  key: string;
  /** The title for the whole batch, from how many it holds: (n) => `${n} captures imported`. */
  title: (count: number) => string;
}

/** How long a success or an info stays; an error stays until dismissed. */
const FADE_MS = 6_000;
/** Details shown per notice before "… and N more". */
const MAX_DETAILS = 12;

/**
 * The list after one more notice: a notice of a group already shown joins it (its title counts the
 * batch, each member's title becomes a detail line) and moves to the newest place.
 */
export function withNotice(
  list: readonly NoticeMessage[],
  incoming: Omit<NoticeMessage, 'count' | 'group'>,
  group?: NoticeGroup,
): NoticeMessage[] {
  const existing = group && list.find((n) => n.group === group.key && n.kind === incoming.kind);
  if (!group || !existing) return [...list, { ...incoming, group: group?.key, count: 1 }];
  const count = existing.count + 1;
  const earlier =
    existing.count === 1 ? [existing.title, ...(existing.details ?? [])] : (existing.details ?? []);
  const joined: NoticeMessage = {
    ...incoming,
    group: group.key,
    count,
    title: group.title(count),
    details: [...earlier, incoming.title, ...(incoming.details ?? [])],
  };
  return [...list.filter((n) => n !== existing), joined];
}

let notices: NoticeMessage[] = [];
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();
const publish = (next: NoticeMessage[]) => {
  notices = next;
  for (const listener of listeners) listener();
};

/**
 * Shows a message in the one notice area. Errors stay until dismissed; successes and infos fade.
 * With a group, a batch of notices shows as one that counts them.
 */
export function notify(
  kind: NoticeMessage['kind'],
  title: string,
  details?: string[],
  options: { group?: NoticeGroup } = {},
): void {
  const incoming = {
    id: nextId++,
    kind,
    title: escapeControlCharacters(title),
    details: details?.map(escapeControlCharacters),
  };
  const next = withNotice(notices, incoming, options.group);
  for (const gone of notices.filter((n) => !next.includes(n))) clearTimer(gone.id);
  publish(next);
  if (kind !== 'error')
    timers.set(
      incoming.id,
      setTimeout(() => dismiss(incoming.id), FADE_MS),
    );
}

function clearTimer(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

export function dismiss(id: number): void {
  clearTimer(id);
  publish(notices.filter((n) => n.id !== id));
}

function dismissAll(): void {
  for (const id of timers.keys()) clearTimer(id);
  publish([]);
}

export function Notices() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
  // One live region from the start, so the first notice is announced too. Newest first, so the latest is read first; the stack scrolls within its corner.
  const newestFirst = [...current].reverse();
  return (
    <section className="notices" aria-live="polite" aria-label="Notifications">
      {current.length > 1 && (
        <button type="button" className="button button-small notices-clear" onClick={dismissAll}>
          Dismiss all ({current.length})
        </button>
      )}
      {newestFirst.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function NoticeCard({ notice }: { notice: NoticeMessage }) {
  const details = notice.details ?? [];
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <div className="notice-head">
        <strong className="notice-title">{notice.title}</strong>
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label="Dismiss"
          onClick={() => dismiss(notice.id)}
        >
          ×
        </button>
      </div>
      {details.length > 0 && (
        <ul className="notice-details">
          {details.slice(0, MAX_DETAILS).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
          {details.length > MAX_DETAILS && <li>… and {details.length - MAX_DETAILS} more</li>}
        </ul>
      )}
    </div>
  );
}
