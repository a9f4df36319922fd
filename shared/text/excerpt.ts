import { escapeControlCharacters } from '../model/escape-control';

/** A value from a file, fit to quote in a message: control characters escaped, cut to `max` characters. */
export function excerpt(text: string, max = 40): string {
  const escaped = escapeControlCharacters(text);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/**
 * Names from a file (columns, keys) listed for a message: each quoted with excerpt, the list cut
 * to about `budget` characters of file content, with how many were left out.
 */
export function excerptList(items: readonly string[], budget = 200, each = 40): string {
  const shown: string[] = [];
  let used = 0;
  for (const item of items) {
    const text = excerpt(item, each);
    if (used + text.length > budget && shown.length > 0) break;
    shown.push(text);
    used += text.length + 2;
  }
  const left = items.length - shown.length;
  return left > 0 ? `${shown.join(', ')} and ${left} more` : shown.join(', ');
}
