import { evidenceMetaSchema, newId, nowIso, sha256Hex, type Evidence } from '../../shared/model';
import { db } from './index';
import { trackSave } from './save-status';

/** A file picked from disk or dropped on the window, before it is stored. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
  /** From the browser's File.type when known; otherwise guessed from the name. */
  mimeType?: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  pcap: 'application/vnd.tcpdump.pcap',
  pcapng: 'application/vnd.tcpdump.pcap',
};

export function mimeTypeFor(name: string, given?: string): string {
  if (given) return given;
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Browsers show these inline as <img>; anything else gets a file tile. */
export function isDisplayableImage(mimeType: string): boolean {
  return /^image\/(png|jpeg|gif|webp|bmp|svg\+xml|avif)$/.test(mimeType);
}

/**
 * Turns picked files into evidence records (Blob + SHA-256). Hashing happens here, before any
 * transaction: awaiting WebCrypto inside a Dexie transaction would end it early.
 */
export async function prepareEvidence(
  assessmentId: string,
  files: readonly IncomingFile[],
): Promise<Evidence[]> {
  return Promise.all(
    files.map(async (file) => {
      const now = nowIso();
      const mimeType = mimeTypeFor(file.name, file.mimeType);
      const meta = evidenceMetaSchema.parse({
        id: newId(),
        assessmentId,
        createdAt: now,
        updatedAt: now,
        name: file.name.slice(0, 500) || 'unnamed',
        mimeType,
        size: file.bytes.byteLength,
        sha256: await sha256Hex(file.bytes),
        caption: '',
        capturedAt: now,
      });
      return { ...meta, blob: new Blob([file.bytes as BlobPart], { type: mimeType }) };
    }),
  );
}

/** Stores prepared evidence; call inside the caller's transaction to link it atomically. */
export function addEvidence(records: readonly Evidence[]): Promise<string[]> {
  return db().evidence.bulkAdd([...records], { allKeys: true });
}

/** Evidence records with these ids, in the order given; ids no longer stored are skipped. */
export async function listEvidence(ids: readonly string[]): Promise<Evidence[]> {
  if (ids.length === 0) return [];
  const found = await db().evidence.bulkGet([...ids]);
  return found.filter((record): record is Evidence => record !== undefined);
}

/** Every evidence id an assessment's records still point at (answers and connections). */
export async function referencedEvidenceIds(assessmentId: string): Promise<Set<string>> {
  const database = db();
  const referenced = new Set<string>();
  await database.answers
    .where({ assessmentId })
    .each((answer) => answer.evidenceIds.forEach((id) => referenced.add(id)));
  await database.connections
    .where({ assessmentId })
    .each((connection) => connection.evidenceIds.forEach((id) => referenced.add(id)));
  return referenced;
}

/**
 * Deletes those of the given evidence records that nothing references any more; returns the ids
 * deleted. Runs in the caller's transaction when there is one (it must include answers, connections
 * and evidence).
 */
export async function deleteEvidenceIfUnreferenced(
  assessmentId: string,
  candidateIds: readonly string[],
): Promise<string[]> {
  if (candidateIds.length === 0) return [];
  const referenced = await referencedEvidenceIds(assessmentId);
  const orphans = candidateIds.filter((id) => !referenced.has(id));
  await db().evidence.bulkDelete(orphans);
  return orphans;
}

/** Updates an evidence record's caption. */
export function setEvidenceCaption(id: string, caption: string): Promise<number> {
  return trackSave(db().evidence.update(id, { caption: caption.slice(0, 5000), updatedAt: nowIso() }));
}
