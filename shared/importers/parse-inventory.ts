import { ImportContext } from './context';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import { detectFormat, type DetectedFormat } from './detect';
import { isRecord, looksLikeJson, parseJsonDocument } from './json-input';
import { flattenRecord, validateMapping, type ColumnMapping } from './mapping';
import type { RecordImporter, SourceRecord } from './importer';
import { armisImporter } from './sources/armis';
import { clarotyCtdImporter } from './sources/claroty-ctd';
import { clarotyXdomeImporter } from './sources/claroty-xdome';
import { defenderIotImporter } from './sources/defender-iot';
import { forescoutImporter } from './sources/forescout';
import { grassmarlinCsvImporter, importGm3, readGraphXml, repairGrassmarlinCsv } from './sources/grassmarlin';
import { malcolmImporter } from './sources/malcolm';
import { csvImporter, dragosImporter, jsonImporter, mappedImporter } from './sources/mapped';
import { nozomiImporter } from './sources/nozomi';
import { tenableOtImporter } from './sources/tenable-ot';
import {
  ImportError,
  type ImportPreview,
  type ImportProgress,
  type InventoryFormat,
  type ParsedInventory,
} from './types';

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

const JSON_IMPORTERS: Record<InventoryFormat, RecordImporter<never> | null> = {
  nozomi: nozomiImporter as RecordImporter<never>,
  'claroty-ctd': clarotyCtdImporter as RecordImporter<never>,
  'claroty-xdome': clarotyXdomeImporter as RecordImporter<never>,
  armis: armisImporter as RecordImporter<never>,
  'defender-iot': defenderIotImporter as RecordImporter<never>,
  'tenable-ot': tenableOtImporter as RecordImporter<never>,
  forescout: forescoutImporter as RecordImporter<never>,
  dragos: dragosImporter as RecordImporter<never>,
  malcolm: malcolmImporter as RecordImporter<never>,
  grassmarlin: null,
  csv: null,
  json: jsonImporter as RecordImporter<never>,
};

/** CSV exports: the sources whose records read the same as rows keyed by their JSON names, or a mapping. */
function csvImporterFor(format: InventoryFormat): RecordImporter<never> {
  switch (format) {
    case 'grassmarlin':
      return grassmarlinCsvImporter as RecordImporter<never>;
    case 'tenable-ot':
      return mappedImporter('tenable-ot', 'tenable-ot') as RecordImporter<never>;
    case 'dragos':
      return dragosImporter as RecordImporter<never>;
    case 'malcolm':
    case 'csv':
    case 'json':
      return csvImporter as RecordImporter<never>;
    default:
      return JSON_IMPORTERS[format]!;
  }
}

const SHAPES: Partial<Record<InventoryFormat, string>> = {
  nozomi: 'a /api/open/query/do response ({"result": [...]}) or an array of records',
  'claroty-ctd': 'a /ranger/assets or /ranger/baselines response ({"objects": [...]})',
  'claroty-xdome': 'a devices response ({"devices": [...]})',
  armis: 'a search response ({"data": {"results": [...]}}) or NDJSON',
  'defender-iot': 'an array of devices or connections',
  'tenable-ot': 'a GraphQL assets response ({"data": {"assets": {"nodes": [...]}}})',
  forescout: 'a hosts or links response ({"results": [...]})',
  malcolm: 'a /mapi/agg response ({"values": {"buckets": [...]}})',
  dragos: 'an array of asset objects',
  json: 'an array of objects',
};

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

function handleSafely(
  importer: RecordImporter<never>,
  record: unknown,
  label: string,
  ctx: ImportContext,
  state: never,
): void {
  if (!isRecord(record)) {
    ctx.skip(label, 'not an object');
    return;
  }
  try {
    importer.handle(record, label, ctx, state);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    ctx.skip(label, `could not be read: ${(error as Error).message}`);
  }
}

