import type {
  ColumnMapping,
  DetectedFormat,
  ImportPreview,
  ImportProgress,
  ImportWarning,
  InventoryFormat,
  MergeCounts,
} from '../../shared/importers';
import type { Asset, ImportBatch } from '../../shared/model';
import type { UndoCheck } from '../db/inventory';

/** Messages between the Inventory workspace and its import worker. */
export type ImportRequest =
  | { type: 'load'; name: string; blob: Blob }
  | { type: 'parse'; format?: InventoryFormat; mapping?: ColumnMapping }
  | { type: 'commit'; assessmentId: string; acceptSkipped: boolean }
  | { type: 'check-undo'; batchId: string }
  | { type: 'undo'; batchId: string };

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
}

export interface CommitSummary {
  batch: Pick<ImportBatch, 'id' | 'fileName' | 'format' | 'counts'> | null;
  counts: MergeCounts;
}

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress; stage: 'hashing' | 'parsing' | 'writing' }
  | { type: 'parsed'; summary: ParseSummary }
  /** The assessment's assets after a commit, in chunks so no one message is long to read on the page. */
  | { type: 'inventory'; assets: Asset[] }
  | { type: 'committed'; summary: CommitSummary }
  | { type: 'undo-checked'; check: UndoCheck }
  | { type: 'undone'; fileName: string }
  | { type: 'failed'; message: string; kind: 'file' | 'internal' };
