import { assetSchema, createManualAsset, nowIso, type Asset, type ImportBatch } from '../../shared/model';
import {
  makeImportBatch,
  mergeIntoInventory,
  outcomeOf,
  type ImportOutcome,
  type ParsedInventory,
} from '../../shared/importers';
import { normaliseNames } from '../../shared/vendors';
import { currentNormaliser } from './aliases';
import { commitBatch, type CommitResult } from './import-batches';
import { db } from './index';

/**
 * Inventory repositories: assets, their import (through import-batches.ts) and hand edits. They
 * run on the main thread and inside the import worker alike (Dexie works in both), so they do not
 * track the save status; callers on the main thread wrap writes in trackSave.
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

/** The parsed records with vendors and types under their normalised names (raw spellings kept). */
async function normalisedNames<P extends Pick<ParsedInventory, 'assets'>>(parsed: P): Promise<P> {
  const normaliser = await currentNormaliser();
  return { ...parsed, assets: parsed.assets.map((a) => normaliseNames(a, normaliser)) };
}

/**
 * Merges a parsed inventory file into an assessment's inventory and writes it through the one
 * import repository (commitBatch): one transaction, undone as a batch with undoBatch.
 */
export async function commitImport(
  assessmentId: string,
  format: string,
  file: ImportedFile,
  parsed: Pick<ParsedInventory, 'assets' | 'flows' | 'skipped' | 'warnings' | 'records'>,
): Promise<CommitResult & { outcome: ImportOutcome }> {
  let outcome: ImportOutcome | null = null;
  parsed = await normalisedNames(parsed);
  const committed = await commitBatch(
    assessmentId,
    { format, fileName: file.name, readFlows: parsed.flows.length > 0 },
    (current, context) => {
      const result = mergeIntoInventory(current.assets, parsed, context, current.flows);
      outcome = outcomeOf(parsed, result);
      if (result.added.length === 0 && result.updated.length === 0 && result.flows.length === 0)
        return { batch: null, counts: result.counts, warnings: result.warnings };
      return {
        batch: makeImportBatch(context, file, parsed.records, result),
        added: result.added,
        updated: result.updated.map((u) => u.asset),
        flows: result.flows,
        counts: result.counts,
        warnings: result.warnings,
      };
    },
  );
  return { ...committed, outcome: outcome! };
}

/**
 * What importing a parsed file would do now, without writing: the same merge as commitImport, on
 * the assessment's records as they are (the preview's counts, so they match the result's).
 */
export async function predictImport(
  assessmentId: string,
  format: string,
  fileName: string,
  parsed: Pick<ParsedInventory, 'assets' | 'flows' | 'skipped' | 'warnings' | 'records'>,
): Promise<ImportOutcome> {
  parsed = await normalisedNames(parsed);
  const database = db();
  const [assets, flows] = await database.transaction('r', database.assets, database.flows, () =>
    Promise.all([
      database.assets.where('assessmentId').equals(assessmentId).toArray(),
      parsed.flows.length > 0 ? database.flows.where('assessmentId').equals(assessmentId).toArray() : [],
    ]),
  );
  const context = { id: crypto.randomUUID(), assessmentId, format, fileName, at: nowIso() };
  return outcomeOf(parsed, mergeIntoInventory(assets, parsed, context, flows));
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
    // A name typed by hand replaces what the source said: no raw spelling is kept for it.
    const raw = {
      ...('vendor' in patch ? { vendorRaw: null } : {}),
      ...('type' in patch ? { typeRaw: null } : {}),
    };
    const next = assetSchema.parse({ ...current, ...patch, ...raw, updatedAt: nowIso() });
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
