import { describe, expect, it } from 'vitest';
import { evaluateZone, IEC62443_3_3 } from '../../../../shared/catalogue';
import type { Answer } from '../../../../shared/model';
import { checklistGroups, hasContent, searchChecklist } from '../../../../shared/catalogue/checklist';
import { catalogueOf } from '../../../../shared/catalogue';
import { levelsOfZones } from '../../../../shared/catalogue';
import { answeredAssessment } from '../../../fixtures/requirements/answered-assessment';
import { zonedAssessment } from '../../../fixtures/requirements/zoned-assessment';

const data = zonedAssessment(['Cell'], [2]);
const zone = data.zones[0]!;
const answer = (itemId: string, patch: Partial<Answer> = {}): Answer => ({
  id: `a-${itemId}`,
  assessmentId: data.assessment.id,
  zoneId: zone.id,
  itemId,
  createdAt: '2026-03-02T08:15:00.000Z',
  updatedAt: '2026-03-02T08:15:00.000Z',
  status: 'met',
  notes: '',
  justification: '',
  evidenceIds: [],
  answeredBy: 'Ana',
  answeredAt: '2026-03-02T08:15:00.000Z',
  ...patch,
});

describe('checklist rows', () => {
  it('shows the items the SL-T requires, by FR, with nothing above it by default', () => {
    const groups = checklistGroups(evaluateZone(IEC62443_3_3, zone, []), 'all', false);
    expect(groups.map((g) => g.fr.fr)).toEqual(['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7']);
    expect(groups.flatMap((g) => g.rows)).toHaveLength(60);
    expect(groups.flatMap((g) => g.rows).every((r) => r.scope === 'required' && !r.answer)).toBe(true);
    expect(groups[0]!.rows.slice(0, 3).map((r) => r.item.id)).toEqual(['SR 1.1', 'SR 1.1 RE 1', 'SR 1.2']);
  });

  it('adds the items above the SL-T on request, and one FR at a time when filtered', () => {
    const all = checklistGroups(evaluateZone(IEC62443_3_3, zone, []), 'all', true).flatMap((g) => g.rows);
    expect(all).toHaveLength(100);
    expect(all.filter((r) => r.scope === 'above-target')).toHaveLength(40);
    const fr4 = checklistGroups(evaluateZone(IEC62443_3_3, zone, []), 'FR4', false);
    expect(fr4).toHaveLength(1);
    expect(fr4[0]!.rows.map((r) => r.item.id)).toEqual(
      IEC62443_3_3.items.filter((i) => i.fr === 'FR4' && i.minLevel <= 2).map((i) => i.id),
    );
  });

  it('always shows answers above the SL-T as out of scope, but not empty ones', () => {
    const answers = [
      answer('SR 1.1 RE 2', { status: 'not-met' }),
      answer('SR 2.1 RE 3', { status: 'not-assessed', notes: 'ask about the badge readers' }),
      answer('SR 3.1 RE 1', { status: 'not-assessed' }),
    ];
    const rows = checklistGroups(evaluateZone(IEC62443_3_3, zone, answers), 'all', false).flatMap(
      (g) => g.rows,
    );
    expect(rows.filter((r) => r.scope === 'out-of-scope').map((r) => r.item.id)).toEqual([
      'SR 1.1 RE 2',
      'SR 2.1 RE 3',
    ]);
    expect(hasContent(answers[2])).toBe(false);
    expect(hasContent(answer('SR 1.1', { status: 'not-assessed', evidenceIds: ['e1'] }))).toBe(true);
  });
});

describe('zone levels', () => {
  it('gives every zone its SL-T, SL-A, gap and progress from one pass over the answers', () => {
    const answered = answeredAssessment(8);
    const levels = levelsOfZones(IEC62443_3_3, answered.zones, answered.answers);
    expect(levels.size).toBe(8);
    for (const z of answered.zones) {
      const own = answered.answers.filter((a) => a.zoneId === z.id);
      const expected = evaluateZone(IEC62443_3_3, z, own);
      const got = levels.get(z.id)!;
      expect(got.target).toEqual(expected.target);
      expect(got.achieved).toEqual(expected.achieved);
      expect(got.gap).toEqual(expected.gap);
      expect(got.progress.zone).toEqual({
        answered: expected.progress.zone.required,
        required: expected.progress.zone.required,
      });
      expect(got.outOfScope).toBe(100 - expected.progress.zone.required);
    }
  });

  it('falls back to the shipped catalogue, and says so, for a version this build lacks', () => {
    expect(catalogueOf(IEC62443_3_3.version)).toEqual({ catalogue: IEC62443_3_3, known: true });
    expect(catalogueOf('iec62443-3-3:2030/other')).toEqual({ catalogue: IEC62443_3_3, known: false });
  });
});

describe('searching the checklist', () => {
  const groups = checklistGroups(evaluateZone(IEC62443_3_3, zone, []), 'all', true);
  const ids = (query: string) => searchChecklist(groups, query).flatMap((g) => g.rows.map((r) => r.item.id));

  it('keeps the rows whose id or title hold every word, accents and case ignored, and drops empty FRs', () => {
    expect(ids('PASSWORD')).toEqual(['SR 1.7', 'SR 1.7 RE 1', 'SR 1.7 RE 2']);
    expect(ids('multifactor NETWORKS')).toEqual(['SR 1.1 RE 2', 'SR 1.1 RE 3']);
    expect(ids('multifáctor')).toEqual(ids('multifactor'));
    expect(ids('sr 1.5')).toEqual(['SR 1.5', 'SR 1.5 RE 1']);
    expect(searchChecklist(groups, 'authorization').map((g) => g.fr.fr)).toEqual(['FR2']);
    expect(ids('no such requirement')).toEqual([]);
  });

  it('keeps every row for an empty query', () => {
    expect(searchChecklist(groups, '  ')).toEqual(groups);
  });
});
