import type { FrId } from '../model/common';
import { riskLabel } from './matrix';
import type { RiskMatrixShape } from './records/risk-method';
import {
  CAPABILITY_LABELS,
  THREAT_SOURCE_LABELS,
  type Capability,
  type ThreatSource,
} from './threat-sources';

export interface FrDerivation {
  fr: FrId;
  /** 0 = nothing derived (no scenarios), else 1..4. */
  level: number;
  /** The intolerable scenarios of the highest capability that set the level (empty at SL 1). */
  drivers: { scenarioId: string; title: string; source: ThreatSource; risk: number }[];
}

/** The SL-T derivation as the report's method section states it, in words. */
export const DERIVATION_METHOD: string[] = [
  'Each threat scenario is rated on the risk matrix from its likelihood and its consequence; only scenarios above the tolerable-risk line count towards the SL-T, so threats are judged after their consequence.',
  'A zone or conduit whose intolerable scenarios come only from casual or coincidental threats, or that has no intolerable scenario, gets SL 1.',
  'Intentional threats with simple means (low resources, generic skills) give SL 2.',
  'Sophisticated means with moderate resources (criminal, hacktivist) give SL 3.',
  'Sophisticated means with extended resources (nation-state) give SL 4.',
  'The level is set per foundational requirement: a scenario that names the FRs it attacks raises only those; one that names none raises all seven.',
  'Countermeasures outside the zone’s own IEC 62443-3-3 requirements (conduit controls, physical and procedural measures) lower the risk the SL-T is derived from; those that stand for the zone’s requirements are what the SL-T asks for and are credited only in the residual risk.',
  'A hand-set SL-T needs a justification; the derived value is kept beside it.',
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "FR1–FR3, FR5: SL 3, from …; FR4, FR6, FR7: SL 1, no intolerable scenario." */
export function derivationRationale(
  perFr: readonly FrDerivation[],
  scenarioCount: number,
  method: RiskMatrixShape,
): string {
  if (scenarioCount === 0) return 'No threat scenarios have been assessed: the SL-T cannot be derived.';
  const groups = new Map<string, { frs: FrId[]; derivation: FrDerivation }>();
  for (const derivation of perFr) {
    const key = `${derivation.level}|${derivation.drivers.map((d) => d.scenarioId).join(',')}`;
    const group = groups.get(key);
    if (group) group.frs.push(derivation.fr);
    else groups.set(key, { frs: [derivation.fr], derivation });
  }
  const parts = [...groups.values()].map(({ frs, derivation }) => {
    const frText = frs.length === 7 ? 'All FRs' : frs.join(', ');
    if (derivation.drivers.length === 0)
      return `${frText}: SL 1 (protection against ${CAPABILITY_LABELS[1]}), no scenario above the tolerable line (${riskLabel(method, method.tolerableLevel)})`;
    const capability = derivation.level as Capability;
    const sources = [...new Set(derivation.drivers.map((d) => THREAT_SOURCE_LABELS[d.source].toLowerCase()))];
    const shown = derivation.drivers.slice(0, 3).map((d) => `"${d.title}" (${riskLabel(method, d.risk)})`);
    const more = derivation.drivers.length > 3 ? ` and ${derivation.drivers.length - 3} more` : '';
    return `${frText}: SL ${capability} (${CAPABILITY_LABELS[capability]}) for ${sources.join(' and ')} threats in ${shown.join(', ')}${more}`;
  });
  return `Derived from ${plural(scenarioCount, 'active scenario')}. ${parts.join('; ')}.`;
}
