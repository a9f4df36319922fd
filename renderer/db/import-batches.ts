import Dexie, { RangeSet } from 'dexie';
import {
  newId,
  nowIso,
  type Asset,
  type Flow,
  type ImportBatch,
  type ImportWarning,
} from '../../shared/model';
import {
  undoBatch as planBatchUndo,
  type BatchContext,
  type BatchUndo,
  type MergeCounts,
} from '../../shared/importers';
import { db } from './index';

/**
 * The one repository every import writes through, inventory files and captures alike: a batch is
 * merged into the assessment's records and written, with its batch record, in ONE transaction, and
 * undone the same way. It runs on the main thread and inside the import workers alike (Dexie
 * works in both), so it does not track the save status; callers on the main thread wrap writes
 * in trackSave.
 */

/** The import or its undo was refused; the message names the file and the reason. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

/** What a merge decided to write for one batch. */
export interface BatchWrite {
  batch: ImportBatch;
  added: readonly Asset[];
  updated: readonly Asset[];
  flows: readonly Flow[];
  counts: MergeCounts;
  warnings: ImportWarning[];
}

/** The assessment's records a merge starts from, read inside the write's transaction. */
export interface CurrentRecords {
  assets: Asset[];
  /** Empty unless the caller asked for flows (readFlows). */
  flows: Flow[];
}

/** A merge: from the current records to what to write, or counts only when nothing would change. */
export type MergeStep = (
  current: CurrentRecords,
  context: Required<BatchContext>,
) => BatchWrite | { batch: null; counts: MergeCounts; warnings: ImportWarning[] };

export interface CommitResult {
  /** The batch written, or null when the file changed nothing (a re-import). */
  batch: ImportBatch | null;
  counts: MergeCounts;
  warnings: ImportWarning[];
  /** The assessment's assets after the import, in primary-key order (as a read of the table gives them). */
  inventory: Asset[];
}

/** A native IndexedDB request as a promise. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the database refused the request'));
  });
}

const BATCH_TABLES = ['assets', 'flows', 'importBatches'];

/**
 * A native transaction on Dexie's own connection (backendDB), and a promise of its end. Dexie's
 * change-tracking middleware costs more than the write itself for 100,000 records (it builds
 * key-range sets of every index entry), so these writes bypass it and announce afterwards, once,
 * that the tables changed (see announceChanged).
 */
async function nativeTransaction(stores: string[], mode: IDBTransactionMode) {
  const database = db();
  await database.open();
  const tx = database.backendDB().transaction(stores, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the database refused the change'));
    tx.onabort = () => reject(tx.error ?? new Error('the change was not written'));
  });
  done.catch(() => undefined);
  return { tx, done };
}

/** Runs `body` in a native transaction; aborts it (writing nothing) if body throws. */
async function inTransaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const { tx, done } = await nativeTransaction(stores, mode);
  let result: T;
  try {
    result = await body(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw error;
  }
  await done;
  return result;
}

/**
 * Tells every live query (the Connections workspace and the diagram's overlay read assets and
 * flows live) that whole tables changed. Dexie carries it to the page from a worker.
 */
function announceChanged(tables: readonly string[]) {
  const name = db().name;
  const everything = () => new RangeSet(-Infinity, [[[]]]);
  const parts: Record<string, RangeSet> = {};
  for (const table of tables) {
    parts[`idb://${name}/${table}/`] = everything();
    parts[`idb://${name}/${table}/:dels`] = everything();
    for (const index of db().table(table).schema.indexes)
      if (index.name) parts[`idb://${name}/${table}/${index.name}`] = everything();
  }
  Dexie.on('storagemutated').fire(parts);
}

function byId(a: Asset, b: Asset) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Merges a batch into an assessment's records and writes it in ONE transaction: reading the
 * current records inside it means nothing written in between is overwritten, and a failure (or a
 * terminated worker) leaves the database as it was.
 */
