import { describe, expect, it } from 'vitest';
import {
  buildRoadmap,
  roadmapCounts,
  planRoadmap,
  ROADMAP_SLOT_LABELS,
  roadmapSlotOf,
  suggestedSlot,
  generateFindings,
  reconcileFindings,
  dismissFinding,
} from '../../../../shared/findings';
import {
  findingSchema,
  PROGRAM_PHASES,
  ROADMAP_SLOTS,
  type Finding,
  type Severity,
} from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('suggested roadmap slot', () => {
  it('follows the first-year timeline by phase', () => {
    expect(PROGRAM_PHASES.map((phase) => suggestedSlot({ phase, severity: 'medium' }))).toEqual([
      'm1-3',
      'm3-6',
      'm6-9',
      'm6-9',
      'm9-12',
      'm9-12',
    ]);
    expect(ROADMAP_SLOTS.map((slot) => ROADMAP_SLOT_LABELS[slot])).toEqual([
      'Months 1–3',
      'Months 4–6',
      'Months 7–9',
      'Months 10–12',
    ]);
  });

  it('brings critical work one quarter forward, never every critical finding to months 1-3', () => {
    const slots = (severity: Severity) => PROGRAM_PHASES.map((phase) => suggestedSlot({ phase, severity }));
    expect(slots('critical')).toEqual(['m1-3', 'm1-3', 'm3-6', 'm3-6', 'm6-9', 'm6-9']);
    expect(slots('high')).toEqual(slots('medium'));
    expect(slots('info')).toEqual(slots('medium'));
  });

  it('puts backups, a quick win, in months 1-3 although they are phase 6', () => {
    const backup = {
      phase: 6 as const,
      severity: 'medium' as const,
      refs: { itemIds: ['SR 7.3', 'SR 7.3 RE 1'] },
    };
    expect(suggestedSlot(backup)).toBe('m1-3');
    expect(suggestedSlot({ ...backup, refs: { itemIds: ['SR 7.3', 'SR 7.4'] } })).toBe('m9-12');
  });

  it("lets the assessor's placement win", () => {
    expect(roadmapSlotOf({ phase: 1, severity: 'critical', roadmapSlot: 'm9-12' })).toBe('m9-12');
    expect(roadmapSlotOf({ phase: 6, severity: 'low', roadmapSlot: null })).toBe('m9-12');
  });
});

describe('planRoadmap with a quarter capacity', () => {
  let n = 0;
  const finding = (fields: Partial<Finding>): Finding =>
    findingSchema.parse({
      id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      assessmentId: 'a',
      createdAt: '2026-06-01T00:00:00.000Z',
      updatedAt: '2026-06-01T00:00:00.000Z',
      title: `Finding ${n}`,
      description: '',
      severity: 'medium',
      phase: 1,
      recommendation: '',
      refs: {},
      origin: 'auto',
      autoKey: `k${n}`,
      status: 'open',
      order: n,
      effort: 'M',
      ...fields,
    });

  it('moves overflow to later quarters, least severe first, and keeps assessor placements', () => {
    const low = finding({ severity: 'low' });
    const critical = finding({ severity: 'critical', effort: 'L' });
    const high = finding({ severity: 'high' });
    const placed = finding({ severity: 'info', roadmapSlot: 'm1-3', effort: 'S' });
    const all = [low, critical, high, placed];
    // No limit: all in months 1-3 (phase 1).
    expect([...planRoadmap(all).values()].map((p) => p.slot)).toEqual(['m1-3', 'm1-3', 'm1-3', 'm1-3']);
    // 10 points a quarter: the placement (1) stays, critical (8) fits, high (3) and low (3) move on.
    const plan = planRoadmap(all, { quarterCapacity: 10 });
    expect(plan.get(placed.id)).toMatchObject({ slot: 'm1-3', placedByAssessor: true, deferred: false });
    expect(plan.get(critical.id)).toMatchObject({ slot: 'm1-3', deferred: false });
    expect(plan.get(high.id)).toMatchObject({ slot: 'm3-6', deferred: true });
    expect(plan.get(low.id)).toMatchObject({ slot: 'm3-6', deferred: true });
    expect(roadmapCounts(all, { quarterCapacity: 10 })).toEqual({
      'm1-3': 2,
      'm3-6': 2,
      'm6-9': 0,
      'm9-12': 0,
    });
  });

  it('keeps overflow in months 10-12 and says the year is over capacity', () => {
    const many = Array.from({ length: 6 }, () => finding({ phase: 5, effort: 'L' }));
    const plan = planRoadmap(many, { quarterCapacity: 8 });
    expect(many.map((f) => plan.get(f.id)!.slot)).toEqual(Array(6).fill('m9-12'));
    expect(many.map((f) => plan.get(f.id)!.overCapacity)).toEqual([false, true, true, true, true, true]);
  });

  it('never leaves a quarter empty for a finding larger than the capacity', () => {
    const big = finding({ effort: 'L' });
    expect(planRoadmap([big], { quarterCapacity: 2 }).get(big.id)).toMatchObject({
      slot: 'm1-3',
      overCapacity: false,
    });
  });
});

describe('buildRoadmap', () => {
  async function findings(): Promise<Finding[]> {
    const data = await richAssessment();
    let n = 0;
    return reconcileFindings(
      data.findings,
      generateFindings(data, { now: new Date('2026-06-01T00:00:00Z') }),
      {
        assessmentId: data.assessment.id,
        now: '2026-06-01T00:00:00.000Z',
        makeId: () => `f-${++n}`,
      },
    ).findings;
  }

  it('groups open findings by phase and places each in one quarter', async () => {
    const all = await findings();
    const roadmap = buildRoadmap(all);
    expect(roadmap.map((p) => p.phase)).toEqual([1, 2, 3]);
    expect(roadmap.map((p) => p.label)).toEqual([
      'Asset inventory and network mapping',
      'Segmentation',
      'Identity and access',
    ]);
    const phase2 = roadmap[1]!.entries;
    expect(phase2.find((e) => e.finding.autoKey === 'connections:cellular')!.slot).toBe('m1-3');
    // The fixture's stored FR1 finding of an earlier version was placed in months 7-9 by the
    // assessor: the SR 1.1 finding that now covers its item keeps that placement.
    const phase3 = roadmap[2]!.entries;
    expect(phase3.map((e) => [e.finding.autoKey, e.slot, e.placedByAssessor])).toEqual([
      ['requirements:SR 1.1:p3', 'm6-9', true],
    ]);
    for (const phase of roadmap) {
      const indexes = phase.entries.map((e) => e.slotIndex);
      expect(indexes).toEqual([...indexes].sort());
    }
  });

  it('leaves dismissed findings off and counts per quarter', async () => {
    const all = await findings();
    const modem = all.find((f) => f.autoKey === 'connections:cellular')!;
    const withDismissed = all.map((f) => (f === modem ? dismissFinding(f, 'Removed during the visit.') : f));
    expect(buildRoadmap(withDismissed).some((p) => p.entries.some((e) => e.finding.id === modem.id))).toBe(
      false,
    );
    const counts = roadmapCounts(withDismissed);
    expect(counts['m1-3'] + counts['m3-6'] + counts['m6-9'] + counts['m9-12']).toBe(all.length - 1);
    expect(roadmapCounts(all)['m1-3'] - counts['m1-3']).toBe(1);
  });
});
