import type { ImportContext } from './context';
import type { RecordImporter, SourceRecord } from './importer';

/**
 * A sensor source: everything the import needs to know about one export format, in one object.
 * The list of them is shared/importers/formats.ts; adding a source is one file and one entry there.
 */
export interface SensorSource<Format extends string = string> {
  /** The id stored with each import batch and given to `conduit import --format`. */
  format: Format;
  /** What the import dialog and the report call it. */
  label: string;
  detection: Detection;
  /** How its JSON (or NDJSON) export reads; null when it has none. */
  json: JsonReading | null;
  /** How its CSV/TSV export reads; null when it has none. */
  csv: CsvReading | null;
  /** A ZIP export (GRASSMARLIN's .gm3 session). */
  archive?: (bytes: Uint8Array, ctx: ImportContext) => Promise<void>;
  /** An XML export, with the test that recognises it. */
  xml?: {
    matches: (text: string) => boolean;
    read: (ctx: ImportContext, fileName: string, text: string) => Promise<void>;
  };
}

/** How detection recognises a source from a file's content (never its name). */
export type Detection =
  /** JSON keys or CSV columns that only this source uses; two must match. */
  | { signature: readonly [string, string, ...string[]] }
  /** Recognised by its own test before any signature is scored. */
  | { sniff: (sample: DetectionSample) => Sniffed | null }
  /** What a plain file of this container is, when no source claims it. */
  | { fallbackFor: 'json' | 'csv' };

export interface DetectionSample {
  /** The file's bytes, when detection was given bytes. */
  bytes: Uint8Array | null;
  /** The decoded start of the file. */
  text: string;
  json: boolean;
  /** The header row, for a file that is not JSON. */
  headers: string[] | null;
}

export interface Sniffed {
  confidence: number;
  reason: string;
  container: 'json' | 'csv' | 'zip' | 'xml';
}

export interface JsonReading {
  reader: RecordReader;
  /** What the export looks like, for the message when a file has another shape. */
  shape: string;
  /** A document that is one record (one object, a one-line NDJSON file) is read as that record. */
  singleRecord: boolean;
  /** Records go through a column mapping: the headers and the preview show them flattened. */
  mapped: boolean;
}

export interface CsvReading {
  reader: RecordReader;
  /** Rewrites the text before parsing (GRASSMARLIN writes unquoted multi-line cells). */
  repair?: (text: string) => string;
}

/** A RecordImporter with its state hidden: what parse-inventory drives, whatever the state type. */
export interface RecordReader {
  records(doc: unknown): unknown[] | null;
  open(ctx: ImportContext, headers: string[]): OpenReader;
}

export interface OpenReader {
  handle(record: SourceRecord, label: string): void;
  finish(): void;
}

export function recordReader<State>(importer: RecordImporter<State>): RecordReader {
  return {
    records: (doc) => importer.records(doc),
    open(ctx, headers) {
      const state = importer.createState(ctx, headers);
      return {
        handle: (record, label) => importer.handle(record, label, ctx, state),
        finish: () => importer.finish?.(ctx, state),
      };
    },
  };
}

/** Keeps the format id's literal type, so that the list of sources defines InventoryFormat. */
export function defineSource<Format extends string>(source: SensorSource<Format>): SensorSource<Format> {
  return source;
}
