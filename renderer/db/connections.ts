import {
  conduitSchema,
  connectionSchema,
  newId,
  nowIso,
  triageSchema,
  type Conduit,
  type Connection,
  type Flow,
  type ImportBatch,
  type Triage,
} from '../../shared/model';
import { db } from './index';
import { deleteEvidenceIfUnreferenced } from './evidence';

export function listConnections(assessmentId: string): Promise<Connection[]> {
  return db().connections.where({ assessmentId }).toArray();
}

/** Validates and writes a connection; throws a ZodError naming the field on bad input. */
export async function saveConnection(connection: Connection): Promise<Connection> {
  const valid = connectionSchema.parse({ ...connection, updatedAt: nowIso() });
  await db().connections.put(valid);
  return valid;
}

/** Deletes a connection with its photos, and any triage that pointed at it. */
export async function deleteConnection(connection: Connection): Promise<void> {
  const database = db();
  await database.transaction(
    'rw',
    [database.connections, database.answers, database.evidence, database.triage],
    async () => {
      await database.triage
        .where({ assessmentId: connection.assessmentId })
        .filter((t) => t.connectionId === connection.id)
        .delete();
      await database.connections.delete(connection.id);
      // Photos go with it, unless an answer or another connection uses them too.
      await deleteEvidenceIfUnreferenced(connection.assessmentId, connection.evidenceIds);
    },
  );
}

export function listFlows(assessmentId: string): Promise<Flow[]> {
  return db().flows.where({ assessmentId }).toArray();
}

export function listTriage(assessmentId: string): Promise<Triage[]> {
  return db().triage.where({ assessmentId }).toArray();
}

export function listCaptureBatches(assessmentId: string): Promise<ImportBatch[]> {
  return db()
    .importBatches.where({ assessmentId })
    .filter((b) => b.kind === 'capture')
    .toArray();
}

/** One decision per candidate: a new triage replaces the previous one for the same key. */
export async function saveTriage(
  assessmentId: string,
  decision: Pick<Triage, 'candidateKey' | 'decision' | 'reason' | 'connectionId' | 'conduitId'>,
): Promise<Triage> {
  const database = db();
  return database.transaction('rw', database.triage, async () => {
    const existing = await database.triage
      .where({ assessmentId, candidateKey: decision.candidateKey })
      .first();
    const now = nowIso();
    const triage = triageSchema.parse({
      id: existing?.id ?? newId(),
      assessmentId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...decision,
    });
    await database.triage.put(triage);
    return triage;
  });
}

/** Re-keyed triage (same ids, current candidate keys), written together. */
export function storeMigratedTriage(migrated: readonly Triage[]): Promise<void> {
  const database = db();
  return database.transaction('rw', database.triage, async () => {
    await database.triage.bulkPut(migrated.map((t) => triageSchema.parse(t)));
  });
}

export function deleteTriage(id: string): Promise<void> {
  return db().triage.delete(id);
}

/** Confirms a candidate: writes the prefilled connection and the triage that links it, together. */
export async function confirmCandidate(candidateKey: string, connection: Connection): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.connections, database.triage], async () => {
    await saveConnection(connection);
    await saveTriage(connection.assessmentId, {
      candidateKey,
      decision: 'confirmed',
      reason: '',
      connectionId: connection.id,
      conduitId: null,
    });
  });
}

/** Documents a candidate: writes the new or extended conduit and the triage, together. */
export async function documentWithConduit(candidateKey: string, conduit: Conduit): Promise<void> {
  const database = db();
  const valid = conduitSchema.parse({ ...conduit, updatedAt: nowIso() });
  await database.transaction('rw', [database.conduits, database.triage], async () => {
    await database.conduits.put(valid);
    await saveTriage(conduit.assessmentId, {
      candidateKey,
      decision: 'documented',
      reason: '',
      connectionId: null,
      conduitId: valid.id,
    });
  });
}

/** One dismissal, with one reason, for many candidates, in one transaction; returns the new records' ids. */
export async function dismissCandidates(
  assessmentId: string,
  candidateKeys: readonly string[],
  reason: string,
): Promise<string[]> {
  const database = db();
  return database.transaction('rw', database.triage, async () => {
    const ids: string[] = [];
    for (const candidateKey of candidateKeys) {
      const saved = await saveTriage(assessmentId, {
        candidateKey,
        decision: 'dismissed',
        reason,
        connectionId: null,
        conduitId: null,
      });
      ids.push(saved.id);
    }
    return ids;
  });
}

/** Removes several triage records at once: the Undo of a bulk dismissal. */
export function deleteTriageRecords(ids: readonly string[]): Promise<void> {
  const database = db();
  return database.transaction('rw', database.triage, () => database.triage.bulkDelete([...ids]));
}
