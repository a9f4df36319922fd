import { catalogueOf } from '../catalogue';
import type { Catalogue } from '../catalogue/types';
import type { AssessmentData } from '../model/assessment-file';
import { connectionFindings, modelCheckFindings } from './connections';
import { firmwareFindings, unzonedAssetFindings } from './inventory';
import { requirementFindings } from './requirements';
import { applyTriageRules, reconcile, type ReconcileResult as TrafficReconciliation } from '../network';
import { riskConsequenceOf, zoneConsequence, type ZoneConsequenceInput } from './consequence';
import { zoneExposures } from './exposure';
import { resolveFindingSettings } from './settings';
import { trafficFindings } from './traffic';
import { runModelChecks } from './model-checks';
import { vulnerabilityFindings } from './vulnerabilities';
import type { GeneratedFinding, ModelCheckResult } from './types';
import { severityRank } from './severity';
import { reconcileFindings } from './reconcile';

export type { GeneratedFinding, ModelCheckResult } from './types';
export { reconcileFindings, type ReconcileResult } from './reconcile';

export type FindingsInput = Pick<
  AssessmentData,
  'assessment' | 'zones' | 'conduits' | 'assets' | 'answers' | 'connections'
> &
  Partial<
    Pick<
      AssessmentData,
      'flows' | 'triage' | 'triageRules' | 'vulnerabilities' | 'zoneRisks' | 'riskMethods' | 'countermeasures'
    >
  >;

export interface GenerateOptions {
  /** Defaults to the assessment's catalogue version, else the shipped one. */
  catalogue?: Catalogue;
  /** Failed model checks of the zone and conduit diagram; by default they are run here. */
  modelChecks?: readonly ModelCheckResult[];
  /** "Today", for end-of-support dates. */
  now?: Date;
  /**
   * Zone consequence; by default the assessment's own 62443-3-2 risk records (zoneRisks, on the
   * scale of its risk method). Zones they do not rate use their criticality.
   */
  consequence?: ZoneConsequenceInput;
  /** The reconciliation of the flows, when the caller has already run it on the same input. */
  traffic?: TrafficReconciliation;
}

/** The catalogue an assessment names, or the shipped one when this build does not have it. */
export function catalogueFor(input: Pick<AssessmentData, 'assessment'>): Catalogue {
  return catalogueOf(input.assessment.catalogueVersion).catalogue;
}

/** The diagram's model checks over the assessment's zones, conduits and asset placement. */
export function modelChecksOf(
  input: Pick<FindingsInput, 'zones' | 'conduits' | 'assets'>,
): ModelCheckResult[] {
  const assetCounts = new Map<string, number>();
  for (const asset of input.assets) {
    if (asset.zoneId) assetCounts.set(asset.zoneId, (assetCounts.get(asset.zoneId) ?? 0) + 1);
  }
  return runModelChecks({ zones: input.zones, conduits: input.conduits, assetCounts });
}

/**
 * Every finding the assessment's data supports, most severe first. Pure: the same input gives the
 * same findings with the same auto keys, so reconcileFindings can keep the assessor's edits.
 */
export function generateFindings(input: FindingsInput, options: GenerateOptions = {}): GeneratedFinding[] {
  const catalogue = options.catalogue ?? catalogueFor(input);
  const settings = resolveFindingSettings(input.assessment.findingSettings);
  const flows = input.flows ?? [];
  const traffic =
    flows.length > 0
      ? (options.traffic ??
        reconcile({ zones: input.zones, conduits: input.conduits, assets: input.assets, flows }))
      : undefined;
  const assetZone = new Map(input.assets.map((a) => [a.id, a.zoneId]));
  const assetsByZone = new Map<string, string[]>();
  for (const asset of input.assets) {
    if (!asset.zoneId) continue;
    const list = assetsByZone.get(asset.zoneId);
    if (list) list.push(asset.id);
    else assetsByZone.set(asset.zoneId, [asset.id]);
  }
  const exposures = zoneExposures({
    zones: input.zones,
    conduits: input.conduits,
    connections: input.connections,
    assetZone,
    traffic,
  });
  const risk = options.consequence ?? riskConsequenceOf(input);
  const consequence = (zone: Parameters<typeof zoneConsequence>[0]) => zoneConsequence(zone, risk);
  const findings = [
    ...requirementFindings(catalogue, input.zones, input.answers, {
      consequence,
      exposure: (zoneId) => exposures.get(zoneId) ?? { level: 1, factors: [] },
      frWeights: settings.frWeights,
      assetsByZone,
    }),
    ...connectionFindings(input.connections, input.assets, input.zones),
    ...modelCheckFindings(options.modelChecks ?? modelChecksOf(input), input.conduits),
    ...unzonedAssetFindings(input.assets),
    ...firmwareFindings(input.assets, input.zones, options.now ?? new Date()),
    ...(traffic
      ? trafficFindings({
          zones: input.zones,
          conduits: input.conduits,
          flows,
          traffic,
          // A candidate a triage rule covers counts exactly as one triaged by hand.
          triage: applyTriageRules(traffic.candidates, input.triage ?? [], input.triageRules ?? []),
          consequence,
        })
      : []),
    ...vulnerabilityFindings(
      input.vulnerabilities ?? [],
      input.assets,
      input.zones,
      risk,
      { countermeasures: input.countermeasures ?? [], conduits: input.conduits },
      (zoneId) => exposures.get(zoneId) ?? { level: 1, factors: [] },
    ),
  ];
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.phase - b.phase ||
      a.title.localeCompare(b.title) ||
      a.autoKey.localeCompare(b.autoKey),
  );
}

/**
 * The assessment with its findings brought up to date (generated, then merged with the stored
 * ones so the assessor's edits stay): what a report or bundle made without the app should print.
 */
export function withCurrentFindings(data: AssessmentData, now: Date = new Date()): AssessmentData {
  const { findings } = reconcileFindings(data.findings, generateFindings(data, { now }), {
    assessmentId: data.assessment.id,
    now: now.toISOString(),
  });
  return { ...data, findings };
}
