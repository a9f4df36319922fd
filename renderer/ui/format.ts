import { nounFor } from '../../shared/text/plural';
/**
 * How the UI writes dates, times, counts and plurals: dates and times in the OS locale (the
 * browser's navigator.language), files keep ISO 8601. Counts keep English grouping to match the
 * English text around them.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

function parsed(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A moment as the user's locale writes it ("6 Mar 2026, 18:00"); an unreadable value is shown as it is. */
export function formatDateTime(iso: string): string {
  const date = parsed(iso);
  return date ? formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(date) : iso;
}

/** A calendar date ("6 Mar 2026"); a bare yyyy-mm-dd is that day wherever the user is, not shifted by the time zone. */
export function formatDate(iso: string): string {
  const date = parsed(iso);
  if (!date) return iso;
  return formatter(
    DATE_ONLY.test(iso) ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' },
  ).format(date);
}

/** The time of day ("18:00" or "6:00 PM"). */
export function formatTime(iso: string | number): string {
  const date = typeof iso === 'number' ? new Date(iso) : parsed(iso);
  return date ? formatter({ hour: '2-digit', minute: '2-digit' }).format(date) : String(iso);
}

/** A count as the UI writes it: "1,234". */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/**
 * A count with its noun, the count as the UI writes it: plural(1234, 'asset') is "1,234 assets".
 */
export function plural(n: number, noun: string, pluralForm?: string): string {
  return `${formatCount(n)} ${nounFor(n, noun, pluralForm)}`;
}

export { nounFor };
