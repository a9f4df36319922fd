import '../first-import';
import {
  ImportError,
  parseInventory,
  type ColumnMapping,
  type DetectedFormat,
  type ImportPreview,
  type ImportProgress,
  type ImportOutcome,
  type ImportWarning,
  type InventoryFormat,
  type MergeCounts,
  type ParseInventoryResult,
} from '../../shared/importers';
import { sha256Hex, type Asset, type ImportBatch } from '../../shared/model';
import { undoBatch } from '../db/import-batches';
import { commitImport, predictImport } from '../db/inventory';
import { batchHandlers, importRefused } from './batch-handlers';
import { serveSelf, type Job } from './channel';
import { plural } from '../ui/format';

/**
 * Parses, merges and writes one inventory file off the main thread. The file's bytes come in
 * once (a Blob, read here); parse results stay here, so the 100,000 records of a large export
 * never cross back to the page: the page gets a summary, and the write happens here through the
 * import repository in one transaction. Cancel is terminating the worker: an unfinished
 * IndexedDB transaction then aborts and nothing is written.
 */

/** What the preview shows: everything about the parsed file except the records themselves. */
export interface ParseSummary {
  fileName: string;
  size: number;
  format: InventoryFormat;
  detected: DetectedFormat;
  encoding: string;
  records: number;
  assets: number;
  flows: number;
  skipped: number;
  /** The first warnings (all of them are kept with the batch). */
  warnings: ImportWarning[];
  warningCount: number;
  preview: ImportPreview;
  /** What importing it would do now: the same merge as the write, run on the stored records. */
  predicted: ImportOutcome;
}

export interface CommitSummary {
  batch: Pick<ImportBatch, 'id' | 'fileName' | 'format' | 'counts'> | null;
  counts: MergeCounts;
  outcome: ImportOutcome;
}

export interface ImportStage extends ImportProgress {
  stage: 'hashing' | 'parsing' | 'writing';
}

/** Progress of a write: its stage, then the assessment's assets as they now are, in chunks. */
export type WriteProgress = ImportStage | { stage: 'inventory'; assets: Asset[] };

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  sha256: Promise<string>;
}
let loading: Promise<LoadedFile> | null = null;
let parsed: ParseInventoryResult | null = null;

const WARNINGS_SHOWN = 500;
/** Assets per message: the page reads each message in one task, which must stay short. */
const INVENTORY_CHUNK = 1000;

function sendInventory(job: Job<WriteProgress>, assets: readonly Asset[]) {
  for (let i = 0; i < assets.length; i += INVENTORY_CHUNK)
    job.progress({ stage: 'inventory', assets: assets.slice(i, i + INVENTORY_CHUNK) });
}

async function parse(
  request: { assessmentId: string; format?: InventoryFormat; mapping?: ColumnMapping },
  job: Job<ImportStage>,
): Promise<ParseSummary> {
  if (!loading) throw new Error('no file loaded');
  const file = await loading;
  parsed = null;
  const result = await parseInventory(
    { name: file.name, bytes: file.bytes },
    {
      format: request.format,
      mapping: request.mapping,
      onProgress: (progress) => job.progress({ ...progress, stage: 'parsing' }),
    },
  );
  const predicted = await predictImport(request.assessmentId, result.format, file.name, result);
  parsed = result;
  return {
    fileName: file.name,
    size: file.bytes.length,
    format: result.format,
    detected: result.detected,
    encoding: result.encoding,
    records: result.records,
    assets: result.assets.length,
    flows: result.flows.length,
    skipped: result.skipped,
    warnings: result.warnings.slice(0, WARNINGS_SHOWN),
    warningCount: result.warnings.length,
    preview: result.preview,
    predicted,
  };
}

async function commit(
  request: { assessmentId: string; acceptSkipped: boolean },
  job: Job<WriteProgress>,
): Promise<CommitSummary> {
  const file = loading && (await loading);
  if (!file || !parsed) throw new Error('nothing parsed to import');
  if (parsed.skipped > 0 && !request.acceptSkipped) {
    throw new ImportError(
      `${file.name}: ${plural(parsed.skipped, 'malformed record')} would be skipped; accept that first`,
    );
  }
  if (parsed.assets.length === 0 && parsed.flows.length === 0) {
    throw new ImportError(`${file.name}: no assets or connections found; nothing to import`);
  }
  const size = file.bytes.length;
  job.progress({ bytes: size, totalBytes: size, records: parsed.records, stage: 'writing' });
  const result = await commitImport(
    request.assessmentId,
    parsed.format,
    { name: file.name, sha256: await file.sha256, size },
    parsed,
  );
  sendInventory(job, result.inventory);
  const { batch } = result;
  return {
    batch: batch && { id: batch.id, fileName: batch.fileName, format: batch.format, counts: batch.counts },
    counts: result.counts,
    outcome: result.outcome,
  };
}

const handlers = {
  /** Takes the file (a Blob crosses by reference; its bytes are read here, not on the page). */
  load({ name, blob }: { name: string; blob: Blob }): void {
    loading = blob.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      return { name, bytes, sha256: sha256Hex(bytes) };
    });
    loading.catch(() => undefined);
    parsed = null;
  },
  parse,
  commit,
  checkUndo: batchHandlers.checkUndo,
  /** Undoes an import; reports the assessment's assets as they now are (so the table need not read them). */
  async undo({ batchId }: { batchId: string }, job: Job<WriteProgress>): Promise<{ fileName: string }> {
    const { batch, inventory } = await undoBatch(batchId);
    sendInventory(job, inventory);
    return { fileName: batch.fileName };
  },
};
export type InventoryImportHandlers = typeof handlers;

serveSelf(handlers, { refused: importRefused });
