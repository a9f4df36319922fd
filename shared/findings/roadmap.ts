import { recommendationFor } from '../catalogue/recommendations';
import {
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  ROADMAP_SLOTS,
  type Effort,
  type Finding,
  type ProgramPhase,
  type RoadmapSlot,
} from '../model/findings';
import { EFFORT_POINTS } from './settings';
import { severityRank } from './severity';

/** The quarters of the first year; the slot ids keep their first spelling for stored data. */
export const ROADMAP_SLOT_LABELS: Record<RoadmapSlot, string> = {
  'm1-3': 'Months 1–3',
  'm3-6': 'Months 4–6',
  'm6-9': 'Months 7–9',
  'm9-12': 'Months 10–12',
};

/** The seed's first year: inventory first, segmentation next, then identity and monitoring, then the rest. */
export const PHASE_SLOT: Record<ProgramPhase, RoadmapSlot> = {
  1: 'm1-3',
  2: 'm3-6',
  3: 'm6-9',
  4: 'm6-9',
  5: 'm9-12',
  6: 'm9-12',
};

type Plannable = Pick<Finding, 'phase' | 'severity'> & { refs?: Pick<Finding['refs'], 'itemIds'> };

/** Every item of the finding is a quick win (backups): cheap and worth doing at once, whatever its phase. */
export function isQuickWin(finding: Plannable): boolean {
  const items = finding.refs?.itemIds ?? [];
  return items.length > 0 && items.every((id) => recommendationFor(id)?.quickWin === true);
}

/**
 * Where a finding goes when the assessor has not placed it and capacity is not limited: its
 * phase's quarter; quick wins in months 1-3; critical work one quarter earlier than its phase.
 */
export function suggestedSlot(finding: Plannable): RoadmapSlot {
  if (isQuickWin(finding)) return 'm1-3';
  const phaseIndex = ROADMAP_SLOTS.indexOf(PHASE_SLOT[finding.phase]);
  const pull = finding.severity === 'critical' ? 1 : 0;
  return ROADMAP_SLOTS[Math.max(0, phaseIndex - pull)]!;
}

/** The assessor's placement when there is one, else the suggestion (ignores capacity; see planRoadmap). */
export function roadmapSlotOf(finding: Plannable & Pick<Finding, 'roadmapSlot'>): RoadmapSlot {
  return finding.roadmapSlot ?? suggestedSlot(finding);
}

export interface PlannedSlot {
  slot: RoadmapSlot;
  placedByAssessor: boolean;
  /** Moved to a later quarter than suggested because the earlier ones were full. */
  deferred: boolean;
  /** Still beyond capacity in the last quarter: the plan needs more than a year at this capacity. */
  overCapacity: boolean;
}

export interface RoadmapOptions {
  /** Effort points (S 1, M 3, L 8) per quarter; null or undefined for no limit. */
  quarterCapacity?: number | null;
}

function effortPoints(effort: Effort | undefined): number {
  return EFFORT_POINTS[effort ?? 'M'];
}

/**
 * Each open finding's quarter. The assessor's placements stand and use up capacity first. The rest
 * are taken most severe first (then by phase and order) into their suggested quarter; when it is
 * full they move to the next one, so overflow falls on the least severe work.
 */
export function planRoadmap(
  findings: readonly Finding[],
  options: RoadmapOptions = {},
): Map<string, PlannedSlot> {
  const capacity = options.quarterCapacity ?? null;
  const load = ROADMAP_SLOTS.map(() => 0);
  const plan = new Map<string, PlannedSlot>();
  const open = findings.filter((f) => f.status === 'open');
  for (const finding of open) {
    if (finding.roadmapSlot === null) continue;
    load[ROADMAP_SLOTS.indexOf(finding.roadmapSlot)]! += effortPoints(finding.effort);
    plan.set(finding.id, {
      slot: finding.roadmapSlot,
      placedByAssessor: true,
      deferred: false,
      overCapacity: false,
    });
  }
  const unplaced = open
    .filter((f) => f.roadmapSlot === null)
    .sort(
      (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.phase - b.phase || a.order - b.order,
    );
  const last = ROADMAP_SLOTS.length - 1;
  for (const finding of unplaced) {
    const wanted = ROADMAP_SLOTS.indexOf(suggestedSlot(finding));
    const points = effortPoints(finding.effort);
    let index = wanted;
    if (capacity !== null) {
      while (index < last && load[index]! > 0 && load[index]! + points > capacity) index += 1;
    }
    const overCapacity = capacity !== null && load[index]! > 0 && load[index]! + points > capacity;
    load[index]! += points;
    plan.set(finding.id, {
      slot: ROADMAP_SLOTS[index]!,
      placedByAssessor: false,
      deferred: index > wanted,
      overCapacity,
    });
  }
  return plan;
}

export interface RoadmapEntry extends PlannedSlot {
  finding: Finding;
  /** 0..3: the quarter column. */
  slotIndex: number;
}

export interface RoadmapPhase {
  phase: ProgramPhase;
  label: string;
  entries: RoadmapEntry[];
}

/** Open findings on the first-year timeline, grouped by phase (only phases with findings), by slot then order. */
export function buildRoadmap(findings: readonly Finding[], options: RoadmapOptions = {}): RoadmapPhase[] {
  const plan = planRoadmap(findings, options);
  const open = findings.filter((f) => f.status === 'open');
  return PROGRAM_PHASES.flatMap((phase) => {
    const entries = open
      .filter((f) => f.phase === phase)
      .map((finding): RoadmapEntry => {
        const planned = plan.get(finding.id)!;
        return { finding, ...planned, slotIndex: ROADMAP_SLOTS.indexOf(planned.slot) };
      })
      .sort((a, b) => a.slotIndex - b.slotIndex || a.finding.order - b.finding.order);
    return entries.length > 0 ? [{ phase, label: PROGRAM_PHASE_LABELS[phase], entries }] : [];
  });
}

/** Open findings per quarter, for a summary line. */
export function roadmapCounts(
  findings: readonly Finding[],
  options: RoadmapOptions = {},
): Record<RoadmapSlot, number> {
  const counts = Object.fromEntries(ROADMAP_SLOTS.map((s) => [s, 0])) as Record<RoadmapSlot, number>;
  for (const { slot } of planRoadmap(findings, options).values()) counts[slot] += 1;
  return counts;
}
