import { recommendationFor } from '../catalogue/recommendations';
import { answersByZone, evaluateZone, type ItemOutcome } from '../catalogue/security-levels';
import type { Catalogue, CatalogueItem } from '../catalogue/types';
import type { Answer } from '../model/answers';
import type { FrId } from '../model/common';
import { EFFORTS, type Effort, type ProgramPhase, type Severity } from '../model/findings';
import type { Zone } from '../model/zone';
import type { ZoneConsequence } from './consequence';
import { EXPOSURE_FACTOR_LABELS, type ZoneExposure } from './exposure';
import { severityFromScore, severityRank } from './severity';
import { emptyRefs, MAX_REF_ASSETS, plural, unique, type GeneratedFinding } from './types';

type ZoneLike = Pick<Zone, 'id' | 'name' | 'kind' | 'criticality' | 'slt'>;

/** What severity needs to know about each zone, and the FR weights. */
export interface RequirementContext {
  consequence(zone: ZoneLike): ZoneConsequence;
  exposure(zoneId: string): ZoneExposure;
  frWeights: Readonly<Record<FrId, number>>;
  /** Asset ids per zone, for the finding's refs. */
  assetsByZone: ReadonlyMap<string, readonly string[]>;
}

/** A partially met item weighs a little over half of one not met at all. */
const STATUS_FACTOR: Partial<Record<ItemOutcome, number>> = { 'not-met': 1, 'partially-met': 0.6 };

interface FailedItem {
  zone: ZoneLike;
  item: CatalogueItem;
  answer: Answer;
  outcome: 'not-met' | 'partially-met';
  score: number;
}

function firstLine(text: string, max = 200): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** consequence × exposure × FR weight × status factor; the bands of severityFromScore apply. */
export function itemScore(
  consequence: number,
  exposure: number,
  frWeight: number,
  outcome: 'not-met' | 'partially-met',
): number {
  return consequence * exposure * frWeight * (STATUS_FACTOR[outcome] ?? 0);
}

function phaseOf(item: CatalogueItem): ProgramPhase {
  return recommendationFor(item.id)?.phase ?? 1;
}

/** The largest item's effort, one size up when the work repeats across five zones or more. */
function effortOf(items: readonly CatalogueItem[], zoneCount: number): Effort {
  const sizes = items.map((item) => EFFORTS.indexOf(recommendationFor(item.id)?.effort ?? 'M'));
  const largest = Math.max(0, ...sizes);
  return EFFORTS[Math.min(EFFORTS.length - 1, largest + (zoneCount >= 5 ? 1 : 0))]!;
}

function zonesLabel(zones: readonly ZoneLike[]): string {
  return zones.length === 1 ? zones[0]!.name : plural(zones.length, 'zone');
}

function describeGroup(sr: CatalogueItem, failed: FailedItem[], context: RequirementContext): string {
  const byZone = new Map<string, FailedItem[]>();
  for (const entry of failed) {
    const list = byZone.get(entry.zone.id);
    if (list) list.push(entry);
    else byZone.set(entry.zone.id, [entry]);
  }
  const lines = [...byZone.values()].map((entries) => {
    const zone = entries[0]!.zone;
    const parts = entries.map(({ item, answer, outcome }) => {
      const notes = firstLine(answer.notes);
      const evidence =
        answer.evidenceIds.length > 0 ? ` (${plural(answer.evidenceIds.length, 'evidence item')})` : '';
      return `${item.id} ${outcome === 'not-met' ? 'not met' : 'partially met'}${notes ? `: ${notes}` : ''}${evidence}`;
    });
    return `- ${zone.name}: ${parts.join('; ')}`;
  });
  const worst = [...failed].sort((a, b) => b.score - a.score)[0]!;
  const consequence = context.consequence(worst.zone);
  const exposure = context.exposure(worst.zone.id);
  const factors = exposure.factors.map((f) => EXPOSURE_FACTOR_LABELS[f]).join(', ') || 'no exposure found';
  const basis =
    `Severity from the most exposed case, ${worst.item.id} in ${worst.zone.name}: consequence ${consequence.level} ` +
    `(${consequence.source}) × exposure ${exposure.level} (${factors}) × ${worst.item.fr} weight ` +
    `${context.frWeights[worst.item.fr]}${worst.outcome === 'partially-met' ? ' × 0.6 (partially met)' : ''} = ` +
    `${Math.round(worst.score * 10) / 10}.`;
  const zoneCount = byZone.size;
  const where = zoneCount === 1 ? `in zone "${failed[0]!.zone.name}"` : `across ${zoneCount} zones`;
  const intro = `${sr.id} ${sr.title}: ${plural(failed.length, 'requirement')} not met or only partly met ${where}, at the zone's target security level.`;
  return [intro, ...lines, basis].join('\n');
}

