import { excessiveNestingMessage, findExcessiveJsonNesting } from '../model/json-depth';
import { ImportError, type ImportWarning } from './types';

export interface JsonDocument {
  kind: 'json' | 'ndjson';
  /** The whole document (json), or the array of line values (ndjson). */
  value: unknown;
  /** For ndjson: the 1-based line of each value. */
  lines: number[];
  warnings: ImportWarning[];
}

export function looksLikeJson(text: string): boolean {
  const start = /\S/.exec(text.slice(0, 4096));
  return !!start && (start[0] === '{' || start[0] === '[');
}

/**
 * Parses a JSON document, or newline-delimited JSON (one object per line, as Elastic and Splunk keep
 * sensor records). A broken NDJSON line is a warning; a broken document is an ImportError.
 */
export function parseJsonDocument(text: string, fileName: string): JsonDocument {
  const tooDeep = findExcessiveJsonNesting(text);
  if (tooDeep) throw new ImportError(`${fileName}: ${excessiveNestingMessage(tooDeep)}`);
  try {
    return { kind: 'json', value: JSON.parse(text), lines: [], warnings: [] };
  } catch (error) {
    const lines = text.split(/\r\n|\n|\r/);
    const objectLines = lines.filter((l) => l.trim() !== '');
    const looksNdjson =
      objectLines.length > 1 && objectLines.slice(0, 5).every((l) => /^\s*\{/.test(l) && /\}\s*$/.test(l));
    if (!looksNdjson) {
      throw new ImportError(`${fileName}: not valid JSON (${(error as Error).message})`);
    }
    const values: unknown[] = [];
    const lineNumbers: number[] = [];
    const warnings: ImportWarning[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        values.push(JSON.parse(line));
        lineNumbers.push(index + 1);
      } catch (lineError) {
        warnings.push({
          record: `line ${index + 1}`,
          message: `not valid JSON: ${(lineError as Error).message}`,
        });
      }
    });
    if (values.length === 0) throw new ImportError(`${fileName}: no line is valid JSON`);
    return { kind: 'ndjson', value: values, lines: lineNumbers, warnings };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finds the record array in an envelope: the value itself, or a known key, or the only array of objects. */
export function findRecordArray(value: unknown, keys: readonly string[]): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  for (const key of keys) {
    const path = key.split('/');
    let node: unknown = value;
    for (const part of path) node = isRecord(node) ? node[part] : undefined;
    if (Array.isArray(node)) return node;
    if (node === null) return []; // an empty last page (xDome sends "devices": null)
  }
  return null;
}
