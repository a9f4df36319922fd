import {
  catalogueForVersion,
  evaluateZone,
  IEC62443_3_3,
  type Catalogue,
  type ZoneEvaluation,
} from '../catalogue';
import type { Answer, AssessmentData, EndpointRef, Finding, Severity, Zone } from '../model';
import { SEVERITIES } from '../model';
import { endpointLabel } from '../network/endpoint-label';

export interface ZoneResult {
  zone: Zone;
  evaluation: ZoneEvaluation<Answer>;
  assetCount: number;
  totalGap: number;
}

/** What the report's sections read, derived once from the assessment. */
export interface ReportModel {
  data: AssessmentData;
  catalogue: Catalogue;
  /** False when the assessment names a catalogue version this build does not ship (the shipped one is used). */
  catalogueMatches: boolean;
  zones: ZoneResult[];
  zoneName: (id: string | null | undefined) => string;
  assetName: (id: string) => string;
  endpointLabel: (ref: EndpointRef) => string;
  openFindings: Finding[];
  dismissedFindings: Finding[];
  findingLabel: (finding: Finding) => string;
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

export function bySeverityThenOrder(a: Finding, b: Finding): number {
  return SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)! || a.order - b.order;
}

/** Where a finding sits on the first-year roadmap: the same rule as the Findings workspace. */
export { roadmapSlotOf } from '../findings';

export function buildReportModel(data: AssessmentData): ReportModel {
  const shipped = catalogueForVersion(data.assessment.catalogueVersion);
  const catalogue = shipped ?? IEC62443_3_3;
  const assetsPerZone = new Map<string, number>();
  for (const asset of data.assets) {
    if (asset.zoneId) assetsPerZone.set(asset.zoneId, (assetsPerZone.get(asset.zoneId) ?? 0) + 1);
  }
  const answersPerZone = new Map<string, Answer[]>();
  for (const answer of data.answers) {
    const list = answersPerZone.get(answer.zoneId) ?? [];
    list.push(answer);
    answersPerZone.set(answer.zoneId, list);
  }
  const zones = data.zones.map((zone): ZoneResult => {
    const evaluation = evaluateZone(catalogue, zone, answersPerZone.get(zone.id) ?? []);
    const totalGap = Object.values(evaluation.gap).reduce<number>((n, g) => n + g, 0);
    return { zone, evaluation, assetCount: assetsPerZone.get(zone.id) ?? 0, totalGap };
  });
  const zoneNames = new Map(data.zones.map((z) => [z.id, z.name]));
  const assetNames = new Map(data.assets.map((a) => [a.id, a.name || a.ips[0] || a.macs[0] || a.id]));
  const zoneName = (id: string | null | undefined) =>
    id ? (zoneNames.get(id) ?? 'unknown zone') : 'no zone';
  const assetName = (id: string) => assetNames.get(id) ?? 'unknown asset';
  const endpointNames = {
    assets: new Map(data.assets.map((a) => [a.id, a])),
    zones: new Map(data.zones.map((z) => [z.id, z])),
  };
  const findings = [...data.findings].sort((a, b) => a.order - b.order);
  const numbers = new Map(findings.map((f, i) => [f.id, `F-${String(i + 1).padStart(2, '0')}`]));
  return {
    data,
    catalogue,
    catalogueMatches: Boolean(shipped),
    zones,
    zoneName,
    assetName,
    endpointLabel: (ref) => endpointLabel(ref, endpointNames),
    openFindings: findings.filter((f) => f.status === 'open'),
    dismissedFindings: findings.filter((f) => f.status === 'dismissed'),
    findingLabel: (f) => numbers.get(f.id) ?? 'F-?',
  };
}
