import { nowIso, type Asset } from '../../shared/model';
import { aliasId, Normaliser, normaliseNames, type AliasEdit } from '../../shared/vendors';
import { db } from './index';
import type { StoredAlias } from './schema';

/**
 * The assessor's vendor and device-type aliases (over the built-in tables in shared/vendors): read
 * by every import, here and in the import worker, and applied to the stored assets when they change.
 */

export async function listAliases(): Promise<StoredAlias[]> {
  const all = await db().aliases.toArray();
  return all.sort((a, b) => a.kind.localeCompare(b.kind) || a.canonical.localeCompare(b.canonical));
}

/** The normaliser as the assessor has it now: the built-in tables with their edits. */
export async function currentNormaliser(): Promise<Normaliser> {
  return new Normaliser(await db().aliases.toArray());
}

/** Adds or replaces the alias of one spelling; refuses an empty spelling or name. */
export async function saveAlias(edit: AliasEdit): Promise<StoredAlias> {
  const spelling = edit.spelling.trim();
  const canonical = edit.canonical.trim();
  if (!spelling) throw new Error('Type the spelling found in the exports.');
  if (!canonical) throw new Error('Type the name it stands for.');
  const record: StoredAlias = {
    id: aliasId(edit),
    kind: edit.kind,
    spelling,
    canonical,
    updatedAt: nowIso(),
  };
  await db().aliases.put(record);
  return record;
}

export async function removeAlias(id: string): Promise<void> {
  await db().aliases.delete(id);
}

/**
 * Normalises the vendor and type of every asset of an assessment with the current aliases (from
 * each one's raw spelling), in one transaction; resolves with the assets that changed.
 */
export async function renormaliseInventory(assessmentId: string): Promise<Asset[]> {
  const database = db();
  return database.transaction('rw', database.assets, database.aliases, async () => {
    const normaliser = new Normaliser(await database.aliases.toArray());
    const assets = await database.assets.where('assessmentId').equals(assessmentId).toArray();
    const at = nowIso();
    const changed = assets
      .map((asset) => normaliseNames(asset, normaliser))
      .filter((next, i) => next !== assets[i])
      .map((asset) => ({ ...asset, updatedAt: at }));
    await database.assets.bulkPut(changed);
    return changed;
  });
}
