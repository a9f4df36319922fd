import type { FindingSettings } from '../model/assessment';
import { FR_IDS, type FrId } from '../model/common';
import type { Effort } from '../model/findings';

/**
 * In OT a failure of availability, integrity or the zone boundary stops or misdirects the process;
 * a confidentiality lapse rarely does. So by default FR3, FR5 and FR7 weigh more, FR4 less.
 */
export const DEFAULT_FR_WEIGHTS: Readonly<Record<FrId, number>> = {
  FR1: 1,
  FR2: 1,
  FR3: 1.2,
  FR4: 0.6,
  FR5: 1.2,
  FR6: 0.8,
  FR7: 1.2,
};

/** Effort points per finding size, against the per-quarter capacity. */
export const EFFORT_POINTS: Readonly<Record<Effort, number>> = { S: 1, M: 3, L: 8 };

/** Effort points per quarter when the assessment sets none: no limit. */
export const DEFAULT_QUARTER_CAPACITY = null;

export interface ResolvedFindingSettings {
  frWeights: Readonly<Record<FrId, number>>;
  /** Effort points the client can take on per quarter; null means no limit. */
  quarterCapacity: number | null;
}

/** The assessment's settings over the defaults. */
export function resolveFindingSettings(settings: FindingSettings | undefined): ResolvedFindingSettings {
  const frWeights = Object.fromEntries(
    FR_IDS.map((fr) => [fr, settings?.frWeights?.[fr] ?? DEFAULT_FR_WEIGHTS[fr]]),
  ) as Record<FrId, number>;
  return { frWeights, quarterCapacity: settings?.quarterCapacity ?? DEFAULT_QUARTER_CAPACITY };
}
