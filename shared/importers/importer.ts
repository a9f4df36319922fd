import type { ImportContext } from './context';
import { isUnknown } from './values';

export type SourceRecord = Record<string, unknown>;

/**
 * An importer for a record-shaped source: it finds the record array in a JSON document and turns
 * each record (a JSON object, an NDJSON line or a CSV row keyed by header) into assets and flows.
 */
export interface RecordImporter<State = unknown> {
  /** The records in a parsed JSON document (envelope unwrapped), or null if the shape is not this source's. */
  records(doc: unknown): unknown[] | null;
  createState(ctx: ImportContext, headers: string[]): State;
  /** Turns one record into assets and flows; throws (or calls ctx.skip) for a malformed record. */
  handle(record: SourceRecord, label: string, ctx: ImportContext, state: State): void;
  finish?(ctx: ImportContext, state: State): void;
}

/** The first of the keys whose value is known. */
export function pick(record: SourceRecord, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = record[key];
    if (!isUnknown(value)) return value;
  }
  return undefined;
}

export function asRecord(value: unknown): SourceRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SourceRecord)
    : null;
}

/** Joins the known parts with a space ("Windows" + "10"). */
export function joinKnown(...parts: unknown[]): string | undefined {
  const known = parts.filter((p) => !isUnknown(p) && (typeof p === 'string' || typeof p === 'number'));
  return known.length > 0 ? known.map(String).join(' ') : undefined;
}

/** True when any of the keys is present (even with a null value). */
export function hasAny(record: SourceRecord, keys: readonly string[]): boolean {
  return keys.some((k) => k in record);
}
