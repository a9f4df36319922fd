import { catalogueOf } from '../catalogue';
import { answersByZone, evaluateZone, type Progress } from '../catalogue/security-levels';
import type { AssessmentData } from '../model/assessment-file';
import { FR_IDS, type FrId } from '../model/common';
import { SEVERITIES, type Finding, type Severity } from '../model/findings';
import { CANDIDATE_KINDS } from '../model/triage-rule';
import {
  applyTriageRules,
  reconcile,
  withTriage,
  type CandidateKind,
  type ReconcileResult,
} from '../network';
import { generateFindings } from './generate';
import { reconcileFindings } from './reconcile';

/** What the assessment's Overview shows: how far the work is, what is open, and what to do next. */

export type OverviewInput = Pick<
  AssessmentData,
  | 'assessment'
  | 'zones'
  | 'conduits'
  | 'assets'
  | 'answers'
  | 'connections'
  | 'flows'
  | 'triage'
  | 'findings'
  | 'vulnerabilities'
  | 'zoneRisks'
  | 'riskMethods'
> &
  Pick<AssessmentData, 'triageRules'>;

export interface ZoneCompletion {
  zoneId: string;
  name: string;
  total: Progress;
  /** Answered / required per FR; an FR the zone's SL-T does not call for has required 0. */
  perFr: Record<FrId, Progress>;
}

/** Where the next step leads: a workspace, and what to open there. */
export interface NextStep {
  workspace: string;
  title: string;
  detail: string;
  focus?: Record<string, string>;
}

export interface Overview {
  completion: ZoneCompletion[];
  answered: number;
  required: number;
  /** Open findings per severity, as the Findings workspace lists them after regeneration. */
  openFindings: Record<Severity, number>;
  candidates: { untriaged: number; total: number; byKind: Record<CandidateKind, number> };
  assets: { total: number; unzoned: number };
  vulnerabilities: { undecided: number; total: number };
  nextStep: NextStep;
}

function completionOf(input: OverviewInput): ZoneCompletion[] {
  const catalogue = catalogueOf(input.assessment.catalogueVersion).catalogue;
  const byZone = answersByZone(input.answers);
  return input.zones
    .map((zone) => {
      const { progress } = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
      const perFr = Object.fromEntries(
        FR_IDS.map((fr) => [fr, progress.perFr[fr] ?? { answered: 0, required: 0 }]),
      ) as Record<FrId, Progress>;
      return { zoneId: zone.id, name: zone.name, total: progress.zone, perFr };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function openFindingsOf(
  input: OverviewInput,
  now: Date,
  traffic: ReconcileResult | undefined,
): Record<Severity, number> {
  const generated = generateFindings(input, { now, traffic });
  const { findings } = reconcileFindings(input.findings, generated, {
    assessmentId: input.assessment.id,
    now: now.toISOString(),
    makeId: () => 'overview',
  });
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings as Finding[]) if (finding.status === 'open') counts[finding.severity] += 1;
  return counts;
}

function candidatesOf(input: OverviewInput, traffic: ReconcileResult | undefined): Overview['candidates'] {
  const byKind = Object.fromEntries(CANDIDATE_KINDS.map((k) => [k, 0])) as Record<CandidateKind, number>;
  if (traffic === undefined) return { untriaged: 0, total: 0, byKind };
  const { candidates } = traffic;
  const applied = applyTriageRules(candidates, input.triage, input.triageRules ?? []);
  let untriaged = 0;
  for (const candidate of withTriage(candidates, applied)) {
    if (candidate.triage !== null) continue;
    untriaged += 1;
    byKind[candidate.kind] += 1;
  }
  return { untriaged, total: candidates.length, byKind };
}

/** The first thing still to do, in the order an assessment runs. */
function nextStepOf(overview: Omit<Overview, 'nextStep'>, input: OverviewInput): NextStep {
  if (overview.assets.total === 0)
    return { workspace: 'inventory', title: 'Import the asset inventory', detail: 'No assets yet.' };
  if (input.zones.length === 0)
    return { workspace: 'diagram', title: 'Draw the zones and conduits', detail: 'No zones yet.' };
  if (overview.assets.unzoned > 0)
    return {
      workspace: 'diagram',
      title: 'Place the unzoned assets in zones',
      detail: `${overview.assets.unzoned} of ${overview.assets.total} assets are in no zone.`,
    };
  const zone = overview.completion.find((z) => z.total.answered < z.total.required);
  if (zone)
    return {
      workspace: 'requirements',
      title: `Assess the requirements of ${zone.name}`,
      detail: `${zone.total.required - zone.total.answered} of ${zone.total.required} required items not assessed yet.`,
      focus: { zoneId: zone.zoneId },
    };
  if (overview.candidates.untriaged > 0)
    return {
      workspace: 'connections',
      title: 'Triage the traffic candidates',
      detail: `${overview.candidates.untriaged} observed-traffic candidates have no decision.`,
      focus: { tab: 'traffic' },
    };
  if (overview.vulnerabilities.undecided > 0)
    return {
      workspace: 'vulnerabilities',
      title: 'Decide on the matched vulnerabilities',
      detail: `${overview.vulnerabilities.undecided} matches have no decision.`,
    };
  const open = Object.values(overview.openFindings).reduce((a, b) => a + b, 0);
  if (open > 0)
    return {
      workspace: 'findings',
      title: 'Review the findings',
      detail: `${open} open findings to review and place.`,
    };
  return {
    workspace: 'export',
    title: 'Export the signed report bundle',
    detail: 'Everything is assessed and triaged.',
  };
}

/** The whole Overview, from the assessment's records. Pure, so it can run in a worker. */
export function assessmentOverview(input: OverviewInput, now: Date = new Date()): Overview {
  const completion = completionOf(input);
  // Reconciled once: the candidates and the traffic findings both come from it.
  const traffic = input.flows.length > 0 ? reconcile(input) : undefined;
  const live = input.vulnerabilities.filter((v) => !v.stale);
  const partial = {
    completion,
    answered: completion.reduce((sum, z) => sum + z.total.answered, 0),
    required: completion.reduce((sum, z) => sum + z.total.required, 0),
    openFindings: openFindingsOf(input, now, traffic),
    candidates: candidatesOf(input, traffic),
    assets: { total: input.assets.length, unzoned: input.assets.filter((a) => a.zoneId === null).length },
    vulnerabilities: { undecided: live.filter((v) => v.decision === null).length, total: live.length },
  };
  return { ...partial, nextStep: nextStepOf(partial, input) };
}
