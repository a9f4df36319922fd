import type { AssessmentData } from './assessment-file';

/**
 * The assessment without records and links that point at something deleted: risk records,
 * scenarios and triage rules of a zone or conduit removed in the diagram, links to a deleted
 * scenario or photo. Nothing the user can still see is dropped, and the stored data is left as it
 * is; what leaves the app (the assessment file, the bundle) is always a file the app reads back.
 */
export function withoutDanglingReferences(data: AssessmentData): AssessmentData {
  const zoneIds = new Set(data.zones.map((z) => z.id));
  const conduits = data.conduits.filter((c) => zoneIds.has(c.fromZoneId) && zoneIds.has(c.toZoneId));
  const conduitIds = new Set(conduits.map((c) => c.id));
  const assetIds = new Set(data.assets.map((a) => a.id));
  const evidenceIds = new Set(data.evidence.map((e) => e.id));
  const hasEvidence = (id: string) => evidenceIds.has(id);
  const threatScenarios = data.threatScenarios.filter((s) =>
    s.target.kind === 'zone' ? zoneIds.has(s.target.zoneId) : conduitIds.has(s.target.conduitId),
  );
  const scenarioIds = new Set(threatScenarios.map((s) => s.id));
  return {
    ...data,
    conduits,
    assets: data.assets.map((a) => (a.zoneId && !zoneIds.has(a.zoneId) ? { ...a, zoneId: null } : a)),
    answers: data.answers
      .filter((a) => zoneIds.has(a.zoneId))
      .map((a) => ({ ...a, evidenceIds: a.evidenceIds.filter(hasEvidence) })),
    connections: data.connections.map((c) => ({ ...c, evidenceIds: c.evidenceIds.filter(hasEvidence) })),
    vulnerabilities: data.vulnerabilities.filter((v) => assetIds.has(v.assetId)),
    triageRules: (data.triageRules ?? []).filter(
      (r) => (r.zoneAId === null || zoneIds.has(r.zoneAId)) && (r.zoneBId === null || zoneIds.has(r.zoneBId)),
    ),
    zoneRisks: data.zoneRisks.filter((r) => zoneIds.has(r.zoneId)),
    conduitRisks: data.conduitRisks.filter((r) => conduitIds.has(r.conduitId)),
    threatScenarios,
    countermeasures: data.countermeasures.map((c) => ({
      ...c,
      scenarioIds: c.scenarioIds.filter((id) => scenarioIds.has(id)),
      conduitIds: c.conduitIds.filter((id) => conduitIds.has(id)),
      compensates: c.compensates.filter((a) => zoneIds.has(a.zoneId)),
    })),
  };
}
