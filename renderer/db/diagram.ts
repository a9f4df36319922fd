import type { Asset } from '../../shared/model';
import {
  DIAGRAM_WORKSPACE,
  type DiagramChange,
  type DiagramRecords,
  type DiagramUndoStep,
} from '../../shared/diagram';
import type { LogWrite } from '../../shared/undo';
import { nowIso } from '../../shared/model';
import { db } from './index';
import { listConduits, validateConduit } from './conduits';
import { listZones, validateZone } from './zones';
import { trackSave } from './save-status';
import { loadUndoSteps, writeUndoLog } from './undo-log';

/** Oldest first; plain comparison rather than localeCompare, which is slow over 20,000+ assets. */
function byCreation<T extends { createdAt: string; id: string }>(rows: T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id));
}

export async function loadZonesAndConduits(
  assessmentId: string,
): Promise<Pick<DiagramRecords, 'zones' | 'conduits'>> {
  const [zones, conduits] = await Promise.all([listZones(assessmentId), listConduits(assessmentId)]);
  return { zones: byCreation(zones), conduits: byCreation(conduits) };
}

export async function loadAssets(assessmentId: string): Promise<Asset[]> {
  return byCreation(await db().assets.where({ assessmentId }).toArray());
}

export async function loadDiagram(assessmentId: string): Promise<DiagramRecords> {
  const [records, assets] = await Promise.all([loadZonesAndConduits(assessmentId), loadAssets(assessmentId)]);
  return { ...records, assets };
}

export function loadDiagramHistory(assessmentId: string): Promise<DiagramUndoStep[]> {
  return loadUndoSteps<DiagramChange>(assessmentId, DIAGRAM_WORKSPACE);
}

/**
 * Writes one diagram edit with its undo-log update in a single transaction, so both land whole or
 * not at all. Zones and conduits are validated against the model before anything is written. A
 * null change writes only the log (history dropped after a blocked undo).
 */
export function applyDiagramChange(
  assessmentId: string,
  change: DiagramChange | null,
  log: LogWrite<DiagramChange> = { put: [], delete: [] },
): Promise<void> {
  const database = db();
  const now = nowIso();
  const validated = async () => {
    for (const { after } of change?.zones ?? []) if (after) validateZone(after);
    for (const { after } of change?.conduits ?? []) if (after) validateConduit(after);
  };
  return trackSave(validated().then(() => write(database, assessmentId, change, log, now)));
}

function write(
  database: ReturnType<typeof db>,
  assessmentId: string,
  change: DiagramChange | null,
  log: LogWrite<DiagramChange>,
  now: string,
) {
  return database.transaction(
    'rw',
    [
      database.zones,
      database.conduits,
      database.assets,
      database.answers,
      database.assessments,
      database.undoSteps,
    ],
    async () => {
      if (change) await writeChange(database, assessmentId, change, now);
      // After the change: a deletion's write has just recorded the answers its undo restores.
      await writeUndoLog(log);
    },
  );
}

async function writeChange(
  database: ReturnType<typeof db>,
  assessmentId: string,
  change: DiagramChange,
  now: string,
) {
  const deletedZoneIds = change.zones.filter((d) => d.before && !d.after).map((d) => d.before!.id);
  if (!change.answers && deletedZoneIds.length > 0) {
    const orphaned = await database.answers.where('zoneId').anyOf(deletedZoneIds).toArray();
    change.answers = orphaned.map((answer) => ({ before: answer, after: null }));
  }
  // Deletions of conduits first and creations of zones first keep references valid mid-way.
  for (const { after } of change.zones) if (after) await database.zones.put(after);
  for (const { before, after } of change.conduits) {
    if (after) await database.conduits.put(after);
    else if (before) await database.conduits.delete(before.id);
  }
  for (const { before, after } of change.assets) {
    if (after) await database.assets.put(after);
    else if (before) await database.assets.delete(before.id);
  }
  if (change.assetZones.length > 0) {
    await database.assets.bulkUpdate(
      change.assetZones.map(({ id, after }) => ({
        key: id,
        changes: { zoneId: after, updatedAt: now },
      })),
    );
  }
  for (const { before, after } of change.answers ?? []) {
    if (after) await database.answers.put(after);
    else if (before) await database.answers.delete(before.id);
  }
  for (const { before, after } of change.zones) if (!after && before) await database.zones.delete(before.id);
  await database.assessments.update(assessmentId, { updatedAt: now });
}
