import type { Connection } from '../../../shared/model';
import { addPhoto, deleteEvidence, saveConnection } from '../../db/connections';
import { trackSave } from '../../db/save-status';

/** Writes the photos first, then the connection that lists them; removed photos are deleted after. */
export async function saveConnectionWithPhotos(
  connection: Connection,
  newPhotos: File[],
  removedPhotoIds: string[],
): Promise<Connection> {
  return trackSave(
    (async () => {
      const added = [];
      for (const file of newPhotos) added.push(await addPhoto(connection.assessmentId, file));
      const saved = await saveConnection({
        ...connection,
        evidenceIds: [
          ...connection.evidenceIds.filter((id) => !removedPhotoIds.includes(id)),
          ...added.map((e) => e.id),
        ],
      });
      for (const id of removedPhotoIds) await deleteEvidence(id);
      return saved;
    })(),
  );
}
