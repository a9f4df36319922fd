import {
  assetSchema,
  createManualAsset,
  newId,
  nowIso,
  type Asset,
  type Flow,
  type ImportBatch,
  type ImportWarning,
} from '../../shared/model';
import {
  makeImportBatch,
  mergeIntoInventory,
  undoBatch,
  type BatchUndo,
  type MergeCounts,
  type ParsedInventory,
} from '../../shared/importers';
import { db } from './index';

/**
 * Inventory repositories: assets, import batches and their undo. They run on the main thread
 * and inside the import worker alike (Dexie works in both), so they do not track the save status;
 * callers on the main thread wrap writes in trackSave.
 */

/** One page of an assessment's assets, in primary-key order; small pages keep each read short. */
export function readAssetPage(assessmentId: string, offset: number, limit: number): Promise<Asset[]> {
  return db().assets.where('assessmentId').equals(assessmentId).offset(offset).limit(limit).toArray();
}

export function countAssets(assessmentId: string): Promise<number> {
  return db().assets.where('assessmentId').equals(assessmentId).count();
}

export function listImportBatches(assessmentId: string): Promise<ImportBatch[]> {
  return db()
    .importBatches.where('assessmentId')
    .equals(assessmentId)
    .toArray()
    .then((batches) => batches.sort((a, b) => b.importedAt.localeCompare(a.importedAt)));
}

export interface ImportedFile {
  name: string;
  sha256: string;
  size: number;
}

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

/** A native transaction on Dexie's connection, and a promise of its end (see commitImport for why). */
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

/**
 * Merges parsed records into an assessment's inventory and writes the result, with its batch
 * record, in ONE transaction: reading the current assets inside it means nothing written in between
 * is overwritten, and a failure (or a terminated worker) leaves the database as it was.
 *
 * The transaction is a native one on Dexie's own connection (backendDB): Dexie's change-tracking
 * middleware costs more than the write itself for 100,000 records (it builds key-range sets of
 * every index entry and broadcasts them to every page), and nothing live-queries the assets
 * table: the Inventory workspace reloads it itself once the import is done.
 */
export async function commitImport(
  assessmentId: string,
  format: string,
  file: ImportedFile,
  parsed: Pick<ParsedInventory, 'assets' | 'flows' | 'skipped' | 'warnings' | 'records'>,
): Promise<CommitResult> {
  const { tx, done } = await nativeTransaction(
    ['assessments', 'assets', 'flows', 'importBatches'],
    'readwrite',
  );
  let outcome: CommitResult;
  try {
    if (!(await settled(tx.objectStore('assessments').get(assessmentId))))
      throw new Error('This assessment no longer exists.');
    const assetStore = tx.objectStore('assets');
    const flowStore = tx.objectStore('flows');
    const assets = (await settled(assetStore.index('assessmentId').getAll(assessmentId))) as Asset[];
    const flows =
      parsed.flows.length > 0
        ? ((await settled(flowStore.index('assessmentId').getAll(assessmentId))) as Flow[])
        : [];
    const context = { id: newId(), assessmentId, format, fileName: file.name, at: nowIso() };
    const result = mergeIntoInventory(assets, parsed, context, flows);
    if (result.added.length === 0 && result.updated.length === 0 && result.flows.length === 0) {
      tx.abort();
      return { batch: null, counts: result.counts, warnings: result.warnings, inventory: assets };
    }
    const batch = makeImportBatch(context, file, parsed.records, result);
    // Requests are queued without awaiting each one; the transaction commits when all are done.
    for (const asset of result.added) assetStore.put(asset);
    for (const { asset } of result.updated) assetStore.put(asset);
    for (const flow of result.flows) flowStore.add(flow);
    tx.objectStore('importBatches').add(batch);
    const replaced = new Map(result.updated.map((u) => [u.asset.id, u.asset]));
    const inventory = assets.map((a) => replaced.get(a.id) ?? a).concat(result.added);
    if (result.added.length > 0) inventory.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    outcome = { batch, counts: result.counts, warnings: result.warnings, inventory };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw error;
  }
  await done;
  return outcome;
}

