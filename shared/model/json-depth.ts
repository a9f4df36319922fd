/** Deeper than any real export or assessment file; deep enough JSON overflows recursive walks. */
export const MAX_JSON_DEPTH = 256;

/**
 * Where the text first nests deeper than `limit` arrays and objects (1-based line), or null.
 * An iterative scan that skips strings, run before JSON.parse so that no later walk over the
 * value (schema checks, envelope searches) can overflow the stack.
 */
export function findExcessiveJsonNesting(
  text: string,
  limit: number = MAX_JSON_DEPTH,
): { line: number } | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return { line };
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}

/** The message for too deep a document, naming where (the caller prefixes the file name). */
export function excessiveNestingMessage(at: { line: number }, limit: number = MAX_JSON_DEPTH): string {
  return `nested more than ${limit} levels deep (at line ${at.line}), which no export or assessment file is`;
}
