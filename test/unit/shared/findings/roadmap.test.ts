import { describe, expect, it } from 'vitest';
import {
  buildRoadmap,
  roadmapCounts,
  roadmapSlotOf,
  suggestedSlot,
  generateFindings,
  reconcileFindings,
  dismissFinding,
} from '../../../../shared/findings';
import { PROGRAM_PHASES, type Finding, type Severity } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('suggested roadmap slot', () => {
  it('follows the first-year timeline by phase for medium findings', () => {
    expect(PROGRAM_PHASES.map((phase) => suggestedSlot({ phase, severity: 'medium' }))).toEqual([
      'm1-3',
      'm3-6',
      'm6-9',
      'm6-9',
      'm9-12',
      'm9-12',
    ]);
  });

  it('pulls critical work to months 1-3 and high work one quarter earlier', () => {
    const slots = (severity: Severity) => PROGRAM_PHASES.map((phase) => suggestedSlot({ phase, severity }));
    expect(slots('critical')).toEqual(['m1-3', 'm1-3', 'm1-3', 'm1-3', 'm1-3', 'm1-3']);
    expect(slots('high')).toEqual(['m1-3', 'm1-3', 'm3-6', 'm3-6', 'm6-9', 'm6-9']);
    expect(slots('low')).toEqual(slots('medium'));
    expect(slots('info')).toEqual(slots('medium'));
  });

  it("lets the assessor's placement win", () => {
    expect(roadmapSlotOf({ phase: 1, severity: 'critical', roadmapSlot: 'm9-12' })).toBe('m9-12');
    expect(roadmapSlotOf({ phase: 6, severity: 'low', roadmapSlot: null })).toBe('m9-12');
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
    expect(phase2.map((e) => [e.finding.title, e.slot])).toEqual([
      ['Undocumented connection: Cellular/4G modem', 'm1-3'],
    ]);
    // The fixture's stored FR1 finding was placed in months 6-9 by the assessor.
    const phase3 = roadmap[2]!.entries;
    expect(phase3.map((e) => [e.finding.autoKey, e.slot, e.placedByAssessor])).toEqual([
      ['sl-gap:00000000-0000-4000-8000-000000020003', 'm3-6', false],
      ['requirements:00000000-0000-4000-8000-000000020003:FR1', 'm6-9', true],
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
