import { FR_IDS, type FrId } from '../model/common';
import type { Conduit } from '../model/conduit';
import type { Zone } from '../model/zone';
import { sltVector } from '../model/slt';
import { zoneConsequence, type ZoneConsequence } from './consequence';
import { clampLevel, isTolerable, riskLevel } from './matrix';
import { isEffective, type Countermeasure } from './records/countermeasure';
import type { RiskMatrixShape } from './records/risk-method';
import type { ScenarioTarget, ThreatScenario } from './records/threat-scenario';
import type { SltSource, ZoneRisk } from './records/zone-risk';
import type { ConduitRisk } from './records/conduit-risk';
import { derivationRationale, type FrDerivation } from './rationale';
import type { Capability } from './threat-sources';

export interface RiskInput {
  method: RiskMatrixShape;
  zones: readonly Zone[];
  conduits: readonly Conduit[];
  zoneRisks: readonly ZoneRisk[];
  /** Conduits whose SL-T was set by hand; absent or empty: every conduit's SL-T is derived. */
  conduitRisks?: readonly ConduitRisk[];
  scenarios: readonly ThreatScenario[];
  countermeasures: readonly Countermeasure[];
}

export interface ScenarioRisk {
  scenarioId: string;
  target: ScenarioTarget;
  likelihood: number;
  consequence: number;
  /** True when the consequence is the target's (or the top of the scale because nothing is rated). */
  consequenceInherited: boolean;
  inherent: number;
  inherentTolerable: boolean;
  /** After every effective countermeasure that mitigates it. */
  residualLikelihood: number;
  residualConsequence: number;
  residual: number;
  tolerable: boolean;
  /** After the countermeasures the SL-T derivation credits (see creditedInDerivation). */
  derivationRisk: number;
  countermeasureIds: string[];
}

export interface SltDerivation {
  /** FR1..FR7; 0 where nothing was derived (no active scenarios). */
  slt: number[];
  perFr: FrDerivation[];
  scenarioCount: number;
  readonly rationale: string;
}

export interface ZoneRiskResult {
  zoneId: string;
  name: string;
  consequence: ZoneConsequence;
  derived: SltDerivation;
  /** The SL-T in force: derived, or set by hand. */
  slt: number[];
  sltSource: SltSource;
  justification: string;
  readonly rationale: string;
  warnings: string[];
}

export interface ConduitRiskResult {
  conduitId: string;
  name: string;
  consequence: number | null;
  /** From the conduit's own scenarios (0 per FR when it has none). */
  derived: SltDerivation;
  /** Per FR, the lower of the SL-T in force of the two zones it joins (the one present, if one is out of scope). */
  floor: number[];
  /** The level its scenarios and its zones give: its scenarios' level, never below the floor. */
  derivedSlt: number[];
  /** The SL-T the conduit is held to: derivedSlt, or set by hand with a justification. */
  slt: number[];
  sltSource: SltSource;
  justification: string;
  readonly rationale: string;
}

export interface RiskResult {
  zones: ZoneRiskResult[];
  conduits: ConduitRiskResult[];
  scenarios: ScenarioRisk[];
  warnings: string[];
}

/**
 * A countermeasure that stands for the target's own IEC 62443-3-3 requirements (or compensates
 * for one) is what the SL-T asks for: crediting it when deriving the SL-T would be circular. Only
 * measures outside the checklist (conduit controls, physical and procedural measures) lower the
 * risk the SL-T is derived from; every effective countermeasure lowers the residual risk.
 */
export function creditedInDerivation(countermeasure: Countermeasure): boolean {
  return countermeasure.itemIds.length === 0 && countermeasure.compensates.length === 0;
}

export function conduitLabel(conduit: Conduit, zoneNames: ReadonlyMap<string, string>): string {
  if (conduit.name.trim()) return conduit.name.trim();
  return `${zoneNames.get(conduit.fromZoneId) ?? '?'} – ${zoneNames.get(conduit.toZoneId) ?? '?'}`;
}

