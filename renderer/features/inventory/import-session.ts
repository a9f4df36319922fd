import type { ColumnMapping, ImportProgress, InventoryFormat } from '../../../shared/importers';
import type { Asset } from '../../../shared/model';
import type { UndoCheck } from '../../db/inventory';
import type {
  CommitSummary,
  ImportRequest,
  ImportResponse,
  ParseSummary,
} from '../../workers/inventory-import-protocol';

export interface SessionProgress extends ImportProgress {
  stage: 'reading' | 'hashing' | 'parsing' | 'writing';
}

/** The file could not be imported; the message names the file and the problem. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

export interface CommittedImport extends CommitSummary {
  inventory: Asset[];
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

/**
 * One file's import, driven from the page: a worker of its own holds the bytes and the parsed
 * records; the page asks for a preview (again, after the format or mapping changes) and then
 * for the write. Only one request runs at a time.
 */
export class ImportSession {
  private readonly worker: Worker;
  private pending: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
  private closed = false;
  private inventory: Asset[] = [];

  constructor(
    readonly fileName: string,
    blob: Blob | null,
    private readonly onProgress: (progress: SessionProgress) => void = () => undefined,
  ) {
    this.worker = new Worker(new URL('../../workers/inventory-import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'inventory-import',
    });
    this.worker.onmessage = (event: MessageEvent<ImportResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.settle(null, new Error(`the import worker failed: ${event.message || 'unknown error'}`));
    };
    if (blob) this.post({ type: 'load', name: fileName, blob });
  }

  /** Reads the whole file in the worker: format, preview rows, mapping, counts and warnings. */
  parse(format?: InventoryFormat, mapping?: ColumnMapping): Promise<ParseSummary> {
    return this.request({ type: 'parse', format, mapping }) as Promise<ParseSummary>;
  }

  /**
   * Merges and writes the parsed file into the assessment, in one transaction; resolves with the
   * counts and the assessment's assets as they now are (so the table need not read them again).
   */
  async commit(assessmentId: string, acceptSkipped: boolean): Promise<CommittedImport> {
    this.inventory = [];
    const summary = (await this.request({ type: 'commit', assessmentId, acceptSkipped })) as CommitSummary;
    const inventory = this.inventory;
    this.inventory = [];
    return { ...summary, inventory };
  }

  /** Whether an import can be undone now (read in the worker: it reads every asset). */
  checkUndo(batchId: string): Promise<UndoCheck> {
    return this.request({ type: 'check-undo', batchId }) as Promise<UndoCheck>;
  }

  /** Undoes an import in the worker; resolves with the assessment's assets as they now are. */
  async undo(batchId: string): Promise<Asset[]> {
    this.inventory = [];
    await this.request({ type: 'undo', batchId });
    const inventory = this.inventory;
    this.inventory = [];
    return inventory;
  }

  /** Stops the worker at once; a write under way is rolled back by IndexedDB. */
  cancel(): void {
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.terminate();
    this.settle(null, new ImportCancelled(`${this.fileName}: import cancelled`));
  }

  private request(message: ImportRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new ImportCancelled(`${this.fileName}: import cancelled`));
    if (this.pending) return Promise.reject(new Error('the import is busy'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.post(message);
    });
  }

  private post(message: ImportRequest) {
    this.worker.postMessage(message);
  }

  private settle(value: unknown, error?: Error) {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (error) pending.reject(error);
    else pending.resolve(value);
  }

  private receive(message: ImportResponse) {
    switch (message.type) {
      case 'progress':
        this.onProgress({ ...message.progress, stage: message.stage });
        return;
      case 'parsed':
        this.settle(message.summary);
        return;
      case 'inventory':
        for (const asset of message.assets) this.inventory.push(asset);
        return;
      case 'committed':
        this.settle(message.summary);
        return;
      case 'undo-checked':
        this.settle(message.check);
        return;
      case 'undone':
        this.settle(message.fileName);
        return;
      case 'failed':
        this.settle(
          null,
          message.kind === 'file' ? new ImportRefusedError(message.message) : new Error(message.message),
        );
        return;
    }
  }
}
