import type { Catalogue, CatalogueItem } from '../catalogue/types';
import { answersByItem, answersByZone, evaluateZone, formatVector } from '../catalogue/security-levels';
import { ANSWER_STATUS_LABELS, type Answer } from '../model/answers';
import { FR_IDS } from '../model/common';
import type { Severity } from '../model/findings';
import { formatSlt } from '../model/slt';
import type { Zone } from '../model/zone';
import { emptyRefs, plural, type GeneratedFinding } from './types';
import { FR_PHASE, topicOfItem, type RequirementTopic } from './requirement-topics';
import { shiftSeverity } from './severity';

type ZoneLike = Pick<Zone, 'id' | 'name' | 'kind' | 'criticality' | 'slt'>;

/** Critical and safety zones weigh one level more, low-criticality zones one level less. */
function zoneWeight(zone: ZoneLike): number {
  if (zone.criticality === 'critical' || zone.kind === 'safety') return 1;
  if (zone.criticality === 'low') return -1;
  return 0;
}

function firstLine(text: string, max = 200): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

interface UnmetItem {
  item: CatalogueItem;
  answer: Answer;
}

function requirementSeverity(zone: ZoneLike, items: UnmetItem[]): Severity {
  const notMet = items.filter(({ answer }) => answer.status === 'not-met');
  const base: Severity = notMet.some(({ item }) => item.minLevel === 1)
    ? 'high'
    : notMet.length > 0
      ? 'medium'
      : 'low';
  return shiftSeverity(base, zoneWeight(zone));
}

function requirementFinding(zone: ZoneLike, topic: RequirementTopic, items: UnmetItem[]): GeneratedFinding {
  const notMet = items.filter(({ answer }) => answer.status === 'not-met').length;
  const partial = items.length - notMet;
  const counts = [
    notMet > 0 ? `${plural(notMet, 'requirement')} not met` : '',
    partial > 0 ? `${plural(partial, 'requirement')} partially met` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const lines = items.map(({ item, answer }) => {
    const notes = firstLine(answer.notes);
    return `- ${item.id} ${item.title}: ${ANSWER_STATUS_LABELS[answer.status].toLowerCase()}${notes ? `. ${notes}` : ''}`;
  });
  return {
    autoKey: `requirements:${zone.id}:${topic.id}`,
    title: `${topic.label} gaps in ${zone.name}`,
    description: `In zone "${zone.name}", ${counts} at its target security level:\n${lines.join('\n')}`,
    severity: requirementSeverity(zone, items),
    phase: topic.phase,
    recommendation: topic.recommendation,
    refs: { ...emptyRefs(), itemIds: items.map(({ item }) => item.id), zoneIds: [zone.id] },
  };
}

/** Not met and partially met requirements, one finding per zone and topic. */
export function requirementFindings(
  catalogue: Catalogue,
  zones: readonly ZoneLike[],
  answers: readonly Answer[],
): GeneratedFinding[] {
  const byZone = answersByZone(answers);
  const findings: GeneratedFinding[] = [];
  for (const zone of zones) {
    const evaluation = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
    const byItem = answersByItem(evaluation.inScope);
    const byTopic = new Map<string, { topic: RequirementTopic; items: UnmetItem[] }>();
    for (const { required } of evaluation.perFr) {
      for (const item of required) {
        const answer = byItem.get(item.id);
        if (!answer || (answer.status !== 'not-met' && answer.status !== 'partially-met')) continue;
        const topic = topicOfItem(item);
        const group = byTopic.get(topic.id) ?? { topic, items: [] };
        group.items.push({ item, answer });
        byTopic.set(topic.id, group);
      }
    }
    for (const { topic, items } of byTopic.values()) findings.push(requirementFinding(zone, topic, items));
  }
  return findings;
}

/** Zones whose achieved level is below their target in some FR: one finding per zone. */
export function securityLevelGapFindings(
  catalogue: Catalogue,
  zones: readonly ZoneLike[],
  answers: readonly Answer[],
): GeneratedFinding[] {
  const byZone = answersByZone(answers);
  const findings: GeneratedFinding[] = [];
  for (const zone of zones) {
    const evaluation = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
    const short = FR_IDS.filter((fr) => evaluation.gap[fr] > 0);
    if (short.length === 0) continue;
    const { answered, required } = evaluation.progress.zone;
    const vectors = [
      formatSlt(zone.slt),
      formatVector('SL-A', evaluation.achieved),
      formatVector('gap', evaluation.gap),
    ].join(', ');
    const refs = { ...emptyRefs(), zoneIds: [zone.id] };
    const byItem = answersByItem(evaluation.inScope);
    const gaps = evaluation.perFr.filter((fr) => fr.gap > 0);
    // A gap is confirmed when an answered item fails; otherwise it only reflects items not assessed yet.
    const confirmed = gaps.filter((fr) =>
      fr.unmet.some((item) => {
        const status = byItem.get(item.id)?.status;
        return status !== undefined && status !== 'not-assessed';
      }),
    );
    const unassessed = required - answered;
    if (confirmed.length === 0) {
      findings.push({
        autoKey: `sl-gap:${zone.id}`,
        title: `Requirements not yet assessed in ${zone.name}`,
        description: `${answered === 0 ? `None of the ${required}` : `Only ${answered} of the ${required}`} requirements that zone "${zone.name}" needs at its target level ${answered === 0 ? 'has' : 'have'} been assessed; the ${plural(unassessed, 'item')} still open keep its achieved level below target (${vectors}).`,
        severity: 'info',
        phase: 1,
        recommendation:
          'Finish assessing the zone against its target level with the system owner, so that its achieved level and its real gaps are known before remediation is planned.',
        refs,
      });
      continue;
    }
    const perFr = gaps.map(
      (fr) =>
        `- ${fr.fr} (${fr.short}): SL-A ${fr.achieved} of SL-T ${fr.target}, ${plural(fr.unmet.length, 'item')} open`,
    );
    const maxGap = Math.max(...confirmed.map((fr) => fr.gap));
    // The confirmed FR with the largest gap decides the phase; ties go to the earlier phase.
    const widest = confirmed.filter((fr) => fr.gap === maxGap);
    const phase = Math.min(...widest.map((fr) => FR_PHASE[fr.fr])) as GeneratedFinding['phase'];
    findings.push({
      autoKey: `sl-gap:${zone.id}`,
      title: `${zone.name} is below its target security level in ${plural(gaps.length, 'FR')}`,
      description: [
        `Zone "${zone.name}": ${vectors}.`,
        ...perFr,
        unassessed > 0 ? `${plural(unassessed, 'required item')} not yet assessed count as open.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      severity: shiftSeverity(maxGap >= 2 ? 'high' : 'medium', zoneWeight(zone)),
      phase,
      recommendation:
        'Close the open requirements of this zone in the order of the roadmap, beginning with the widest gaps. Where legacy equipment cannot meet a requirement, record the compensating control (tighter conduit rules, monitoring, procedures) against the requirement so that it counts, and re-assess the zone once the work is done.',
      refs: { ...refs, itemIds: gaps.flatMap((fr) => fr.unmet.map((item) => item.id)) },
    });
  }
  return findings;
}
