import type { Catalogue, SecurityLevel } from '../catalogue/types';
import type { FrId } from '../model/common';

/**
 * The highest security level the catalogue distinguishes in an FR: the highest minimum level of
 * its items (FR6 and FR7 have none at SL 4 in IEC 62443-3-3, so they stop at 3).
 */
export function topLevelOf(catalogue: Catalogue, fr: FrId): SecurityLevel {
  let top = 0;
  for (const item of catalogue.items) if (item.fr === fr && item.minLevel > top) top = item.minLevel;
  return top as SecurityLevel;
}

export interface ChartCell {
  /** SL-T as drawn: never above what the catalogue has for the FR. */
  target: SecurityLevel;
  /** SL-A as drawn: capped at the drawn SL-T. */
  achieved: SecurityLevel;
  /** "2/≥2" style: SL-T, then SL-A with "≥" when the zone achieves more than its target. */
  label: string;
  meets: boolean;
}

/** What the SL chart draws for one zone and FR. */
export function chartCell(
  catalogue: Catalogue,
  fr: FrId,
  target: SecurityLevel,
  achieved: SecurityLevel,
): ChartCell {
  const top = topLevelOf(catalogue, fr);
  const shownTarget = Math.min(target, top) as SecurityLevel;
  const shownAchieved = Math.min(achieved, top) as SecurityLevel;
  const meets = shownAchieved >= shownTarget;
  const above = shownAchieved > shownTarget;
  const a = above ? `≥${shownTarget}` : String(shownAchieved);
  return {
    target: shownTarget,
    achieved: Math.min(shownAchieved, shownTarget) as SecurityLevel,
    label: `${shownTarget}/${a}`,
    meets,
  };
}
