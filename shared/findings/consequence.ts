import type { Criticality, Zone } from '../model/zone';

/**
 * What the 62443-3-2 risk assessment (shared/risk) provides: each zone's worst consequence on a
 * 1 (negligible) to 5 (catastrophic) scale. Zones it does not rate fall back to their criticality.
 */
export interface ZoneConsequenceInput {
  consequenceOf(zoneId: string): number | undefined;
}

const BY_CRITICALITY: Record<Criticality, number> = { low: 2, medium: 3, high: 4, critical: 5 };

export interface ZoneConsequence {
  /** 1..5 */
  level: number;
  source: 'risk assessment' | 'criticality';
}

/** The zone's consequence: from the risk assessment, else its criticality (a safety zone at least 4). */
export function zoneConsequence(
  zone: Pick<Zone, 'id' | 'kind' | 'criticality'>,
  risk?: ZoneConsequenceInput,
): ZoneConsequence {
  const rated = risk?.consequenceOf(zone.id);
  if (rated !== undefined && Number.isFinite(rated)) {
    return { level: Math.min(5, Math.max(1, Math.round(rated))), source: 'risk assessment' };
  }
  const level = BY_CRITICALITY[zone.criticality];
  return { level: zone.kind === 'safety' ? Math.max(4, level) : level, source: 'criticality' };
}