interface ScenarioEntry {
  scenario: ThreatScenario;
  risk: ScenarioRisk;
}

/** The effective countermeasures of each scenario, by scenario id. */
function mitigationsByScenario(countermeasures: readonly Countermeasure[]): Map<string, Countermeasure[]> {
  const mitigating = new Map<string, Countermeasure[]>();
  for (const countermeasure of countermeasures) {
    if (!isEffective(countermeasure)) continue;
    for (const id of countermeasure.scenarioIds) {
      const list = mitigating.get(id);
      if (list) list.push(countermeasure);
      else mitigating.set(id, [countermeasure]);
    }
  }
  return mitigating;
}

/** One scenario's inherent, residual and derivation risk; its consequence falls back to its target's. */
function scenarioRisk(
  scenario: ThreatScenario,
  targetConsequence: number | null,
  applied: readonly Countermeasure[],
  method: RiskMatrixShape,
): ScenarioRisk {
  const top = method.consequenceLevels.length;
  const likelihood = clampLevel(scenario.likelihood, method.likelihoodLevels.length);
  const consequence = clampLevel(scenario.consequence ?? targetConsequence ?? top, top);
  const reduce = (list: readonly Countermeasure[]) => {
    let l = likelihood;
    let c = consequence;
    for (const m of list) {
      l -= m.likelihoodReduction;
      c -= m.consequenceReduction;
    }
    return { l: Math.max(l, 1), c: Math.max(c, 1) };
  };
  const residual = reduce(applied);
  const credited = reduce(applied.filter(creditedInDerivation));
  const inherent = riskLevel(method, likelihood, consequence);
  const residualLevel = riskLevel(method, residual.l, residual.c);
  return {
    scenarioId: scenario.id,
    target: scenario.target,
    likelihood,
    consequence,
    consequenceInherited: scenario.consequence === null,
    inherent,
    inherentTolerable: isTolerable(method, inherent),
    residualLikelihood: residual.l,
    residualConsequence: residual.c,
    residual: residualLevel,
    tolerable: isTolerable(method, residualLevel),
    derivationRisk: riskLevel(method, credited.l, credited.c),
    countermeasureIds: applied.map((m) => m.id),
  };
}

function deriveSlt(entries: readonly ScenarioEntry[], method: RiskMatrixShape): SltDerivation {
  const perFr: FrDerivation[] = FR_IDS.map((fr) => deriveFr(fr, entries, method, entries.length > 0));
  let rationale: string | undefined;
  return {
    slt: perFr.map((d) => d.level),
    perFr,
    scenarioCount: entries.length,
    // Words are built when read: a live recompute on every edit needs only the levels.
    get rationale() {
      return (rationale ??= derivationRationale(perFr, entries.length, method));
    },
  };
}

/** The SL-T in force for a zone: set by hand with a justification, typed in the diagram, or derived. */
function zoneResult(
  zone: Zone,
  zoneRisk: ZoneRisk | undefined,
  derived: SltDerivation,
  consequence: ZoneConsequence,
): ZoneRiskResult {
  const zoneWarnings: string[] = [];
  if (consequence.level === null && derived.scenarioCount > 0)
    zoneWarnings.push(
      'no consequence is rated for this zone: its scenarios are rated at the top of the consequence scale',
    );
  let slt: number[];
  let source: SltSource;
  let justification = '';
  if (zoneRisk?.sltSource === 'manual' && zoneRisk.manualSlt) {
    slt = [...zoneRisk.manualSlt];
    source = 'manual';
    justification = zoneRisk.justification.trim();
  } else if (!zoneRisk && derived.scenarioCount === 0) {
    // A zone never risk-assessed keeps the SL-T typed in the diagram: set by hand, unjustified.
    slt = sltVector(zone.slt).map((level) => level ?? 0);
    source = 'manual';
    if (slt.some((level) => level > 0))
      zoneWarnings.push('the SL-T was set by hand without a justification or a risk assessment');
  } else {
    slt = derived.slt;
    source = 'derived';
    if (derived.scenarioCount === 0)
      zoneWarnings.push('no threat scenarios: nothing to derive the SL-T from');
  }
  return {
    zoneId: zone.id,
    name: zone.name,
    consequence,
    derived,
    slt,
    sltSource: source,
    justification,
    get rationale() {
      if (source === 'derived') return derived.rationale;
      return justification
        ? `Set by hand: ${justification} (the derivation gives ${formatVector(derived.slt)}: ${derived.rationale})`
        : `Set by hand without a justification. ${derived.rationale}`;
    },
    warnings: zoneWarnings,
  };
}

