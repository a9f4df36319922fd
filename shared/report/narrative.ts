import { addCoverage, emptyCoverage } from '../catalogue';
import { planRoadmap, resolveFindingSettings } from '../findings';
import { listSome, plural } from '../findings/types';
import { FR_IDS } from '../model/common';
import { SEVERITIES, type Finding } from '../model';
import { bySeverityThenOrder, type ReportModel, type ZoneResult } from './model';
import { trafficSummary, type TrafficSummary } from './traffic';

const pct = (n: number, d: number) => (d === 0 ? '0%' : `${Math.round((100 * n) / d)}%`);
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

function scopeParagraph(model: ReportModel, traffic: TrafficSummary | null): string {
  const { assessment: a, zones, conduits, assets } = model.data;
  const period =
    a.startDate && a.endDate && a.startDate !== a.endDate
      ? ` from ${a.startDate} to ${a.endDate}`
      : a.startDate
        ? ` on ${a.startDate}`
        : '';
  const observed = traffic
    ? `; ${plural(traffic.flows, 'observed network flow')} ${traffic.flows === 1 ? 'was' : 'were'} analysed`
    : '';
  return (
    `This assessment of ${a.site} for ${a.client} was carried out${period} against IEC 62443-3-3. ` +
    `It covers ${plural(zones.length, 'zone')} joined by ${plural(conduits.length, 'conduit')}, with ${plural(assets.length, 'asset')} in the inventory${observed}.`
  );
}

function coverageParagraph(model: ReportModel): string {
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  if (total.required === 0) return 'No zone has a target security level yet, so no requirement was assessed.';
  const base =
    `${total.answered} of ${plural(total.required, 'required item')} (${pct(total.answered, total.required)}) ${total.answered === 1 ? 'has' : 'have'} been assessed: ` +
    `${total.notMet} not met and ${total.partiallyMet} partially met.`;
  if (total.notAssessed === 0) return base;
  return `${base} ${plural(total.notAssessed, 'item')} ${isAre(total.notAssessed)} not yet assessed, so the security levels achieved are provisional; they are listed under "Assessment coverage and limitations", not as findings.`;
}

/** Zones by confirmed shortfall: FRs below target on an assessed item, then failed items. */
function worstZones(model: ReportModel): { zone: ZoneResult; frs: number; failed: number }[] {
  return model.zones
    .map((zone) => {
      const failing = zone.evaluation.perFr.filter(
        (fr) => fr.gap > 0 && fr.items.some((i) => i.outcome === 'not-met' || i.outcome === 'partially-met'),
      );
      const failed = zone.evaluation.coverage.notMet + zone.evaluation.coverage.partiallyMet;
      return { zone, frs: failing.length, failed };
    })
    .filter((z) => z.frs > 0)
    .sort((a, b) => b.frs - a.frs || b.failed - a.failed || a.zone.zone.name.localeCompare(b.zone.zone.name));
}

function zonesParagraph(model: ReportModel): string {
  const worst = worstZones(model);
  if (worst.length === 0) return 'No zone falls short of its target security level on an assessed item.';
  const named = worst
    .slice(0, 3)
    .map(
      (z) =>
        `${z.zone.zone.name} (below target in ${z.frs} of ${FR_IDS.length} FRs, ${plural(z.failed, 'item')} not or partially met)`,
    );
  const rest = worst.length > 3 ? `, and ${plural(worst.length - 3, 'more zone')}` : '';
  return `${plural(worst.length, 'zone')} ${isAre(worst.length)} below target on assessed items; the largest gaps are in ${listSome(named, 3)}${rest}.`;
}

function findingsParagraph(model: ReportModel): string {
  const open = model.openFindings;
  if (open.length === 0) return 'There are no open findings.';
  const bySeverity = SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const top = [...open]
    .sort(bySeverityThenOrder)
    .slice(0, 3)
    .map((f) => `${model.findingLabel(f)} ${f.title} (${f.severity})`);
  return `There ${isAre(open.length)} ${plural(open.length, 'open finding')} (${bySeverity.join(', ')}). The most severe: ${top.join('; ')}.`;
}

