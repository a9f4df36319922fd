import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts fields in one line, ignoring delimiters inside double quotes. */
function countFields(line: string, delimiter: string): number {
  let count = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * Picks the delimiter among , ; tab | that splits the first lines into the same number of fields,
 * preferring more fields; an EU-locale Excel re-save uses ';', "Unicode text" uses tab.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 65_536)
    .split(/\r\n|\n|\r/, 12)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const header = countFields(lines[0]!, delimiter);
    if (header < 2) continue;
    const consistent = lines.slice(1).filter((l) => countFields(l, delimiter) === header).length;
    const score = consistent * 10_000 + Math.min(header, 9_999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The row separator: CRLF, LF or CR, from the first line break (Excel rows are CRLF with LF inside cells). */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

export interface DelimitedChunk {
  rows: string[][];
  /** 0-based index of the first row of this chunk among all rows (the header is row 0). */
  firstRow: number;
  /** Characters consumed so far. */
  cursor: number;
}

export interface DelimitedOptions {
  delimiter?: Delimiter;
  /** Characters per chunk; a row longer than this grows the chunk. */
  chunkChars?: number;
}

export interface DelimitedInfo {
  delimiter: Delimiter;
  newline: string;
  /** Papa's complaints (an unterminated quote) with 0-based row numbers. */
  errors: { row: number; message: string }[];
}

/**
 * Parses CSV/TSV text in chunks aligned on row boundaries with papaparse's own parser (run directly,
 * not in its worker mode), so the caller can report progress and yield between chunks.
 */
export async function parseDelimited(
  text: string,
  onChunk: (chunk: DelimitedChunk) => void | Promise<void>,
  options: DelimitedOptions = {},
): Promise<DelimitedInfo> {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const newline = detectNewline(text);
  const chunkChars = options.chunkChars ?? 1 << 20;
  const errors: DelimitedInfo['errors'] = [];
  let position = 0;
  let rowIndex = 0;
  let size = chunkChars;
  while (position < text.length) {
    const end = position + size;
    const last = end >= text.length;
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    const result = parser.parse(last ? text.slice(position) : text.slice(position, end), 0, !last) as {
      data: string[][];
      errors: { row?: number; message: string }[];
      meta: { cursor: number };
    };
    if (!last && result.meta.cursor === 0) {
      size *= 2; // one row longer than the chunk (a huge field, a million columns)
      continue;
    }
    const tail = result.data[result.data.length - 1];
    if (last && tail && tail.length === 1 && tail[0] === '') result.data.pop(); // the file's final line break
    for (const error of result.errors)
      errors.push({ row: rowIndex + (error.row ?? 0), message: error.message });
    position = last ? text.length : position + result.meta.cursor;
    size = chunkChars;
    await onChunk({ rows: result.data, firstRow: rowIndex, cursor: position });
    rowIndex += result.data.length;
  }
  return { delimiter, newline, errors };
}