/** Risk per scenario, SL-T derivation per zone and conduit, and the SL-T in force: one pure pass. */
export function assessRisk(input: RiskInput): RiskResult {
  const { method } = input;
  const warnings: string[] = [];
  const zoneRiskById = new Map(input.zoneRisks.map((r) => [r.zoneId, r]));
  const zonesById = new Map(input.zones.map((z) => [z.id, z]));
  const zoneNames = new Map(input.zones.map((z) => [z.id, z.name]));
  const consequences = new Map<string, ZoneConsequence>();
  for (const zone of input.zones)
    consequences.set(zone.id, zoneConsequence(zone, zoneRiskById.get(zone.id), method));
  const conduitConsequence = new Map<string, number | null>();
  for (const conduit of input.conduits) {
    const levels = [conduit.fromZoneId, conduit.toZoneId]
      .map((id) => consequences.get(id)?.level ?? null)
      .filter((v): v is number => v !== null);
    conduitConsequence.set(conduit.id, levels.length > 0 ? Math.max(...levels) : null);
  }
  const mitigating = mitigationsByScenario(input.countermeasures);

  const scenarios: ScenarioRisk[] = [];
  const byTarget = new Map<string, ScenarioEntry[]>();
  for (const scenario of input.scenarios) {
    if (scenario.status !== 'active') continue;
    const targetKey = scenario.target.kind === 'zone' ? scenario.target.zoneId : scenario.target.conduitId;
    const targetConsequence =
      scenario.target.kind === 'zone'
        ? (consequences.get(targetKey)?.level ?? null)
        : (conduitConsequence.get(targetKey) ?? null);
    if (!(scenario.target.kind === 'zone' ? zonesById.has(targetKey) : conduitConsequence.has(targetKey))) {
      warnings.push(`scenario "${scenario.title}": its ${scenario.target.kind} no longer exists`);
      continue;
    }
    const risk = scenarioRisk(scenario, targetConsequence, mitigating.get(scenario.id) ?? [], method);
    scenarios.push(risk);
    const list = byTarget.get(targetKey);
    if (list) list.push({ scenario, risk });
    else byTarget.set(targetKey, [{ scenario, risk }]);
  }

  const derive = (targetKey: string) => deriveSlt(byTarget.get(targetKey) ?? [], method);
  const zones = input.zones.map((zone) =>
    zoneResult(zone, zoneRiskById.get(zone.id), derive(zone.id), consequences.get(zone.id)!),
  );
  const zoneSlt = new Map(zones.map((z) => [z.zoneId, z]));
  const conduitRiskById = new Map((input.conduitRisks ?? []).map((r) => [r.conduitId, r]));
  const conduits = input.conduits.map((conduit) =>
    withManualSlt(
      conduitResult(
        conduit,
        zoneNames,
        zoneSlt,
        conduitConsequence.get(conduit.id) ?? null,
        derive(conduit.id),
      ),
      conduitRiskById.get(conduit.id),
    ),
  );

  return { zones, conduits, scenarios, warnings };
}

/**
 * A conduit's SL-T: what its own scenarios derive, and never below the lower of the SL-Ts of the
 * two zones it joins, per FR. A conduit carries traffic across both zones' boundaries, so it may
 * not be the weak point of the less demanding of the two (IEC 62443-3-2 ZCR 5: a conduit is
 * assigned an SL-T like a zone).
 */