function vulnerabilityParagraph(model: ReportModel): string | null {
  const records = (model.data.vulnerabilities ?? []).filter((v) => !v.stale);
  if (records.length === 0) return null;
  const advisories = new Set(records.map((v) => v.advisoryId)).size;
  const assets = new Set(records.map((v) => v.assetId)).size;
  const kev = new Set(records.filter((v) => v.kev).map((v) => v.advisoryId)).size;
  const kevText =
    kev > 0
      ? `, ${kev} of them with a vulnerability known to be exploited (CISA KEV)`
      : ', none with a vulnerability known to be exploited (CISA KEV)';
  return `${plural(advisories, 'security advisory', 'security advisories')} match ${plural(assets, 'asset')} in the inventory${kevText}.`;
}

function trafficParagraph(traffic: TrafficSummary | null): string | null {
  if (!traffic) return null;
  const undocumented = traffic.pairs.reduce((n, p) => n + p.undocumented, 0);
  const pairs = traffic.pairs.filter((p) => p.undocumented > 0).length;
  const open = traffic.counts.open;
  const cross = `${plural(traffic.crossZoneFlows, 'flow')} crossed a zone boundary`;
  const none = undocumented === 0 ? '; every one of them on a documented conduit' : '';
  const gaps =
    undocumented > 0
      ? `; ${plural(undocumented, 'flow')} between ${plural(pairs, 'zone pair')} ${undocumented === 1 ? 'uses' : 'use'} no documented conduit`
      : '';
  const triage =
    open > 0
      ? ` ${plural(open, 'reconciliation candidate')} ${isAre(open)} still open.`
      : ' Every reconciliation candidate has been triaged.';
  return `In the observed traffic, ${cross}${none}${gaps}.${triage}`;
}

function firstStepsParagraph(model: ReportModel): string | null {
  const open = model.openFindings;
  if (open.length === 0) return null;
  const plan = planRoadmap(open, {
    quarterCapacity: resolveFindingSettings(model.data.assessment.findingSettings).quarterCapacity,
  });
  const first: Finding[] = open.filter((f) => plan.get(f.id)?.slot === 'm1-3').sort(bySeverityThenOrder);
  if (first.length === 0) return 'No finding is planned for the first three months.';
  const named = first.slice(0, 3).map((f) => `${model.findingLabel(f)} ${f.title}`);
  return `What to do first: the roadmap puts ${plural(first.length, 'finding')} in months 1–3, starting with ${named.join('; ')}.`;
}

/**
 * The executive narrative, generated from the data: scope, coverage, the worst zones, the top
 * findings, vulnerabilities, observed traffic and what to do first. Paragraphs are separated by a
 * blank line. Pure, so the PDF, the DOCX and the app's editor all print the same text.
 */
export function executiveNarrative(
  model: ReportModel,
  traffic: TrafficSummary | null = trafficSummary(model.data),
): string {
  return [
    scopeParagraph(model, traffic),
    coverageParagraph(model),
    zonesParagraph(model),
    findingsParagraph(model),
    vulnerabilityParagraph(model),
    trafficParagraph(traffic),
    firstStepsParagraph(model),
  ]
    .filter((p): p is string => p !== null)
    .join('\n\n');
}

/** The narrative the report prints: the assessor's edited text when there is one, else the generated one. */
export function reportNarrative(model: ReportModel, traffic?: TrafficSummary | null): string {
  const override = model.data.assessment.narrative;
  if (override && override.text.trim()) return override.text;
  return executiveNarrative(model, traffic === undefined ? trafficSummary(model.data) : traffic);
}

/** Whether the data has changed since the assessor edited the narrative (the generated text differs). */
export function narrativeIsStale(model: ReportModel, traffic?: TrafficSummary | null): boolean {
  const override = model.data.assessment.narrative;
  if (!override) return false;
  return (
    override.generated !==
    executiveNarrative(model, traffic === undefined ? trafficSummary(model.data) : traffic)
  );
}