export class UndoBlockedError extends Error {
  override name = 'UndoBlockedError';
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
  if (!batch) throw new Error('This import is not in the history any more.');
  const undo = batch.undo as BatchUndo | undefined;
  if (!undo || undo.version !== 1) throw new Error(`${batch.fileName}: this import cannot be undone`);
  const assets = (await settled(
    tx.objectStore('assets').index('assessmentId').getAll(batch.assessmentId),
  )) as Asset[];
  const flows = (await settled(
    tx.objectStore('flows').index('assessmentId').getAll(batch.assessmentId),
  )) as Flow[];
  const plan = undoBatch({ assets, flows }, undo);
  const blockedBy: string[] = [];
  for (const id of plan.blockedBy) {
    const later = (await settled(tx.objectStore('importBatches').get(id))) as ImportBatch | undefined;
    blockedBy.push(later?.fileName ?? id);
  }
  return { batch, plan, blockedBy, assets };
}

/** Whether a batch can be undone now, and what undoing it would discard. */
export async function checkUndo(batchId: string): Promise<UndoCheck> {
  const { tx, done } = await nativeTransaction(['assets', 'flows', 'importBatches'], 'readonly');
  const { plan, blockedBy } = await planUndo(tx, batchId);
  await done;
  return {
    ok: plan.ok,
    blockedBy,
    edited: plan.editedAssetIds.length,
    deletes: plan.deleteAssetIds.length,
    restores: plan.restoreAssets.length,
  };
}

export interface UndoResult {
  batch: ImportBatch;
  /** The assessment's assets after the undo, in primary-key order. */
  inventory: Asset[];
}

/**
 * Undoes an import in one transaction: deletes what it added, puts back what it changed, removes
 * its batch record. Refused (UndoBlockedError) while a later import builds on its records. Native
 * IndexedDB like commitImport, so a 100,000-asset undo is as quick as its import.
 */
export async function undoImport(batchId: string): Promise<UndoResult> {
  const { tx, done } = await nativeTransaction(['assets', 'flows', 'importBatches'], 'readwrite');
  let result: UndoResult;
  try {
    const { batch, plan, blockedBy, assets } = await planUndo(tx, batchId);
    if (!plan.ok) {
      throw new UndoBlockedError(
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
    const inventory = assets.filter((a) => !deleted.has(a.id)).map((a) => restored.get(a.id) ?? a);
    result = { batch, inventory };
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

/** The fields a person may set on an asset by hand. */
export type AssetEdit = Partial<
  Pick<
    Asset,
    | 'name'
    | 'ips'
    | 'macs'
    | 'hostnames'
    | 'vendor'
    | 'model'
    | 'firmware'
    | 'os'
    | 'serial'
    | 'type'
    | 'purdueLevel'
    | 'protocols'
    | 'criticality'
    | 'zoneId'
    | 'notes'
  >
>;

/** Validates and writes an edit; throws a ZodError on bad input. */
export async function updateAsset(id: string, patch: AssetEdit): Promise<Asset> {
  const database = db();
  return database.transaction('rw', database.assets, async () => {
    const current = await database.assets.get(id);
    if (!current) throw new Error('This asset no longer exists.');
    const next = assetSchema.parse({ ...current, ...patch, updatedAt: nowIso() });
    await database.assets.put(next);
    return next;
  });
}

/** Stores an asset added by hand (see createManualAsset in shared/model). */
export async function addManualAsset(assessmentId: string, edit: AssetEdit): Promise<Asset> {
  const asset = createManualAsset(assessmentId, edit);
  await db().assets.add(asset);
  return asset;
}

/** Puts several assets in a zone (or none) in one transaction; returns them as written. */
export async function assignZone(ids: readonly string[], zoneId: string | null): Promise<Asset[]> {
  const database = db();
  return database.transaction('rw', database.assets, async () => {
    const at = nowIso();
    const current = await database.assets.bulkGet([...ids]);
    const next = current
      .filter((a): a is Asset => a !== undefined)
      .map((a) => ({ ...a, zoneId, updatedAt: at }));
    await database.assets.bulkPut(next);
    return next;
  });
}

// Settings: saved column-mapping presets and the table's column choice.

const PRESET_PREFIX = 'mapping-preset:';

export interface SavedMapping {
  name: string;
  mapping: unknown;
}

export async function listMappingPresets(): Promise<SavedMapping[]> {
  const rows = await db().settings.where('key').startsWith(PRESET_PREFIX).toArray();
  return rows
    .map((r) => ({ name: r.key.slice(PRESET_PREFIX.length), mapping: r.value }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function saveMappingPreset(name: string, mapping: unknown): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('a preset needs a name');
  await db().settings.put({
    key: PRESET_PREFIX + trimmed.slice(0, 100),
    value: mapping,
    updatedAt: nowIso(),
  });
}

export async function readSetting<T>(key: string): Promise<T | undefined> {
  return (await db().settings.get(key))?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await db().settings.put({ key, value, updatedAt: nowIso() });
}