function conduitResult(
  conduit: Conduit,
  zoneNames: ReadonlyMap<string, string>,
  zoneSlt: ReadonlyMap<string, Pick<ZoneRiskResult, 'slt' | 'name'>>,
  consequence: number | null,
  derived: SltDerivation,
): ConduitRiskResult {
  const ends = [conduit.fromZoneId, conduit.toZoneId]
    .map((id) => zoneSlt.get(id))
    .filter((z): z is Pick<ZoneRiskResult, 'slt' | 'name'> => z !== undefined);
  const floor = FR_IDS.map((_, i) => (ends.length === 0 ? 0 : Math.min(...ends.map((z) => z.slt[i] ?? 0))));
  const slt = FR_IDS.map((_, i) => Math.max(derived.slt[i] ?? 0, floor[i]!));
  const raised = FR_IDS.filter((_, i) => floor[i]! > (derived.slt[i] ?? 0));
  return {
    conduitId: conduit.id,
    name: conduitLabel(conduit, zoneNames),
    consequence,
    derived,
    floor,
    derivedSlt: slt,
    slt,
    sltSource: 'derived',
    justification: '',
    get rationale() {
      const own = derived.scenarioCount > 0 ? derived.rationale : 'No scenarios on this conduit.';
      if (raised.length === 0) return own;
      const names = ends.map((z) => `${z.name} ${formatVector(z.slt)}`).join(' and ');
      const which = raised.length === FR_IDS.length ? 'every FR' : raised.join(', ');
      return `${own} Raised to ${formatVector(floor)} on ${which}: a conduit is held at least to the lower SL-T of the zones it joins (${names}).`;
    },
  };
}

/**
 * A conduit whose SL-T was set by hand with a justification is held to that level; the derived
 * level and its rationale stay beside it, and a hand-set level below the zones' floor is said.
 */
function withManualSlt(result: ConduitRiskResult, conduitRisk: ConduitRisk | undefined): ConduitRiskResult {
  if (conduitRisk?.sltSource !== 'manual' || !conduitRisk.manualSlt) return result;
  const slt = [...conduitRisk.manualSlt];
  const justification = conduitRisk.justification.trim();
  const below = FR_IDS.filter((_, i) => slt[i]! < result.floor[i]!);
  return {
    conduitId: result.conduitId,
    name: result.name,
    consequence: result.consequence,
    derived: result.derived,
    floor: result.floor,
    derivedSlt: result.derivedSlt,
    slt,
    sltSource: 'manual',
    justification,
    get rationale() {
      const under =
        below.length > 0
          ? ` It is below the lower SL-T of the zones it joins on ${below.join(', ')} (${formatVector(result.floor)}).`
          : '';
      return `Set by hand: ${justification} (the derivation gives ${formatVector(result.derivedSlt)}: ${result.rationale})${under}`;
    },
  };
}

function deriveFr(
  fr: FrId,
  entries: readonly { scenario: ThreatScenario; risk: ScenarioRisk }[],
  method: RiskMatrixShape,
  hasScenarios: boolean,
): FrDerivation {
  if (!hasScenarios) return { fr, level: 0, drivers: [] };
  let level: Capability = 1;
  const drivers: FrDerivation['drivers'] = [];
  for (const { scenario, risk } of entries) {
    if (scenario.frs.length > 0 && !scenario.frs.includes(fr)) continue;
    if (isTolerable(method, risk.derivationRisk)) continue;
    const capability = scenario.capability as Capability;
    if (capability > level) {
      level = capability;
      drivers.length = 0;
    }
    if (capability === level)
      drivers.push({
        scenarioId: scenario.id,
        title: scenario.title,
        source: scenario.source,
        risk: risk.derivationRisk,
      });
  }
  return { fr, level, drivers };
}

export function formatVector(levels: readonly number[]): string {
  return `{${levels.join(',')}}`;
}