async function importJson(
  text: string,
  format: InventoryFormat,
  ctx: ImportContext,
  preview: ImportPreview,
  previewRows: number,
) {
  const doc = parseJsonDocument(text, ctx.fileName);
  doc.warnings.forEach((w) => ctx.skip(w.record, w.message));
  const importer = JSON_IMPORTERS[format];
  if (!importer) throw new ImportError(`${ctx.fileName}: a ${format} file cannot be JSON`);
  let records = importer.records(doc.value);
  // A single record (one object, or a one-line NDJSON file) rather than a list.
  if (!records && isRecord(doc.value) && format !== 'malcolm' && format !== 'json') {
    const envelope = Object.keys(doc.value).some((k) => ENVELOPE_KEYS.has(k));
    if (!envelope) records = [doc.value];
  }
  if (!records) {
    throw new ImportError(
      `${ctx.fileName}: the JSON does not have the shape of a ${format} export (expected ${SHAPES[format] ?? 'records'})`,
    );
  }
  const mapped = format === 'json' || format === 'dragos';
  const headers = unionKeys(records, 200, mapped);
  const state = importer.createState(ctx, headers) as never;
  preview.headers = headers;
  preview.rows = records
    .slice(0, previewRows)
    .filter(isRecord)
    .map((r) => previewRow(mapped ? flattenRecord(r) : r));
  for (let i = 0; i < records.length; i++) {
    const label = doc.kind === 'ndjson' ? `line ${doc.lines[i]}` : `record ${i + 1}`;
    handleSafely(importer, records[i], label, ctx, state);
    ctx.setBytesDone((ctx.totalBytes * (i + 1)) / records.length);
    {
      const pause = ctx.recordDone();
      if (pause) await pause;
    }
  }
  importer.finish?.(ctx, state);
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
  format: InventoryFormat,
  ctx: ImportContext,
  preview: ImportPreview,
  previewRows: number,
) {
  const importer = csvImporterFor(format);
  const source = format === 'grassmarlin' ? repairGrassmarlinCsv(text) : text;
  const charsToBytes = ctx.totalBytes / Math.max(1, source.length);
  let headers: string[] | null = null;
  let state: never = undefined as never;
  const info = await parseDelimited(source, async ({ rows, firstRow, cursor }) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRow + i + 1; // as a spreadsheet numbers rows: the header is row 1
      if (headers === null) {
        headers = uniqueHeaders(row);
        if (headers.length > 100_000)
          throw new ImportError(
            `${ctx.fileName}: the header row has ${headers.length} columns; not an inventory`,
          );
        state = importer.createState(ctx, headers) as never;
        preview.headers = headers;
        continue;
      }
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
      handleSafely(importer, record, label, ctx, state);
      {
        const pause = ctx.recordDone();
        if (pause) await pause;
      }
    }
    ctx.setBytesDone(cursor * charsToBytes);
    await ctx.checkpoint();
  });
  for (const error of info.errors) ctx.warn(`row ${error.row + 1}`, error.message);
  if (headers === null) throw new ImportError(`${ctx.fileName}: the file has no header row`);
  importer.finish?.(ctx, state);
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
  if (options.mapping) {
    const problems = validateMapping(options.mapping);
    if (problems.length > 0)
      throw new ImportError(`${file.name}: the column mapping is invalid: ${problems.join('; ')}`);
  }
  const detected = detectFormat(file.bytes);
  const format = options.format ?? detected.format;
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
    if (format !== 'grassmarlin')
      throw new ImportError(`${file.name}: a ZIP archive; only GRASSMARLIN sessions (.gm3) are ZIP files`);
    await importGm3(file.bytes, ctx);
  } else {
    const decoded = decodeText(file.bytes);
    encoding = decoded.encoding;
    const text = decoded.text;
    if (format === 'grassmarlin' && /^\s*(<\?xml[^>]*>\s*)?<graph[\s>]/.test(text.slice(0, 4096))) {
      await readGraphXml(ctx, file.name, text);
    } else if (looksLikeJson(text)) {
      if (format === 'csv') throw new ImportError(`${file.name}: the file is JSON, not CSV`);
      await importJson(text, format, ctx, preview, previewRows);
    } else {
      if (format === 'json') throw new ImportError(`${file.name}: the file is not JSON`);
      await importCsv(text, format, ctx, preview, previewRows);
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
