import '../first-import';
import { ImportError, parseInventory, type ParseInventoryResult } from '../../shared/importers';
import { sha256Hex, type Asset } from '../../shared/model';
import { checkUndo, commitImport, undoImport, UndoBlockedError } from '../db/inventory';
import type { ImportRequest, ImportResponse } from './inventory-import-protocol';

/**
 * Parses, merges and writes one inventory file off the main thread. The file's bytes come in
 * once (transferred, not copied); parse results stay here, so the 100,000 records of a large
 * export never cross back to the page: the page gets a summary, and the write happens here
 * through Dexie in one transaction. Cancel is terminating the worker: an unfinished IndexedDB
 * transaction then aborts and nothing is written.
 */
/** The worker's global scope, typed by hand: the DOM and WebWorker libs cannot both be loaded. */
const scope = self as unknown as {
  postMessage(message: ImportResponse): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

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

function send(message: ImportResponse) {
  scope.postMessage(message);
}

async function handle(request: ImportRequest) {
  switch (request.type) {
    case 'load': {
      // A Blob crosses to the worker by reference; its bytes are read here, not on the page.
      const { name, blob } = request;
      loading = blob.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        return { name, bytes, sha256: sha256Hex(bytes) };
      });
      parsed = null;
      return;
    }
    case 'parse': {
      if (!loading) throw new Error('no file loaded');
      const file = await loading;
      parsed = null;
      const result = await parseInventory(
        { name: file.name, bytes: file.bytes },
        {
          format: request.format,
          mapping: request.mapping,
          onProgress: (progress) => send({ type: 'progress', progress, stage: 'parsing' }),
        },
      );
      parsed = result;
      send({
        type: 'parsed',
        summary: {
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
        },
      });
      return;
    }
    case 'commit': {
      const file = loading && (await loading);
      if (!file || !parsed) throw new Error('nothing parsed to import');
      if (parsed.skipped > 0 && !request.acceptSkipped) {
        throw new ImportError(
          `${file.name}: ${parsed.skipped} malformed record(s) would be skipped; accept that first`,
        );
      }
      if (parsed.assets.length === 0 && parsed.flows.length === 0) {
        throw new ImportError(`${file.name}: no assets or connections found; nothing to import`);
      }
      send({
        type: 'progress',
        progress: { bytes: file.bytes.length, totalBytes: file.bytes.length, records: parsed.records },
        stage: 'writing',
      });
      const result = await commitImport(
        request.assessmentId,
        parsed.format,
        { name: file.name, sha256: await file.sha256, size: file.bytes.length },
        parsed,
      );
      sendInventory(result.inventory);
      send({
        type: 'committed',
        summary: {
          batch: result.batch && {
            id: result.batch.id,
            fileName: result.batch.fileName,
            format: result.batch.format,
            counts: result.batch.counts,
          },
          counts: result.counts,
        },
      });
      return;
    }
    case 'check-undo':
      send({ type: 'undo-checked', check: await checkUndo(request.batchId) });
      return;
    case 'undo': {
      const { batch, inventory } = await undoImport(request.batchId);
      sendInventory(inventory);
      send({ type: 'undone', fileName: batch.fileName });
      return;
    }
  }
}

function sendInventory(assets: readonly Asset[]) {
  for (let i = 0; i < assets.length; i += INVENTORY_CHUNK)
    send({ type: 'inventory', assets: assets.slice(i, i + INVENTORY_CHUNK) });
}

scope.onmessage = (event) => {
  handle(event.data).catch((error: unknown) => {
    const isFileProblem = error instanceof ImportError || error instanceof UndoBlockedError;
    send({
      type: 'failed',
      kind: isFileProblem ? 'file' : 'internal',
      message: (error as Error)?.message || String(error),
    });
  });
};
