import { reconcile, withTriage } from '../network/reconcile';
import { applyTriageRules } from '../network/triage-rules';
import type { AssessmentData } from '../model/assessment-file';
import { assessRisk, type RiskInput, type RiskResult } from './assess';
import { defaultRiskMethodFields, type RiskMatrixShape } from './records/risk-method';
import { suggestScenarios, type SuggestedScenario, type UndocumentedFlow } from './suggestions';

/** The assessment's risk method, or the 5×5 default when the assessor has not changed it. */
export function riskMethodOf(data: Pick<AssessmentData, 'riskMethods'>): RiskMatrixShape {
  return data.riskMethods[0] ?? defaultRiskMethodFields();
}

export function riskInputOf(data: AssessmentData): RiskInput {
  return {
    method: riskMethodOf(data),
    zones: data.zones,
    conduits: data.conduits,
    zoneRisks: data.zoneRisks,
    scenarios: data.threatScenarios,
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
