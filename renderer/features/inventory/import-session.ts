import type { ColumnMapping, InventoryFormat } from '../../../shared/importers';
import type { Asset } from '../../../shared/model';
import type { UndoCheck } from '../../db/import-batches';
import { connect, type WorkerClient } from '../../workers/channel';
import type {
  CommitSummary,
  ImportStage,
  InventoryImportHandlers,
  ParseSummary,
  WriteProgress,
} from '../../workers/inventory-import.worker';

export interface SessionProgress extends Omit<ImportStage, 'stage'> {
  stage: 'reading' | 'hashing' | 'parsing' | 'writing';
}

export interface CommittedImport extends CommitSummary {
  inventory: Asset[];
}

/**
 * One file's import, driven from the page: a worker of its own holds the bytes and the parsed
 * records; the page asks for a preview (again, after the format or mapping changes) and then
 * for the write. Only one request runs at a time. Every request rejects with a WorkerError:
 * 'refused' (the message names the file and the problem), 'cancelled' or 'failed'.
 */
export class ImportSession {
  private readonly worker: WorkerClient<InventoryImportHandlers>;
  private busy = false;

  constructor(
    readonly fileName: string,
    blob: Blob | null,
    private readonly onProgress: (progress: SessionProgress) => void = () => undefined,
  ) {
    this.worker = connect<InventoryImportHandlers>(
      new Worker(new URL('../../workers/inventory-import.worker.ts', import.meta.url), {
        type: 'module',
        name: 'inventory-import',
      }),
      { peer: 'the import worker' },
    );
    if (blob) void this.worker.call('load', { name: fileName, blob }).catch(() => undefined);
  }

  /** Reads the whole file in the worker: format, preview rows, mapping, counts and warnings. */
  parse(assessmentId: string, format?: InventoryFormat, mapping?: ColumnMapping): Promise<ParseSummary> {
    return this.one(() =>
      this.worker.call('parse', { assessmentId, format, mapping }, { onProgress: this.onProgress }),
    );
  }

  /**
   * Merges and writes the parsed file into the assessment, in one transaction; resolves with the
   * counts and the assessment's assets as they now are (so the table need not read them again).
   */
  async commit(assessmentId: string, acceptSkipped: boolean): Promise<CommittedImport> {
    const inventory: Asset[] = [];
    const summary = await this.one(() =>
      this.worker.call(
        'commit',
        { assessmentId, acceptSkipped },
        { onProgress: (progress) => this.written(progress, inventory) },
      ),
    );
    return { ...summary, inventory };
  }

  /** Whether an import can be undone now (read in the worker: it reads every asset). */
  checkUndo(batchId: string): Promise<UndoCheck> {
    return this.one(() => this.worker.call('checkUndo', { batchId }));
  }

  /** Undoes an import in the worker; resolves with the assessment's assets as they now are. */
  async undo(batchId: string): Promise<Asset[]> {
    const inventory: Asset[] = [];
    await this.one(() =>
      this.worker.call('undo', { batchId }, { onProgress: (progress) => this.written(progress, inventory) }),
    );
    return inventory;
  }

  /** Stops the worker at once; a write under way is rolled back by IndexedDB. */
  cancel(): void {
    this.close();
  }

  close(): void {
    this.worker.close(`${this.fileName}: import cancelled`);
  }

  private written(progress: WriteProgress, inventory: Asset[]) {
    if (progress.stage === 'inventory') for (const asset of progress.assets) inventory.push(asset);
    else this.onProgress(progress);
  }

  private async one<T>(request: () => Promise<T>): Promise<T> {
    if (this.busy) throw new Error('the import is busy');
    this.busy = true;
    try {
      return await request();
    } finally {
      this.busy = false;
    }
  }
}
