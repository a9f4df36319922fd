/**
 * Control characters (C0 but line feed and tab, DEL, C1) and the bidirectional overrides and
 * isolates: in a terminal they can retitle the window, move the cursor or clear the screen, and
 * on a page the bidi ones reorder what is shown. Messages echo names and values from the files a
 * user opens, so every message goes out with them escaped.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with each unsafe character shown as \uXXXX (valid JSON escaping, too). */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
