import type { Answer, Zone } from '../model';
import { answersByZone, evaluateZone, type SlVector, type ZoneProgress } from './security-levels';
import type { Catalogue } from './types';

/** One zone's levels: what the diagram's gap badge and the all-zones overview show. */
export interface ZoneLevels {
  zone: Zone;
  target: SlVector;
  achieved: SlVector;
  gap: SlVector;
  progress: ZoneProgress;
  /** Some required item is not assessed yet: SL-A may still rise. */
  provisional: boolean;
  /** Answers kept for items the SL-T no longer calls for. */
  outOfScope: number;
}

export function levelsOfZones(
  catalogue: Catalogue,
  zones: readonly Zone[],
  answers: readonly Answer[],
): Map<string, ZoneLevels> {
  const byZone = answersByZone(answers);
  const levels = new Map<string, ZoneLevels>();
  for (const zone of zones) {
    const evaluation = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
    levels.set(zone.id, {
      zone,
      target: evaluation.target,
      achieved: evaluation.achieved,
      gap: evaluation.gap,
      progress: evaluation.progress,
      provisional: evaluation.provisional,
      outOfScope: evaluation.outOfScope.length,
    });
  }
  return levels;
}
