import {
  answerSchema,
  newId,
  nowIso,
  type Answer,
  type AnswerStatus,
  type Evidence,
} from '../../shared/model';
import { addEvidence, deleteEvidenceIfUnreferenced } from './evidence';
import { db } from './index';
import { trackSave } from './save-status';

/** Identifies one answer: a catalogue item in a zone of an assessment. */
export interface AnswerKey {
  assessmentId: string;
  zoneId: string;
  itemId: string;
}

/** What an assessor can change on an answer; omitted fields keep their value. */
export interface AnswerPatch {
  status?: AnswerStatus;
  notes?: string;
  justification?: string;
}

export function answersOfZone(zoneId: string): Promise<Answer[]> {
  return db().answers.where({ zoneId }).toArray();
}

export function answersOfAssessment(assessmentId: string): Promise<Answer[]> {
  return db().answers.where({ assessmentId }).toArray();
}

export function getAnswer(zoneId: string, itemId: string): Promise<Answer | undefined> {
  return db().answers.where({ zoneId, itemId }).first();
}

function blankAnswer(key: AnswerKey, now: string): Answer {
  return {
    id: newId(),
    ...key,
    createdAt: now,
    updatedAt: now,
    status: 'not-assessed',
    notes: '',
    justification: '',
    evidenceIds: [],
    answeredBy: null,
    answeredAt: null,
  };
}

/**
 * The answer after a patch. A change of status or justification records who answered and when;
 * notes alone do not. Throws a ZodError when the result is invalid (e.g. not applicable without a
 * reason), so nothing is written.
 */
function patched(current: Answer, patch: AnswerPatch, answeredBy: string | null, now: string): Answer {
  const decisive =
    (patch.status !== undefined && patch.status !== current.status) ||
    (patch.justification !== undefined && patch.justification !== current.justification);
  return answerSchema.parse({
    ...current,
    ...patch,
    updatedAt: now,
    answeredBy: decisive ? answeredBy : current.answeredBy,
    answeredAt: decisive ? now : current.answeredAt,
  });
}

/** Creates or updates the answer for (zone, item), in one transaction; returns the stored answer. */
export function saveAnswer(key: AnswerKey, patch: AnswerPatch, answeredBy: string | null): Promise<Answer> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.answers, async () => {
      const now = nowIso();
      const current = (await getAnswer(key.zoneId, key.itemId)) ?? blankAnswer(key, now);
      const next = patched(current, patch, answeredBy, now);
      await database.answers.put(next);
      return next;
    }),
  );
}

/**
 * Bulk answer: gives several zones the same answer to one item (e.g. a site-wide password policy),
 * all or nothing. With `evidenceIds` the zones link the same evidence records (added to theirs).
 */
export function applyAnswerToZones(
  assessmentId: string,
  zoneIds: readonly string[],
  itemId: string,
  answer: Required<AnswerPatch> & { evidenceIds?: readonly string[] },
  answeredBy: string | null,
): Promise<Answer[]> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.answers, async () => {
      const now = nowIso();
      const written: Answer[] = [];
      for (const zoneId of new Set(zoneIds)) {
        const current =
          (await getAnswer(zoneId, itemId)) ?? blankAnswer({ assessmentId, zoneId, itemId }, now);
        const evidenceIds = [...new Set([...current.evidenceIds, ...(answer.evidenceIds ?? [])])];
        const next = patched(
          { ...current, evidenceIds },
          { status: answer.status, notes: answer.notes, justification: answer.justification },
          answeredBy,
          now,
        );
        // A bulk answer always records who gave it, even where the zone already had the same answer.
        written.push({ ...next, answeredBy, answeredAt: now });
      }
      await database.answers.bulkPut(written);
      return written;
    }),
  );
}

/** Stores prepared evidence and links it to the answer (created if need be), in one transaction. */
export function attachEvidence(key: AnswerKey, evidence: readonly Evidence[]): Promise<Answer> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.answers, database.evidence, async () => {
      const now = nowIso();
      const current = (await getAnswer(key.zoneId, key.itemId)) ?? blankAnswer(key, now);
      await addEvidence(evidence);
      const next = answerSchema.parse({
        ...current,
        evidenceIds: [...current.evidenceIds, ...evidence.map((e) => e.id)],
        updatedAt: now,
      });
      await database.answers.put(next);
      return next;
    }),
  );
}

/** Unlinks evidence from the answer, and deletes the record when nothing else references it. */
export function detachEvidence(key: AnswerKey, evidenceId: string): Promise<{ deleted: boolean }> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.answers, database.connections, database.evidence, async () => {
      const current = await getAnswer(key.zoneId, key.itemId);
      if (current?.evidenceIds.includes(evidenceId)) {
        await database.answers.put({
          ...current,
          evidenceIds: current.evidenceIds.filter((id) => id !== evidenceId),
          updatedAt: nowIso(),
        });
      }
      const deleted = await deleteEvidenceIfUnreferenced(key.assessmentId, [evidenceId]);
      return { deleted: deleted.length > 0 };
    }),
  );
}
