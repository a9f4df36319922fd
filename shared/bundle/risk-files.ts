import { catalogueOf, isRequiredAt, targetVector } from '../catalogue';
import type { SecurityLevel } from '../catalogue/types';
import { FR_IDS, type AssessmentData } from '../model';
import { sltVector } from '../model/slt';
import {
  assessmentRisk,
  attackLayer,
  conduitLabel,
  consequenceLabel,
  ENTRY_VECTOR_LABELS,
  likelihoodLabel,
  riskLabel,
  riskMethodOf,
  THREAT_SOURCE_LABELS,
} from '../risk';
import { bundleCsv } from './data-csv';

/**
 * The 62443-3-3 requirements that govern traffic across a zone boundary, so the ones a conduit's
 * SL-T calls for: communication integrity and confidentiality, access over untrusted networks,
 * segmentation and boundary protection.
 */
const CONDUIT_SRS = new Set(['SR 1.13', 'SR 3.1', 'SR 4.1', 'SR 5.1', 'SR 5.2']);

const vector = (levels: readonly (number | null)[]) => `{${levels.map((l) => l ?? 0).join(',')}}`;

/** data/risk.csv (the scenarios, inherent and residual) and data/crs.csv (the CRS, IEC 62443-3-2 ZCR 6). */
export function riskCsvFiles(data: AssessmentData): Record<string, string> {
  const context = riskFileContext(data);
  const rows = [...zoneCrsRows(data, context), ...conduitCrsRows(data, context)];
  const crs = bundleCsv(rows, [
    ['kind', (r) => r.kind],
    ['name', (r) => r.name],
    ['SL-T (FR1..FR7)', (r) => r.slt],
    ['SL-T source', (r) => r.source],
    ['rationale', (r) => r.rationale],
    ['requirements', (r) => r.requirements],
    ['countermeasures', (r) => r.countermeasures],
  ]);
  return { 'risk.csv': scenariosCsv(data, context), 'crs.csv': crs };
}

interface RiskFileContext {
  method: ReturnType<typeof riskMethodOf>;
  result: ReturnType<typeof assessmentRisk>;
  zoneNames: Map<string, string>;
  conduitNames: Map<string, string>;
  catalogue: ReturnType<typeof catalogueOf>['catalogue'];
  /** The countermeasures (not rejected) that bear on a zone or conduit, as one CSV cell. */
  countermeasuresFor: (targetId: string, zoneId: string | null) => string;
}

function riskFileContext(data: AssessmentData): RiskFileContext {
  const zoneNames = new Map(data.zones.map((z) => [z.id, z.name]));
  const scenarioTargets = new Map<string, string>();
  for (const s of data.threatScenarios)
    scenarioTargets.set(s.id, s.target.kind === 'zone' ? s.target.zoneId : s.target.conduitId);
  return {
    method: riskMethodOf(data),
    result: assessmentRisk(data),
    zoneNames,
    conduitNames: new Map(data.conduits.map((c) => [c.id, conduitLabel(c, zoneNames)])),
    catalogue: catalogueOf(data.assessment.catalogueVersion).catalogue,
    countermeasuresFor: (targetId, zoneId) =>
      data.countermeasures
        .filter(
          (c) =>
            c.status !== 'rejected' &&
            (c.scenarioIds.some((id) => scenarioTargets.get(id) === targetId) ||
              c.conduitIds.includes(targetId) ||
              (zoneId !== null && c.compensates.some((a) => a.zoneId === zoneId))),
        )
        .map((c) => `${c.title} (${c.kind}, ${c.status})`)
        .join('; '),
  };
}

