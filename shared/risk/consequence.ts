import type { Zone } from '../model/zone';
import { IMPACT_CATEGORIES, type ImpactCategory, type RiskMatrixShape } from './records/risk-method';
import type { ZoneRisk } from './records/zone-risk';
import { clampLevel } from './matrix';

export interface ZoneConsequence {
  /** Per category: the level rated, or the default, or null when not rated. */
  byCategory: Record<ImpactCategory, number | null>;
  /** Categories whose level is a default rather than the assessor's rating. */
  defaulted: ImpactCategory[];
  /** The highest category, or null when none is rated. */
  level: number | null;
}

/**
 * A zone's worst-case unmitigated consequence: the highest of its impact categories. A safety
 * zone whose health-and-safety category is not rated gets the top of the scale: losing a safety
 * function is assumed to be able to kill until the assessor says otherwise.
 */
export function zoneConsequence(
  zone: Pick<Zone, 'kind'>,
  zoneRisk: Pick<ZoneRisk, 'consequences'> | undefined,
  method: Pick<RiskMatrixShape, 'consequenceLevels'>,
): ZoneConsequence {
  const size = method.consequenceLevels.length;
  const byCategory = {} as Record<ImpactCategory, number | null>;
  const defaulted: ImpactCategory[] = [];
  for (const category of IMPACT_CATEGORIES) {
    const rated = zoneRisk?.consequences[category];
    if (rated !== undefined) byCategory[category] = clampLevel(rated, size);
    else if (category === 'safety' && zone.kind === 'safety') {
      byCategory[category] = size;
      defaulted.push(category);
    } else byCategory[category] = null;
  }
  const levels = Object.values(byCategory).filter((v): v is number => v !== null);
  return { byCategory, defaulted, level: levels.length > 0 ? Math.max(...levels) : null };
}

/** A zone's ratings with one category rated at `level`, or left unrated (null): a new object. */
export function withConsequence(
  consequences: ZoneRisk['consequences'] | undefined,
  category: ImpactCategory,
  level: number | null,
): ZoneRisk['consequences'] {
  const next = { ...(consequences ?? {}) };
  if (level === null) delete next[category];
  else next[category] = level;
  return next;
}
