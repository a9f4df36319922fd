import { ImportContext } from './context';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import { notTextMessage, sniffBinary } from './sniff-content';
import { detectFormat, type DetectedFormat } from './detect';
import { isRecord, looksLikeJson, parseJsonDocument } from './json-input';
import { flattenRecord, validateMapping, type ColumnMapping } from './mapping';
import type { SourceRecord } from './importer';
import { sensorSource, type InventoryFormat } from './formats';
import type { CsvReading, JsonReading, OpenReader } from './source';
import { ImportError, type ImportPreview, type ImportProgress, type ParsedInventory } from './types';

export interface InventoryFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParseInventoryOptions {
  /** Overrides the detected format. */
  format?: InventoryFormat;
  /** The column mapping for mapped formats (csv, json, dragos, tenable-ot CSV); suggested when absent. */
  mapping?: ColumnMapping;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** How many records the preview keeps (20). */
  previewRows?: number;
}

export interface ParseInventoryResult extends ParsedInventory {
  detected: DetectedFormat;
}

/** Keys under which APIs return their record lists; an object with one of them is not a record itself. */
const ENVELOPE_KEYS = new Set([
  'objects',
  'result',
  'results',
  'devices',
  'data',
  'content',
  'connections',
  'value',
  'values',
]);

function previewValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.length > 500 ? `${value.slice(0, 500)}…` : value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.join(', ').slice(0, 500);
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 500);
  return String(value);
}

function previewRow(record: SourceRecord): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [key, value] of Object.entries(record).slice(0, 200)) row[key] = previewValue(value);
  return row;
}

function unionKeys(records: unknown[], limit: number, flatten: boolean): string[] {
  const keys = new Set<string>();
  for (const r of records.slice(0, limit)) {
    if (isRecord(r)) for (const k of Object.keys(flatten ? flattenRecord(r) : r)) keys.add(k);
    if (keys.size > 2000) break;
  }
  return [...keys];
}

function handleSafely(reader: OpenReader, record: unknown, label: string, ctx: ImportContext): void {
  if (!isRecord(record)) {
    ctx.skip(label, 'not an object');
    return;
  }
  try {
    reader.handle(record, label);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    ctx.skip(label, `could not be read: ${(error as Error).message}`);
  }
}

async function importJson(
  text: string,
  format: InventoryFormat,
  reading: JsonReading,
  ctx: ImportContext,
  preview: ImportPreview,
  previewRows: number,
) {
  const doc = parseJsonDocument(text, ctx.fileName);
  doc.warnings.forEach((w) => ctx.skip(w.record, w.message));
  let records = reading.reader.records(doc.value);
  // A single record (one object, or a one-line NDJSON file) rather than a list.
  if (!records && isRecord(doc.value) && reading.singleRecord) {
    const envelope = Object.keys(doc.value).some((k) => ENVELOPE_KEYS.has(k));
    if (!envelope) records = [doc.value];
  }
  if (!records) {
    throw new ImportError(
      `${ctx.fileName}: the JSON does not have the shape of a ${format} export (expected ${reading.shape})`,
    );
  }
  const { mapped } = reading;
  const headers = unionKeys(records, 200, mapped);
  const reader = reading.reader.open(ctx, headers);
  preview.headers = headers;
  preview.rows = records
    .slice(0, previewRows)
    .filter(isRecord)
    .map((r) => previewRow(mapped ? flattenRecord(r) : r));
  for (let i = 0; i < records.length; i++) {
    const label = doc.kind === 'ndjson' ? `line ${doc.lines[i]}` : `record ${i + 1}`;
    handleSafely(reader, records[i], label, ctx);
    ctx.setBytesDone((ctx.totalBytes * (i + 1)) / records.length);
    {
      const pause = ctx.recordDone();
      if (pause) await pause;
    }
  }
  reader.finish();
}