function scenariosCsv(data: AssessmentData, context: RiskFileContext): string {
  const { method, zoneNames, conduitNames } = context;
  const scenarios = new Map(data.threatScenarios.map((s) => [s.id, s]));
  const countermeasures = new Map(data.countermeasures.map((c) => [c.id, c]));
  return bundleCsv(context.result.scenarios, [
    ['id', (r) => r.scenarioId],
    ['target kind', (r) => r.target.kind],
    [
      'target',
      (r) =>
        (r.target.kind === 'zone' ? zoneNames.get(r.target.zoneId) : conduitNames.get(r.target.conduitId)) ??
        '',
    ],
    ['title', (r) => scenarios.get(r.scenarioId)!.title],
    ['threat source', (r) => THREAT_SOURCE_LABELS[scenarios.get(r.scenarioId)!.source]],
    ['capability', (r) => scenarios.get(r.scenarioId)!.capability],
    ['entry vector', (r) => ENTRY_VECTOR_LABELS[scenarios.get(r.scenarioId)!.entryVector.kind]],
    ['ATT&CK techniques', (r) => scenarios.get(r.scenarioId)!.techniques.join('; ')],
    ['FRs', (r) => scenarios.get(r.scenarioId)!.frs.join('; ') || 'all'],
    ['likelihood', (r) => r.likelihood],
    ['likelihood label', (r) => likelihoodLabel(method, r.likelihood)],
    ['consequence', (r) => r.consequence],
    ['consequence label', (r) => consequenceLabel(method, r.consequence)],
    ['inherent risk', (r) => riskLabel(method, r.inherent)],
    ['residual likelihood', (r) => r.residualLikelihood],
    ['residual likelihood label', (r) => likelihoodLabel(method, r.residualLikelihood)],
    ['residual consequence', (r) => r.residualConsequence],
    ['residual consequence label', (r) => consequenceLabel(method, r.residualConsequence)],
    ['residual risk', (r) => riskLabel(method, r.residual)],
    ['tolerable', (r) => (r.tolerable ? 'yes' : 'no')],
    [
      'countermeasures',
      (r) => r.countermeasureIds.map((id) => countermeasures.get(id)?.title ?? id).join('; '),
    ],
  ]);
}

interface CrsRow {
  kind: string;
  name: string;
  slt: string;
  source: string;
  rationale: string;
  requirements: string;
  countermeasures: string;
}

function zoneCrsRows(data: AssessmentData, context: RiskFileContext): CrsRow[] {
  return context.result.zones.map((z) => {
    const target = Object.fromEntries(FR_IDS.map((fr, i) => [fr, z.slt[i] as SecurityLevel]));
    const required = context.catalogue.items.filter(
      (item) => target[item.fr]! > 0 && isRequiredAt(item, target[item.fr]!),
    );
    return {
      kind: 'zone',
      name: z.name,
      slt: vector(z.slt),
      source: z.sltSource,
      rationale: z.rationale,
      requirements: required.map((i) => i.id).join('; '),
      countermeasures: context.countermeasuresFor(z.zoneId, z.zoneId),
    };
  });
}

function conduitCrsRows(data: AssessmentData, context: RiskFileContext): CrsRow[] {
  return context.result.conduits.map((c) => {
    const conduit = data.conduits.find((x) => x.id === c.conduitId)!;
    const typed = sltVector(conduit.slt);
    // Set by hand with a justification, it rules; else with scenarios, or nothing typed in the
    // diagram, the derivation (raised to the zones' floor) does; else the diagram's typed level.
    const manual = c.sltSource === 'manual';
    const useDerived = !manual && (c.derived.scenarioCount > 0 || typed.every((l) => l === null));
    const useResult = manual || useDerived;
    const levels = useResult ? c.slt : typed.map((l) => l ?? 0);
    const target = useResult
      ? Object.fromEntries(FR_IDS.map((fr, i) => [fr, levels[i] as SecurityLevel]))
      : targetVector(conduit.slt);
    const required = context.catalogue.items.filter(
      (item) => CONDUIT_SRS.has(item.sr) && target[item.fr]! > 0 && isRequiredAt(item, target[item.fr]!),
    );
    return {
      kind: 'conduit',
      name: c.name,
      slt: vector(levels),
      source: useDerived ? 'derived' : 'manual',
      rationale: useResult ? c.rationale : 'The SL-T typed in the diagram (no scenarios on this conduit).',
      requirements: [...required.map((i) => i.id), ...conduit.controls.map((k) => `control: ${k}`)].join(
        '; ',
      ),
      countermeasures: context.countermeasuresFor(c.conduitId, null),
    };
  });
}

/** data/attack-layer.json: the site-wide ATT&CK Navigator layer. */
export function attackLayerJson(data: AssessmentData): string {
  const { catalogue } = catalogueOf(data.assessment.catalogueVersion);
  const layer = attackLayer({
    catalogue,
    zones: data.zones,
    answers: data.answers,
    title: `${data.assessment.client} – ${data.assessment.site}`,
  });
  return JSON.stringify(layer, null, 2) + '\n';
}
