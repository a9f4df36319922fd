import type { AssessmentData } from '../model/assessment-file';
import type { Criticality, Zone } from '../model/zone';
import { zoneConsequence as riskZoneConsequence } from '../risk/consequence';
import { defaultRiskMethodFields } from '../risk/records/risk-method';

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

export type RiskConsequenceData = Pick<AssessmentData, 'zones'> &
  Partial<Pick<AssessmentData, 'zoneRisks' | 'riskMethods'>>;

/** A level on an n-step consequence scale, placed on the findings' 1..5 scale (ends meet ends). */
export function toFivePointScale(level: number, size: number): number {
  if (size <= 1) return 5;
  return 1 + ((level - 1) * 4) / (size - 1);
}

/**
 * Each zone's consequence from the assessment's own risk records: the highest impact category the
 * assessor rated. A zone without a rated category is left unrated here so it falls back to its
 * criticality; the safety default shared/risk applies to safety zones counts only alongside a rating.
 */
export function riskConsequenceOf(data: RiskConsequenceData): ZoneConsequenceInput {
  const method = data.riskMethods?.[0] ?? defaultRiskMethodFields();
  const size = method.consequenceLevels.length;
  const riskByZone = new Map((data.zoneRisks ?? []).map((r) => [r.zoneId, r]));
  const levels = new Map<string, number>();
  for (const zone of data.zones) {
    const zoneRisk = riskByZone.get(zone.id);
    if (!zoneRisk || Object.keys(zoneRisk.consequences).length === 0) continue;
    const { level } = riskZoneConsequence(zone, zoneRisk, method);
    if (level !== null) levels.set(zone.id, toFivePointScale(level, size));
  }
  return { consequenceOf: (zoneId) => levels.get(zoneId) };
}
