import type { Table } from 'dexie';
import { withoutDanglingReferences, type AssessmentData } from '../../shared/model';
import { db } from './index';
import { ASSESSMENT_TABLES } from './schema';

/**
 * Reading a whole assessment. Kept apart from the writes in assessments.ts (which track the save
 * status for the page) so that a worker, the bundle's, can read its own data.
 */

/** Record tables other than evidence, whose Blobs need converting. */
export const PLAIN_TABLES = ASSESSMENT_TABLES.filter((t) => t !== 'evidence') as Exclude<
  (typeof ASSESSMENT_TABLES)[number],
  'evidence'
>[];
export type PlainRecords = Pick<AssessmentData, (typeof PLAIN_TABLES)[number]>;
/** What every record table's rows have in common; the tables differ in the rest. */
type RecordRow = { id: string; assessmentId: string; createdAt: string };

function byCreation<T extends { createdAt: string; id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function allTables() {
  const database = db();
  return [database.assessments, ...ASSESSMENT_TABLES.map((t) => database[t])];
}

/**
 * Everything an assessment holds, evidence bytes included, without links to records since deleted
 * (a deleted zone's risk records, say), so that the file and the bundle made from it always read back.
 */
export async function loadAssessmentData(id: string): Promise<AssessmentData> {
  const database = db();
  const stored = await database.transaction('r', [...allTables(), database.aliases], async () => {
    const assessment = await database.assessments.get(id);
    if (!assessment) throw new Error('This assessment no longer exists.');
    const rows = await Promise.all(
      PLAIN_TABLES.map((table) =>
        (database[table] as Table<RecordRow, string>).where({ assessmentId: id }).toArray(),
      ),
    );
    const records = Object.fromEntries(PLAIN_TABLES.map((table, i) => [table, byCreation(rows[i]!)]));
    const evidence = await database.evidence.where({ assessmentId: id }).toArray();
    // App-wide, but they shaped this assessment's vendor and type names: the file carries them.
    const aliases = await database.aliases.orderBy('id').toArray();
    return { assessment, records: records as unknown as PlainRecords, evidence, aliases };
  });
  // Blobs are read after the transaction: awaiting anything but IndexedDB inside it would end it early.
  const evidence = await Promise.all(
    byCreation(stored.evidence).map(async ({ blob, ...meta }) => ({
      ...meta,
      bytes: new Uint8Array(await blob.arrayBuffer()),
    })),
  );
  return withoutDanglingReferences({
    assessment: stored.assessment,
    ...stored.records,
    evidence,
    // Like the file, which leaves out an empty list.
    ...(stored.aliases.length > 0 ? { aliases: stored.aliases } : {}),
  });
}
