import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  catalogueForVersion,
  evaluateZone,
  IEC62443_3_3,
  type Catalogue,
  type SlVector,
  type ZoneProgress,
} from '../../../shared/catalogue';
import type { Answer, Zone } from '../../../shared/model';
import { db } from '../../db';

/** One zone's levels: what the diagram's gap badge and the all-zones overview show. */
export interface ZoneLevels {
  zone: Zone;
  target: SlVector;
  achieved: SlVector;
  gap: SlVector;
  progress: ZoneProgress;
  /** Answers kept for items the SL-T no longer calls for. */
  outOfScope: number;
}

/** The catalogue an assessment names, or the shipped one when this build lacks it (`known` says which). */
export function catalogueOf(version: string | undefined): { catalogue: Catalogue; known: boolean } {
  const found = version ? catalogueForVersion(version) : undefined;
  return { catalogue: found ?? IEC62443_3_3, known: found !== undefined };
}

/** Groups answers by zone once, so evaluating many zones stays linear in the number of answers. */
export function answersByZone(answers: readonly Answer[]): Map<string, Answer[]> {
  const byZone = new Map<string, Answer[]>();
  for (const answer of answers) {
    const list = byZone.get(answer.zoneId);
    if (list) list.push(answer);
    else byZone.set(answer.zoneId, [answer]);
  }
  return byZone;
}

export function levelsOfZones(catalogue: Catalogue, zones: readonly Zone[], answers: readonly Answer[]) {
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
      outOfScope: evaluation.outOfScope.length,
    });
  }
  return levels;
}

/**
 * Per zone of the assessment: SL-T, SL-A and gap vectors and progress, kept live as answers and
 * zones change. Undefined while loading. Reusable outside this workspace (the diagram's gap badge).
 */
export function useZoneLevels(assessmentId: string): Map<string, ZoneLevels> | undefined {
  const data = useLiveQuery(async () => {
    const database = db();
    const [assessment, zones, answers] = await Promise.all([
      database.assessments.get(assessmentId),
      database.zones.where({ assessmentId }).toArray(),
      database.answers.where({ assessmentId }).toArray(),
    ]);
    return { version: assessment?.catalogueVersion, zones, answers };
  }, [assessmentId]);
  return useMemo(
    () => (data ? levelsOfZones(catalogueOf(data.version).catalogue, data.zones, data.answers) : undefined),
    [data],
  );
}