/** Makes header names unique and non-empty, as rows are keyed by them. */
function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((raw, index) => {
    const base = raw.trim() || `column ${index + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

async function importCsv(
  text: string,
  reading: CsvReading,
  ctx: ImportContext,
  preview: ImportPreview,
  previewRows: number,
) {
  const source = reading.repair ? reading.repair(text) : text;
  const charsToBytes = ctx.totalBytes / Math.max(1, source.length);
  // The header row and the reader it opened: set by the first row, inside the parser's callback.
  const opened: { headers: string[]; reader: OpenReader }[] = [];
  const info = await parseDelimited(source, async ({ rows, firstRow, cursor }) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRow + i + 1; // as a spreadsheet numbers rows: the header is row 1
      const table = opened[0];
      if (!table) {
        const headers = uniqueHeaders(row);
        if (headers.length > 100_000)
          throw new ImportError(
            `${ctx.fileName}: the header row has ${headers.length} columns; not an inventory`,
          );
        opened.push({ headers, reader: reading.reader.open(ctx, headers) });
        preview.headers = headers;
        continue;
      }
      const { headers, reader } = table;
      if (row.length === 1 && row[0]!.trim() === '') continue;
      const label = `row ${rowNumber}`;
      if (row.length > headers.length) {
        ctx.warn(
          label,
          `${row.length} cells but the header has ${headers.length}; the extra cells were ignored`,
        );
      } else if (row.length < headers.length) {
        ctx.warn(
          label,
          `${row.length} cells but the header has ${headers.length}; the missing ones are empty`,
        );
      }
      const record: SourceRecord = {};
      for (let c = 0; c < headers.length; c++) record[headers[c]!] = row[c] ?? '';
      if (preview.rows.length < previewRows) preview.rows.push(previewRow(record));
      handleSafely(reader, record, label, ctx);
      {
        const pause = ctx.recordDone();
        if (pause) await pause;
      }
    }
    ctx.setBytesDone(cursor * charsToBytes);
    await ctx.checkpoint();
  });
  for (const error of info.errors) ctx.warn(`row ${error.row + 1}`, error.message);
  const table = opened[0];
  if (!table) throw new ImportError(`${ctx.fileName}: the file has no header row`);
  table.reader.finish();
}

/**
 * Reads one inventory export: detects its format from the content (unless given), decodes it,
 * parses and normalizes every record. Throws ImportError for a file that cannot be read at all;
 * a malformed record is skipped with a warning naming it. Reports progress and honours the signal
 * between chunks, so a Web Worker can run it.
 */
export async function parseInventory(
  file: InventoryFile,
  options: ParseInventoryOptions = {},
): Promise<ParseInventoryResult> {
  if (file.bytes.length === 0) throw new ImportError(`${file.name}: the file is empty`);
  const binary = sniffBinary(file.bytes);
  if (binary) throw new ImportError(notTextMessage(file.name, binary));
  if (options.mapping) {
    const problems = validateMapping(options.mapping);
    if (problems.length > 0)
      throw new ImportError(`${file.name}: the column mapping is invalid: ${problems.join('; ')}`);
  }
  const detected = detectFormat(file.bytes);
  const format = options.format ?? detected.format;
  const source = sensorSource(format);
  const ctx = new ImportContext({
    fileName: file.name,
    totalBytes: file.bytes.length,
    mapping: options.mapping ?? null,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  ctx.throwIfCancelled();
  const preview: ImportPreview = { headers: [], rows: [], mapping: null };
  const previewRows = options.previewRows ?? 20;
  let encoding = 'zip';
  if (detected.container === 'zip') {
    if (!source.archive)
      throw new ImportError(`${file.name}: a ZIP archive; only GRASSMARLIN sessions (.gm3) are ZIP files`);
    await source.archive(file.bytes, ctx);
  } else {
    const decoded = decodeText(file.bytes);
    encoding = decoded.encoding;
    const text = decoded.text;
    if (source.xml?.matches(text)) {
      await source.xml.read(ctx, file.name, text);
    } else if (looksLikeJson(text)) {
      if (!source.json)
        throw new ImportError(
          format === 'csv'
            ? `${file.name}: the file is JSON, not CSV`
            : `${file.name}: a ${format} file cannot be JSON`,
        );
      await importJson(text, format, source.json, ctx, preview, previewRows);
    } else {
      if (!source.csv) throw new ImportError(`${file.name}: the file is not JSON`);
      await importCsv(text, source.csv, ctx, preview, previewRows);
    }
  }
  preview.mapping = ctx.mapping;
  ctx.setBytesDone(file.bytes.length);
  options.onProgress?.({ bytes: file.bytes.length, totalBytes: file.bytes.length, records: ctx.records });
  return {
    format,
    fileName: file.name,
    encoding,
    assets: ctx.assets,
    flows: ctx.flows,
    records: ctx.records,
    skipped: ctx.skipped,
    warnings: ctx.finalWarnings(),
    preview,
    detected,
  };
}
