import {
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  ROADMAP_SLOTS,
  type Finding,
  type ProgramPhase,
  type RoadmapSlot,
} from '../model/findings';

export const ROADMAP_SLOT_LABELS: Record<RoadmapSlot, string> = {
  'm1-3': 'Months 1–3',
  'm3-6': 'Months 3–6',
  'm6-9': 'Months 6–9',
  'm9-12': 'Months 9–12',
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

/**
 * Where a finding goes when the assessor has not placed it: its phase's quarter, pulled earlier by
 * severity. Critical work starts in months 1-3 whatever its phase; high work one quarter earlier.
 */
export function suggestedSlot(finding: Pick<Finding, 'phase' | 'severity'>): RoadmapSlot {
  const phaseIndex = ROADMAP_SLOTS.indexOf(PHASE_SLOT[finding.phase]);
  const pull = finding.severity === 'critical' ? phaseIndex : finding.severity === 'high' ? 1 : 0;
  return ROADMAP_SLOTS[Math.max(0, phaseIndex - pull)]!;
}

/** The assessor's placement when there is one, else the suggestion. */
export function roadmapSlotOf(finding: Pick<Finding, 'phase' | 'severity' | 'roadmapSlot'>): RoadmapSlot {
  return finding.roadmapSlot ?? suggestedSlot(finding);
}

export interface RoadmapEntry {
  finding: Finding;
  slot: RoadmapSlot;
  /** 0..3: the quarter column. */
  slotIndex: number;
  placedByAssessor: boolean;
}

export interface RoadmapPhase {
  phase: ProgramPhase;
  label: string;
  entries: RoadmapEntry[];
}

/** Open findings on the first-year timeline, grouped by phase (only phases with findings), by slot then order. */
export function buildRoadmap(findings: readonly Finding[]): RoadmapPhase[] {
  const open = findings.filter((f) => f.status === 'open');
  return PROGRAM_PHASES.flatMap((phase) => {
    const entries = open
      .filter((f) => f.phase === phase)
      .map((finding): RoadmapEntry => {
        const slot = roadmapSlotOf(finding);
        return {
          finding,
          slot,
          slotIndex: ROADMAP_SLOTS.indexOf(slot),
          placedByAssessor: finding.roadmapSlot !== null,
        };
      })
      .sort((a, b) => a.slotIndex - b.slotIndex || a.finding.order - b.finding.order);
    return entries.length > 0 ? [{ phase, label: PROGRAM_PHASE_LABELS[phase], entries }] : [];
  });
}

/** Open findings per quarter, for a summary line. */
export function roadmapCounts(findings: readonly Finding[]): Record<RoadmapSlot, number> {
  const counts = Object.fromEntries(ROADMAP_SLOTS.map((s) => [s, 0])) as Record<RoadmapSlot, number>;
  for (const finding of findings) if (finding.status === 'open') counts[roadmapSlotOf(finding)] += 1;
  return counts;
}
