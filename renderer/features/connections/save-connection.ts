import type { Connection } from '../../../shared/model';
import { saveConnection } from '../../db/connections';
import { addEvidence, deleteEvidenceIfUnreferenced, prepareEvidence } from '../../db/evidence';
import { db } from '../../db';
import { trackSave } from '../../db/save-status';

/**
 * Writes the new photos and the connection that lists them in one transaction; photos taken off
 * the connection are deleted when nothing else (an answer, another connection) still uses them.
 */
export async function saveConnectionWithPhotos(
  connection: Connection,
  newPhotos: File[],
  removedPhotoIds: string[],
): Promise<Connection> {
  // Hashing happens before the transaction: awaiting WebCrypto inside it would end it early.
  const prepared = await prepareEvidence(
    connection.assessmentId,
    await Promise.all(
      newPhotos.map(async (file) => ({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        mimeType: file.type || undefined,
      })),
    ),
  );
  const database = db();
  return trackSave(
    database.transaction('rw', [database.connections, database.answers, database.evidence], async () => {
      await addEvidence(prepared);
      const saved = await saveConnection({
        ...connection,
        evidenceIds: [
          ...connection.evidenceIds.filter((id) => !removedPhotoIds.includes(id)),
          ...prepared.map((e) => e.id),
        ],
      });
      await deleteEvidenceIfUnreferenced(connection.assessmentId, removedPhotoIds);
      return saved;
    }),
  );
}
