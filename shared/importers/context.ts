import { escapeControlCharacters } from '../model/escape-control';
import {
  ImportCancelledError,
  type ImportProgress,
  type ImportWarning,
  type NormalizedAsset,
  type NormalizedFlow,
} from './types';
import type { ColumnMapping } from './mapping';

/** How many warnings one import keeps (the batch record holds at most 10,000). */
export const MAX_WARNINGS = 5000;
const CHECK_CLOCK_EVERY = 500;
/** Longest stretch of work between two yields, so cancel and progress messages get through. */
const YIELD_AFTER_MS = 40;

export interface ContextOptions {
  fileName: string;
  totalBytes: number;
  mapping: ColumnMapping | null;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** Collects what an importer finds, and paces it: progress, yielding to the event loop, cancel. */
export class ImportContext {
  readonly fileName: string;
  readonly totalBytes: number;
  mapping: ColumnMapping | null;
  readonly assets: NormalizedAsset[] = [];
  readonly flows: NormalizedFlow[] = [];
  readonly warnings: ImportWarning[] = [];
  records = 0;
  skipped = 0;
  private droppedWarnings = 0;
  private sinceCheckpoint = 0;
  private lastYield = Date.now();
  private bytesDone = 0;
  private readonly onProgress?: (progress: ImportProgress) => void;
  private readonly signal?: AbortSignal;

  constructor(options: ContextOptions) {
    this.fileName = options.fileName;
    this.totalBytes = options.totalBytes;
    this.mapping = options.mapping;
    this.onProgress = options.onProgress;
    this.signal = options.signal;
  }

  warn(record: string, message: string): void {
    if (this.warnings.length < MAX_WARNINGS)
      this.warnings.push({
        record: escapeControlCharacters(record),
        message: escapeControlCharacters(message.slice(0, 2000)),
      });
    else this.droppedWarnings++;
  }

  /** A record that cannot be used: counted as skipped, with its reason. */
  skip(record: string, message: string): void {
    this.skipped++;
    this.warn(record, message);
  }

  addAsset(asset: NormalizedAsset): void {
    this.assets.push(asset);
  }

  addFlow(flow: NormalizedFlow): void {
    this.flows.push(flow);
  }

  /**
   * Counts one source record; now and then reports progress and lets the event loop run (the
   * returned promise). Most calls return null, so a loop need not await each record.
   */
  recordDone(): Promise<void> | null {
    this.records++;
    if (++this.sinceCheckpoint >= CHECK_CLOCK_EVERY) {
      this.sinceCheckpoint = 0;
      if (Date.now() - this.lastYield >= YIELD_AFTER_MS) return this.checkpoint();
    }
    return null;
  }

  /** Bytes read so far (estimated from characters for text). */
  setBytesDone(bytes: number): void {
    this.bytesDone = Math.min(this.totalBytes, Math.max(this.bytesDone, Math.round(bytes)));
  }

  throwIfCancelled(): void {
    if (this.signal?.aborted) throw new ImportCancelledError(this.fileName);
  }

  async checkpoint(): Promise<void> {
    this.sinceCheckpoint = 0;
    this.throwIfCancelled();
    this.onProgress?.({ bytes: this.bytesDone, totalBytes: this.totalBytes, records: this.records });
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.lastYield = Date.now();
    this.throwIfCancelled();
  }

  finalWarnings(): ImportWarning[] {
    if (this.droppedWarnings === 0) return this.warnings;
    return [
      ...this.warnings,
      { record: 'file', message: `${this.droppedWarnings} more warnings were not kept` },
    ];
  }
}
