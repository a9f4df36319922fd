import type { AssessmentData } from '../model/assessment-file';
import { conduitLabel, type RiskResult } from './assess';
import { riskMethodOf, suggestionsFor } from './from-assessment';
import { riskLabel } from './matrix';
import type { RiskMatrixShape } from './records/risk-method';
import type { ScenarioTarget } from './records/threat-scenario';

/** The risk assessment as machine-readable JSON (the `conduit risk` output). */
export function riskJson(data: AssessmentData, result: RiskResult) {
  const method = riskMethodOf(data);
  const targetName = targetNames(data);
  return {
    method: methodJson(method),
    zones: zonesJson(result),
    conduits: conduitsJson(result),
    scenarios: scenariosJson(data, result, method, targetName),
    countermeasures: countermeasuresJson(data),
    suggestions: suggestionsFor(data).map((s) => ({
      key: s.key,
      ...targetName(s.target),
      title: s.title,
      source: s.source,
      entryVector: s.entryVector.kind,
      techniques: s.techniques,
      reason: s.reason,
    })),
    warnings: result.warnings,
  };
}

type TargetName = (target: ScenarioTarget) => { zone?: string | undefined; conduit?: string | undefined };

/** A scenario's or suggestion's target by name: `{ zone }` or `{ conduit }`. */
function targetNames(data: AssessmentData): TargetName {
  const zoneNames = new Map(data.zones.map((z) => [z.id, z.name]));
  const conduitNames = new Map(data.conduits.map((c) => [c.id, conduitLabel(c, zoneNames)]));
  return (target) =>
    target.kind === 'zone'
      ? { zone: zoneNames.get(target.zoneId) }
      : { conduit: conduitNames.get(target.conduitId) };
}

function methodJson(method: RiskMatrixShape) {
  return {
    likelihood: method.likelihoodLevels.map((l) => l.label),
    consequence: method.consequenceLevels.map((l) => l.label),
    risk: method.riskLevels.map((l) => l.label),
    matrix: method.matrix,
    tolerable: riskLabel(method, method.tolerableLevel),
  };
}

function zonesJson(result: RiskResult) {
  return result.zones.map((z) => ({
    name: z.name,
    consequence: z.consequence.level,
    derivedSlt: z.derived.slt,
    slt: z.slt,
    sltSource: z.sltSource,
    rationale: z.rationale,
    ...(z.justification ? { justification: z.justification } : {}),
    warnings: z.warnings,
  }));
}

/** The conduits that have an SL-T of their own: derived from scenarios, or set by hand. */
function conduitsJson(result: RiskResult) {
  return result.conduits
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
    }));
}

function scenariosJson(
  data: AssessmentData,
  result: RiskResult,
  method: RiskMatrixShape,
  targetName: TargetName,
) {
  const scenarios = new Map(data.threatScenarios.map((s) => [s.id, s]));
  return result.scenarios.map((r) => {
    const s = scenarios.get(r.scenarioId)!;
    return {
      id: s.id,
      ...targetName(r.target),
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
  });
}

function countermeasuresJson(data: AssessmentData) {
  return data.countermeasures.map((c) => ({
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
  }));
}
