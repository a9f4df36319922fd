import Papa from 'papaparse';

/**
 * A cell that a spreadsheet would run as a formula starts with one of these (OWASP CSV injection);
 * papaparse prefixes such cells with a quote. Its default pattern misses multi-line cells, so this
 * one only looks at the first character (full-width forms included).
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A byte order mark, so that Excel reads UTF-8 (accents, non-Latin names) correctly. */
const BOM = '\uFEFF';

export type CsvCell = string | number | null;
export type CsvColumn<T> = [header: string, value: (row: T) => CsvCell];

/** CSV with CRLF line ends and formula cells defused; `bom` for files meant for Excel. */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  { bom = false, finalNewline = false }: { bom?: boolean; finalNewline?: boolean } = {},
): string {
  const fields = columns.map(([header]) => header);
  const data = rows.map((row) => columns.map(([, value]) => value(row)));
  const text = Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return (bom ? BOM : '') + text + (finalNewline ? '\r\n' : '');
}