export async function commitBatch(
  assessmentId: string,
  batch: { format: string; fileName: string; readFlows: boolean },
  merge: MergeStep,
): Promise<CommitResult> {
  const result = await inTransaction(['assessments', ...BATCH_TABLES], 'readwrite', async (tx) => {
    if (!(await settled(tx.objectStore('assessments').get(assessmentId))))
      throw new ImportRefusedError('This assessment no longer exists.');
    const assetStore = tx.objectStore('assets');
    const flowStore = tx.objectStore('flows');
    const assets = (await settled(assetStore.index('assessmentId').getAll(assessmentId))) as Asset[];
    const flows = batch.readFlows
      ? ((await settled(flowStore.index('assessmentId').getAll(assessmentId))) as Flow[])
      : [];
    const context = {
      id: newId(),
      assessmentId,
      format: batch.format,
      fileName: batch.fileName,
      at: nowIso(),
    };
    const write = merge({ assets, flows }, context);
    if (write.batch === null) {
      // Nothing to write: the transaction ends having only read.
      return { batch: null, counts: write.counts, warnings: write.warnings, inventory: assets };
    }
    // Requests are queued without awaiting each one; the transaction commits when all are done.
    for (const asset of write.added) assetStore.put(asset);
    for (const asset of write.updated) assetStore.put(asset);
    for (const flow of write.flows) flowStore.add(flow);
    tx.objectStore('importBatches').add(write.batch);
    const replaced = new Map(write.updated.map((a) => [a.id, a]));
    const inventory = assets.map((a) => replaced.get(a.id) ?? a).concat(write.added);
    if (write.added.length > 0) inventory.sort(byId);
    return { batch: write.batch, counts: write.counts, warnings: write.warnings, inventory };
  });
  if (result.batch) announceChanged(BATCH_TABLES);
  return result;
}

export interface UndoCheck {
  ok: boolean;
  /** File names of the later imports that must be undone first. */
  blockedBy: string[];
  /** Assets the undo removes or restores that were edited by hand since the import. */
  edited: number;
  deletes: number;
  restores: number;
}

async function planUndo(tx: IDBTransaction, batchId: string) {
  const batch = (await settled(tx.objectStore('importBatches').get(batchId))) as ImportBatch | undefined;
  if (!batch) throw new ImportRefusedError('This import is not in the history any more.');
  const undo = batch.undo as BatchUndo | undefined;
  if (!undo || undo.version !== 1)
    throw new ImportRefusedError(`${batch.fileName}: this import cannot be undone`);
  const assets = (await settled(
    tx.objectStore('assets').index('assessmentId').getAll(batch.assessmentId),
  )) as Asset[];
  const flows = (await settled(
    tx.objectStore('flows').index('assessmentId').getAll(batch.assessmentId),
  )) as Flow[];
  const plan = planBatchUndo({ assets, flows }, undo);
  const blockedBy: string[] = [];
  for (const id of plan.blockedBy) {
    const later = (await settled(tx.objectStore('importBatches').get(id))) as ImportBatch | undefined;
    blockedBy.push(later?.fileName ?? id);
  }
  return { batch, plan, blockedBy, assets };
}

/** Whether a batch can be undone now, and what undoing it would discard. */
export function checkUndo(batchId: string): Promise<UndoCheck> {
  return inTransaction(BATCH_TABLES, 'readonly', async (tx) => {
    const { plan, blockedBy } = await planUndo(tx, batchId);
    return {
      ok: plan.ok,
      blockedBy,
      edited: plan.editedAssetIds.length,
      deletes: plan.deleteAssetIds.length,
      restores: plan.restoreAssets.length,
    };
  });
}

export interface UndoResult {
  batch: ImportBatch;
  /** The assessment's assets after the undo, in primary-key order. */
  inventory: Asset[];
}

/**
 * Undoes an import in one transaction: deletes what it added, puts back what it changed, removes
 * its batch record. Refused (ImportRefusedError) while a later import builds on its records.
 */
export async function undoBatch(batchId: string): Promise<UndoResult> {
  const result = await inTransaction(BATCH_TABLES, 'readwrite', async (tx) => {
    const { batch, plan, blockedBy, assets } = await planUndo(tx, batchId);
    if (!plan.ok) {
      throw new ImportRefusedError(
        `${batch.fileName} cannot be undone yet: undo the later import${blockedBy.length > 1 ? 's' : ''} of ${blockedBy.join(', ')} first.`,
      );
    }
    const assetStore = tx.objectStore('assets');
    for (const id of plan.deleteAssetIds) assetStore.delete(id);
    for (const asset of plan.restoreAssets) assetStore.put(asset);
    const flowStore = tx.objectStore('flows');
    for (const id of plan.deleteFlowIds) flowStore.delete(id);
    tx.objectStore('importBatches').delete(batch.id);
    const deleted = new Set(plan.deleteAssetIds);
    const restored = new Map(plan.restoreAssets.map((a) => [a.id, a]));
    return { batch, inventory: assets.filter((a) => !deleted.has(a.id)).map((a) => restored.get(a.id) ?? a) };
  });
  announceChanged(BATCH_TABLES);
  return result;
}
