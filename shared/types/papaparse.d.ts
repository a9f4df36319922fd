/**
 * The part of papaparse's API that shared/ uses, declared here instead of read from
 * @types/papaparse: those types reference @types/node (for Node streams), which would give every
 * file in shared/ `Buffer`, `process` and the rest of Node's globals. tsconfig/shared.json maps the
 * module name here; tests and tools still see the full @types/papaparse.
 */

export interface ParseConfig {
  delimiter?: string;
  newline?: '\r' | '\n' | '\r\n';
  quoteChar?: string;
  header?: boolean;
  skipEmptyLines?: boolean | 'greedy';
}

export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: string;
  message: string;
  row?: number;
  index?: number;
}

export interface ParseMeta {
  delimiter: string;
  linebreak: string;
  aborted: boolean;
  fields?: string[];
  truncated: boolean;
  cursor: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: ParseMeta;
}

export interface UnparseConfig {
  quotes?: boolean;
  delimiter?: string;
  header?: boolean;
  newline?: string;
  escapeFormulae?: boolean | RegExp;
}

/** Papa's chunk parser: parse(text, baseIndex, ignoreLastRow) reads one chunk synchronously. */
export class Parser {
  constructor(config: ParseConfig);
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParseResult<string[]>;
}

export function parse<T>(text: string, config?: ParseConfig): ParseResult<T>;
export function unparse<T>(data: T[] | { fields: string[]; data: T[] }, config?: UnparseConfig): string;
