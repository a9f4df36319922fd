import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import { catalogueOf, levelsOfZones, type ZoneLevels } from '../../../shared/catalogue';
import { db } from '../../db';

export type { ZoneLevels } from '../../../shared/catalogue';

/**
 * One live query per open assessment, shared by every caller (the diagram has a badge per zone node:
 * they must not each read every answer). Dropped when its last subscriber leaves.
 */
interface SharedLevels {
  levels: Map<string, ZoneLevels> | undefined;
  listeners: Set<() => void>;
  subscription: Subscription;
}
const shared = new Map<string, SharedLevels>();

function subscribeLevels(assessmentId: string, listener: () => void): () => void {
  let entry = shared.get(assessmentId);
  if (!entry) {
    const created: SharedLevels = { levels: undefined, listeners: new Set(), subscription: null! };
    created.subscription = liveQuery(async () => {
      const database = db();
      const [assessment, zones, answers] = await Promise.all([
        database.assessments.get(assessmentId),
        database.zones.where({ assessmentId }).toArray(),
        database.answers.where({ assessmentId }).toArray(),
      ]);
      return { version: assessment?.catalogueVersion, zones, answers };
    }).subscribe({
      next: ({ version, zones, answers }) => {
        created.levels = levelsOfZones(catalogueOf(version).catalogue, zones, answers);
        created.listeners.forEach((notify) => notify());
      },
    });
    shared.set(assessmentId, created);
    entry = created;
  }
  const current = entry;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.subscription.unsubscribe();
      shared.delete(assessmentId);
    }
  };
}

/**
 * Per zone of the assessment: SL-T, SL-A and gap vectors and progress, kept live as answers and
 * zones change. Undefined while loading. Reusable outside this workspace (the diagram's gap badge).
 */
export function useZoneLevels(assessmentId: string): Map<string, ZoneLevels> | undefined {
  const subscribe = useCallback(
    (listener: () => void) => subscribeLevels(assessmentId, listener),
    [assessmentId],
  );
  return useSyncExternalStore(subscribe, () => shared.get(assessmentId)?.levels);
}

/** One zone's levels (see useZoneLevels); cheap to call from every zone node. */
export function useLevelsOfZone(assessmentId: string, zoneId: string): ZoneLevels | undefined {
  return useZoneLevels(assessmentId)?.get(zoneId);
}
