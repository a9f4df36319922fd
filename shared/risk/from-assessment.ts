import { reconcile, withTriage } from '../network/reconcile';
import { applyTriageRules } from '../network/triage-rules';
import type { AssessmentData } from '../model/assessment-file';
import { assessRisk, type RiskInput, type RiskResult } from './assess';
import { defaultRiskMethodFields, type RiskMatrixShape } from './records/risk-method';
import { exclusionTest } from './scope';
import { suggestScenarios, type SuggestedScenario, type UndocumentedFlow } from './suggestions';

/** The assessment's risk method, or the 5×5 default when the assessor has not changed it. */
export function riskMethodOf(data: Pick<AssessmentData, 'riskMethods'>): RiskMatrixShape {
  return data.riskMethods[0] ?? defaultRiskMethodFields();
}

/**
 * What the risk derivation reads: the zones and conduits of the system under consideration, and
 * the scenarios on them. Excluded elements (with their scenarios) drop out.
 */
export function riskInputOf(data: AssessmentData): RiskInput {
  const excluded = exclusionTest(data.riskScopes[0]);
  return {
    method: riskMethodOf(data),
    zones: data.zones.filter((z) => !excluded('zone', z.id)),
    conduits: data.conduits.filter((c) => !excluded('conduit', c.id)),
    zoneRisks: data.zoneRisks,
    conduitRisks: data.conduitRisks,
    scenarios: data.threatScenarios.filter((s) =>
      s.target.kind === 'zone'
        ? !excluded('zone', s.target.zoneId)
        : !excluded('conduit', s.target.conduitId),
    ),
    countermeasures: data.countermeasures,
  };
}

export function assessmentRisk(data: AssessmentData): RiskResult {
  return assessRisk(riskInputOf(data));
}

/** Flows no conduit allows, from reconciliation, minus the candidates the assessor dismissed. */
export function undocumentedFlowsOf(
  data: Pick<AssessmentData, 'zones' | 'conduits' | 'assets' | 'flows' | 'triage' | 'triageRules'>,
): UndocumentedFlow[] {
  const { candidates } = reconcile(data);
  // A candidate a triage rule dismissed counts as one dismissed by hand.
  return withTriage(candidates, applyTriageRules(candidates, data.triage, data.triageRules ?? []))
    .filter((c) => c.kind === 'undocumented-flow' && c.triage?.decision !== 'dismissed')
    .map((c) => ({ key: c.key, fromZoneId: c.fromZoneId, toZoneId: c.toZoneId, summary: c.summary }));
}

export function suggestionsFor(data: AssessmentData): SuggestedScenario[] {
  return suggestScenarios({
    method: riskMethodOf(data),
    zones: data.zones,
    conduits: data.conduits,
    connections: data.connections,
    assets: data.assets,
    undocumentedFlows: undocumentedFlowsOf(data),
    scope: data.riskScopes[0] ?? null,
    scenarios: data.threatScenarios,
  });
}