/** The advice for what failed: each failed item's recommendation once, in catalogue order. */
function adviceFor(items: readonly CatalogueItem[]): string {
  return items
    .map((item) => `${item.id}: ${recommendationFor(item.id)?.recommendation ?? item.title}`)
    .join('\n');
}

/**
 * Not met and partially met requirements, one finding per cause across zones: the items of one SR
 * (with its REs) that belong to one program phase. Each failed (zone, item) is in exactly one
 * finding. Items not assessed never become findings: they are the assessor's open work.
 */
export function requirementFindings(
  catalogue: Catalogue,
  zones: readonly ZoneLike[],
  answers: readonly Answer[],
  context: RequirementContext,
): GeneratedFinding[] {
  const byZone = answersByZone(answers);
  const itemIndex = new Map(catalogue.items.map((item, index) => [item.id, index]));
  const srById = new Map(catalogue.items.filter((i) => i.re === null).map((i) => [i.id, i]));
  const groups = new Map<string, { sr: string; phase: ProgramPhase; failed: FailedItem[] }>();

  for (const zone of zones) {
    const evaluation = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
    const consequence = context.consequence(zone).level;
    const exposure = context.exposure(zone.id).level;
    for (const fr of evaluation.perFr) {
      for (const { item, outcome, answer } of fr.items) {
        if ((outcome !== 'not-met' && outcome !== 'partially-met') || !answer) continue;
        const phase = phaseOf(item);
        const key = `${item.sr}:p${phase}`;
        const group = groups.get(key) ?? { sr: item.sr, phase, failed: [] };
        const score = itemScore(consequence, exposure, context.frWeights[item.fr], outcome);
        group.failed.push({ zone, item, answer, outcome, score });
        groups.set(key, group);
      }
    }
  }

  const findings: GeneratedFinding[] = [];
  for (const [key, { sr: srId, phase, failed }] of groups) {
    const sr = srById.get(srId) ?? failed[0]!.item;
    const items = unique(failed.map((f) => f.item)).sort(
      (a, b) => (itemIndex.get(a.id) ?? 0) - (itemIndex.get(b.id) ?? 0),
    );
    const groupZones = unique(failed.map((f) => f.zone)).sort((a, b) => a.name.localeCompare(b.name));
    const severity = failed
      .map((f) => severityFromScore(f.score))
      .reduce<Severity>((best, s) => (severityRank(s) < severityRank(best) ? s : best), 'info');
    const verb = failed.some((f) => f.outcome === 'not-met') ? 'not met' : 'partially met';
    // The items that failed in this phase; the SR's own title names the cause.
    const subject = items.every((i) => i.re !== null) && items.length === 1 ? items[0]! : sr;
    // Zones are distinct and each zone's assets too: take them in order up to the cap, no dedupe needed.
    const assetIds: string[] = [];
    for (const zone of groupZones) {
      if (assetIds.length >= MAX_REF_ASSETS) break;
      const own = context.assetsByZone.get(zone.id) ?? [];
      assetIds.push(...own.slice(0, MAX_REF_ASSETS - assetIds.length));
    }
    findings.push({
      autoKey: `requirements:${key}`,
      title: `${subject.title} (${subject.id}) ${verb} in ${zonesLabel(groupZones)}`,
      description: describeGroup(sr, failed, context),
      severity,
      phase,
      recommendation: adviceFor(items),
      effort: effortOf(items, groupZones.length),
      refs: {
        ...emptyRefs(),
        itemIds: items.map((i) => i.id),
        zoneIds: groupZones.map((z) => z.id),
        assetIds,
        items: failed.map((f) => ({ zoneId: f.zone.id, itemId: f.item.id })),
      },
    });
  }
  return findings;
}
