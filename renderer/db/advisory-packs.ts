import { db } from './index';
import { trackSave } from './save-status';

/**
 * An advisory pack the assessor imported (packs are not per assessment: one plant floor laptop,
 * one set of advisories). The index is stored encoded (shared/advisories/index-file.ts). A KEV
 * catalog is stored the same way, `kind` "kev", with its CVE ids instead of an index.
 */
export interface StoredAdvisoryPack {
  id: string;
  name: string;
  importedAt: string;
  from: string | null;
  to: string | null;
  advisories: number;
  files: number;
  verified: number;
  superseded: number;
  problems: Array<{ file: string; message: string }>;
  sha256: string;
  index: Uint8Array;
  /** Absent on packs stored before KEV imports: a CSAF pack. */
  kind?: 'csaf' | 'kev';
  kev?: { version: string; cves: string[] };
}

export function listAdvisoryPacks(): Promise<StoredAdvisoryPack[]> {
  return db().advisoryPacks.orderBy('importedAt').toArray();
}

/** Stores an imported pack; one with the same content (sha256) is replaced, not doubled. */
export async function storeAdvisoryPack(pack: StoredAdvisoryPack): Promise<void> {
  const database = db();
  await trackSave(
    database.transaction('rw', database.advisoryPacks, async () => {
      const same = (await database.advisoryPacks.toArray()).filter((p) => p.sha256 === pack.sha256);
      await database.advisoryPacks.bulkDelete(same.map((p) => p.id));
      await database.advisoryPacks.put(pack);
    }),
  );
}

export function deleteAdvisoryPack(id: string): Promise<void> {
  return trackSave(db().advisoryPacks.delete(id));
}
