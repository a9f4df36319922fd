import type { AssessmentData } from './assessment-file';
import { newId } from './common';

const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A deep copy of an assessment in which every record id (and every reference to one, also
 * inside composite keys) is replaced by a fresh id. Used to duplicate an assessment and to
 * import a file whose assessment already exists.
 */
export function cloneWithNewIds(data: AssessmentData, makeId: () => string = newId): AssessmentData {
  const ids = new Map<string, string>();
  ids.set(data.assessment.id, makeId());
  for (const table of [
    data.zones,
    data.conduits,
    data.assets,
    data.importBatches,
    data.flows,
    data.answers,
    data.connections,
    data.triage,
    data.findings,
    data.evidence,
    data.vulnerabilities,
    data.riskMethods,
    data.riskScopes,
    data.zoneRisks,
    data.conduitRisks,
    data.threatScenarios,
    data.countermeasures,
    data.triageRules ?? [],
  ]) {
    for (const record of table) ids.set(record.id, makeId());
  }
  const remap = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(UUID_PATTERN, (match) => ids.get(match) ?? match);
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return value.map(remap);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, remap(inner)]));
    }
    return value;
  };
  return remap(data) as AssessmentData;
}
