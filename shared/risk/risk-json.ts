import type { AssessmentData } from '../model/assessment-file';
import { conduitLabel, type RiskResult } from './assess';
import { riskMethodOf, suggestionsFor } from './from-assessment';
import { riskLabel } from './matrix';

/** The risk assessment as machine-readable JSON (the `conduit risk` output). */
export function riskJson(data: AssessmentData, result: RiskResult) {
  const method = riskMethodOf(data);
  const zoneNames = new Map(data.zones.map((z) => [z.id, z.name]));
  const conduitNames = new Map(data.conduits.map((c) => [c.id, conduitLabel(c, zoneNames)]));
  const scenarios = new Map(data.threatScenarios.map((s) => [s.id, s]));
  return {
    method: {
      likelihood: method.likelihoodLevels.map((l) => l.label),
      consequence: method.consequenceLevels.map((l) => l.label),
      risk: method.riskLevels.map((l) => l.label),
      matrix: method.matrix,
      tolerable: riskLabel(method, method.tolerableLevel),
    },
    zones: result.zones.map((z) => ({
      name: z.name,
      consequence: z.consequence.level,
      derivedSlt: z.derived.slt,
      slt: z.slt,
      sltSource: z.sltSource,
      rationale: z.rationale,
      ...(z.justification ? { justification: z.justification } : {}),
      warnings: z.warnings,
    })),
    conduits: result.conduits
      .filter((c) => c.derived.scenarioCount > 0 || c.sltSource === 'manual')
      .map((c) => ({
        name: c.name,
        consequence: c.consequence,
        derivedSlt: c.derived.slt,
        floor: c.floor,
        slt: c.slt,
        sltSource: c.sltSource,
        rationale: c.rationale,
        ...(c.justification ? { justification: c.justification } : {}),
      })),
    scenarios: result.scenarios.map((r) => {
      const s = scenarios.get(r.scenarioId)!;
      return {
        id: s.id,
        ...(r.target.kind === 'zone'
          ? { zone: zoneNames.get(r.target.zoneId) }
          : { conduit: conduitNames.get(r.target.conduitId) }),
        title: s.title,
        source: s.source,
        capability: s.capability,
        entryVector: s.entryVector.kind,
        techniques: s.techniques,
        likelihood: r.likelihood,
        consequence: r.consequence,
        risk: riskLabel(method, r.inherent),
        residualRisk: riskLabel(method, r.residual),
        tolerable: r.tolerable,
        countermeasures: r.countermeasureIds,
      };
    }),
    countermeasures: data.countermeasures.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      status: c.status,
      items: c.itemIds,
      controls: c.controls,
      scenarios: c.scenarioIds,
      likelihoodReduction: c.likelihoodReduction,
      consequenceReduction: c.consequenceReduction,
      owner: c.owner,
      dueDate: c.dueDate,
    })),
    suggestions: suggestionsFor(data).map((s) => ({
      key: s.key,
      ...(s.target.kind === 'zone'
        ? { zone: zoneNames.get(s.target.zoneId) }
        : { conduit: conduitNames.get(s.target.conduitId) }),
      title: s.title,
      source: s.source,
      entryVector: s.entryVector.kind,
      techniques: s.techniques,
      reason: s.reason,
    })),
    warnings: result.warnings,
  };
}
