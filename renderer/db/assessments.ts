import {
  assessmentSchema,
  cloneWithNewIds,
  createAssessment,
  nowIso,
  type Assessment,
  type AssessmentData,
  type NewAssessmentInput,
} from '../../shared/model';
import type { Table } from 'dexie';
import { db } from './index';
import { allTables, loadAssessmentData, PLAIN_TABLES, type PlainRecords } from './assessment-data';
import { ASSESSMENT_TABLES, type StoredAlias } from './schema';
import { trackSave } from './save-status';

export { loadAssessmentData };

export function listAssessments(): Promise<Assessment[]> {
  return db().assessments.orderBy('updatedAt').reverse().toArray();
}

export function getAssessment(id: string): Promise<Assessment | undefined> {
  return db().assessments.get(id);
}

export async function createAssessmentRecord(input: NewAssessmentInput): Promise<Assessment> {
  const assessment = createAssessment(input);
  await trackSave(db().assessments.add(assessment));
  return assessment;
}

export type AssessmentPatch = Partial<Omit<Assessment, 'id' | 'createdAt' | 'updatedAt'>>;

/** Validates the edited assessment as a whole before writing it; throws a ZodError on bad input. */
export async function updateAssessment(id: string, patch: AssessmentPatch): Promise<Assessment> {
  return trackSave(
    db().transaction('rw', db().assessments, async () => {
      const current = await db().assessments.get(id);
      if (!current) throw new Error('This assessment no longer exists.');
      const next = assessmentSchema.parse({ ...current, ...patch, updatedAt: nowIso() });
      await db().assessments.put(next);
      return next;
    }),
  );
}

/** Marks the assessment as just edited, so it sorts first on the home screen. */
export function touchAssessment(id: string): Promise<number> {
  return db().assessments.update(id, { updatedAt: nowIso() });
}

export function setArchived(id: string, archived: boolean): Promise<Assessment> {
  return updateAssessment(id, { status: archived ? 'archived' : 'active' });
}

/** Removes the assessment and every record it owns, in one transaction. */
export async function deleteAssessment(id: string): Promise<void> {
  const database = db();
  await trackSave(
    database.transaction(
      'rw',
      [database.assessments, database.undoSteps, ...ASSESSMENT_TABLES.map((t) => database[t])],
      async () => {
        for (const table of ASSESSMENT_TABLES)
          await database[table].where('assessmentId').equals(id).delete();
        await database.undoSteps.where('assessmentId').equals(id).delete();
        await database.assessments.delete(id);
      },
    ),
  );
}

/** Writes a whole assessment in one transaction: it lands entirely or not at all. */
export async function writeAssessmentData(data: AssessmentData): Promise<void> {
  const database = db();
  await trackSave(
    database.transaction('rw', [...allTables(), database.aliases], async () => {
      await database.assessments.add(data.assessment);
      await addMissingAliases(data.aliases ?? []);
      for (const table of PLAIN_TABLES) {
        await (
          database[table] as unknown as Table<NonNullable<PlainRecords[typeof table]>[number], string>
        ).bulkAdd(data[table] ?? []);
      }
      await database.evidence.bulkAdd(
        data.evidence.map(({ bytes, ...meta }) => ({
          ...meta,
          blob: new Blob([(bytes ?? new Uint8Array()) as BlobPart], { type: meta.mimeType }),
        })),
      );
    }),
  );
}

/**
 * The file's aliases this app does not have yet. Where the assessor here already maps a spelling,
 * their own choice stays: a colleague's file does not rename this machine's inventories.
 */
async function addMissingAliases(aliases: readonly StoredAlias[]): Promise<void> {
  const table = db().aliases;
  const present = new Set(await table.toCollection().primaryKeys());
  await table.bulkAdd(aliases.filter((alias) => !present.has(alias.id)));
}

export async function duplicateAssessment(id: string): Promise<Assessment> {
  const source = await loadAssessmentData(id);
  const copy = cloneWithNewIds(source);
  const now = nowIso();
  copy.assessment = {
    ...copy.assessment,
    title: `${source.assessment.title} (copy)`,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  await writeAssessmentData(copy);
  return copy.assessment;
}

/**
 * Adds an assessment read from a file. When one with the same id is already here it comes in
 * as a copy with fresh ids, so nothing stored is overwritten.
 */
export async function importAssessmentData(
  data: AssessmentData,
): Promise<{ assessment: Assessment; asCopy: boolean }> {
  const exists = (await db().assessments.get(data.assessment.id)) !== undefined;
  const incoming = exists ? cloneWithNewIds(data) : data;
  if (exists)
    incoming.assessment = { ...incoming.assessment, title: `${data.assessment.title} (imported copy)` };
  await writeAssessmentData(incoming);
  return { assessment: incoming.assessment, asCopy: exists };
}
