import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  achievedDisplay,
  achievedLevelForFr,
  answerConflicts,
  assessItem,
  cappedAchievedVector,
  achievedVector,
  answersByItem,
  classifyAnswers,
  countsAsMet,
  evaluateZone,
  formatVector,
  gapVector,
  IEC62443_3_3,
  parseCatalogueTsv,
  progressFor,
  requirementsForTarget,
  targetVector,
  vectorToArray,
  type AnswerLike,
  type Catalogue,
  type SlVector,
} from '../../../../shared/catalogue';
import { answerSchema, type Answer, type AnswerStatus } from '../../../../shared/model/answers';
import { FR_IDS, type FrId } from '../../../../shared/model/common';
import type { SecurityLevelTarget } from '../../../../shared/model/zone';
import { DEFAULT_TSV_PATH } from '../../../../scripts/catalogue-module';

const catalogue = IEC62443_3_3;
const ZONE = '5f0c9a52-2d55-4c39-9f57-1a0ef4a3c001';
const OTHER_ZONE = '5f0c9a52-2d55-4c39-9f57-1a0ef4a3c002';

let counter = 0;
/** A real, schema-validated Answer record. */
function answer(
  itemId: string,
  status: AnswerStatus,
  justification = '',
  zoneId = ZONE,
  updatedAt = '2026-05-04T10:00:00Z',
): Answer {
  counter += 1;
  return answerSchema.parse({
    id: `answer-${counter}`,
    assessmentId: 'assessment-1',
    createdAt: '2026-05-04T09:00:00Z',
    updatedAt,
    zoneId,
    itemId,
    status,
    notes: '',
    justification,
    evidenceIds: [],
    answeredBy: status === 'not-assessed' ? null : 'A. Assessor',
    answeredAt: status === 'not-assessed' ? null : updatedAt,
  });
}

const itemsUpTo = (fr: FrId, level: number, cat: Catalogue = catalogue) =>
  cat.items.filter((i) => i.fr === fr && i.minLevel <= level);
/** "met" answers for every item of every FR up to that FR's level in the vector. */
const meetUpTo = (levels: Partial<Record<FrId, number>>, cat: Catalogue = catalogue) =>
  FR_IDS.flatMap((fr) => itemsUpTo(fr, levels[fr] ?? 0, cat).map((i) => answer(i.id, 'met')));
const uniform = (level: number) =>
  Object.fromEntries(FR_IDS.map((fr) => [fr, level])) as Record<FrId, number>;
const vector = (...levels: number[]): SlVector =>
  Object.fromEntries(FR_IDS.map((fr, i) => [fr, levels[i]])) as unknown as SlVector;
const slt = (base: number | null, overrides: SecurityLevelTarget['overrides'] = {}): SecurityLevelTarget => ({
  base,
  overrides,
});

describe('SL-T vector', () => {
  it('fills all seven FRs from the base level and applies per-FR overrides', () => {
    const t = targetVector(slt(2, { FR3: 3, FR4: 1 }));
    expect(vectorToArray(t)).toEqual([2, 2, 3, 1, 2, 2, 2]);
    expect(formatVector('SL-T', t)).toBe('SL-T {2,2,3,1,2,2,2}');
  });

  it('is 0 where nothing is set', () => {
    expect(formatVector('SL-T', targetVector(slt(null)))).toBe('SL-T {0,0,0,0,0,0,0}');
    expect(formatVector('SL-T', targetVector(slt(null, { FR5: 3 })))).toBe('SL-T {0,0,0,0,3,0,0}');
    expect(formatVector('SL-T', targetVector(undefined))).toBe('SL-T {0,0,0,0,0,0,0}');
    expect(formatVector('SL-T', targetVector(slt(3, { FR6: 0 })))).toBe('SL-T {3,3,3,3,3,0,3}');
  });
});

describe('items required for a zone', () => {
  it('are cumulative: 37, 60, 90, 100 items at a uniform SL1..SL4, each set containing the one below', () => {
    let previous = new Set<string>();
    const totals = [1, 2, 3, 4].map((level) => {
      const required = requirementsForTarget(catalogue, targetVector(slt(level))).flatMap((r) => r.required);
      const ids = new Set(required.map((i) => i.id));
      for (const id of previous) expect(ids.has(id)).toBe(true);
      previous = ids;
      return ids.size;
    });
    expect(totals).toEqual([37, 60, 90, 100]);
  });

  it("follow each FR's own level with overrides, and list the rest as above target", () => {
    const perFr = requirementsForTarget(catalogue, targetVector(slt(2, { FR3: 3, FR4: 1 })));
    expect(perFr.map((r) => [r.fr, r.target, r.required.length, r.aboveTarget.length])).toEqual([
      ['FR1', 2, 16, 8],
      ['FR2', 2, 12, 12],
      ['FR3', 3, 16, 3],
      ['FR4', 1, 2, 4],
      ['FR5', 2, 6, 5],
      ['FR6', 2, 2, 1],
      ['FR7', 2, 10, 3],
    ]);
    const fr1 = perFr[0]!;
    expect(fr1.required.map((i) => i.id)).toContain('SR 1.1 RE 1');
    expect(fr1.aboveTarget.map((i) => i.id)).toEqual(expect.arrayContaining(['SR 1.1 RE 2', 'SR 1.1 RE 3']));
    expect(perFr[3]!.required.map((i) => i.id)).toEqual(['SR 4.1', 'SR 4.3']);
  });

  it('include SR 1.1 RE 3 only at SL4', () => {
    for (const level of [1, 2, 3, 4]) {
      const fr1 = requirementsForTarget(catalogue, targetVector(slt(level)))[0]!;
      expect(fr1.required.some((i) => i.id === 'SR 1.1 RE 3')).toBe(level === 4);
    }
  });

  it('are none where the SL-T is unset', () => {
    const perFr = requirementsForTarget(catalogue, targetVector(slt(null)));
    expect(perFr.every((r) => r.required.length === 0)).toBe(true);
    expect(perFr.reduce((n, r) => n + r.aboveTarget.length, 0)).toBe(100);
  });
});

describe('SL-A', () => {
  it('is the highest level whose items are all met, per FR', () => {
    expect(formatVector('SL-A', achievedVector(catalogue, meetUpTo(uniform(2))))).toBe(
      'SL-A {2,2,2,2,2,2,2}',
    );
    expect(formatVector('SL-A', achievedVector(catalogue, meetUpTo({ FR1: 1, FR2: 3, FR5: 2 })))).toBe(
      'SL-A {1,3,0,0,2,0,0}',
    );
  });

  it('reaches 4 for FR6 and FR7 once SL3 is met, as no item there starts at SL4', () => {
    expect(formatVector('SL-A', achievedVector(catalogue, meetUpTo(uniform(3))))).toBe(
      'SL-A {3,3,3,3,3,4,4}',
    );
    expect(formatVector('SL-A', achievedVector(catalogue, meetUpTo(uniform(4))))).toBe(
      'SL-A {4,4,4,4,4,4,4}',
    );
  });

  it('counts not applicable with a reason and compensating controls as met', () => {
    const answers = itemsUpTo('FR1', 2).map((i, n) =>
      n % 3 === 0
        ? answer(i.id, 'not-applicable', 'no wireless in this zone')
        : n % 3 === 1
          ? answer(i.id, 'compensating', 'jump host with MFA in front of the HMIs')
          : answer(i.id, 'met'),
    );
    expect(achievedLevelForFr(catalogue, 'FR1', answersByItem(answers))).toBe(2);
  });

  it('does not count a not-applicable or compensating answer without its justification', () => {
    const bare: AnswerLike[] = [
      { itemId: 'SR 6.1', status: 'not-applicable', justification: '  ' },
      { itemId: 'SR 6.2', status: 'met', justification: '' },
    ];
    expect(countsAsMet(bare[0])).toBe(false);
    expect(countsAsMet({ itemId: 'SR 6.1', status: 'compensating', justification: '' })).toBe(false);
    expect(achievedLevelForFr(catalogue, 'FR6', answersByItem(bare))).toBe(0);
    expect(countsAsMet(undefined)).toBe(false);
  });

  it('counts partially met, not met and not assessed as not met', () => {
    for (const status of ['partially-met', 'not-met', 'not-assessed'] as const) {
      const answers = meetUpTo(uniform(3)).map((a) => (a.itemId === 'SR 7.8' ? answer('SR 7.8', status) : a));
      // SR 7.8 starts at SL2: FR7 falls back to SL1, the other FRs are untouched.
      expect(formatVector('SL-A', achievedVector(catalogue, answers))).toBe('SL-A {3,3,3,3,3,4,1}');
    }
  });

  it('is 0 for an FR whose base SR (SL1) is unmet, however much above it is met', () => {
    const answers = meetUpTo(uniform(4)).filter((a) => a.itemId !== 'SR 5.1');
    expect(formatVector('SL-A', achievedVector(catalogue, answers))).toBe('SL-A {4,4,4,4,0,4,4}');
    const notMet = [...answers, answer('SR 1.1', 'not-met')];
    const byItem = answersByItem(notMet);
    expect(achievedLevelForFr(catalogue, 'FR1', byItem)).toBe(0);
  });

  it('takes the most recently updated answer when an item has several', () => {
    const answers = [
      ...meetUpTo({ FR6: 3 }),
      answer('SR 6.2', 'not-met', '', ZONE, '2026-05-05T08:00:00Z'),
      answer('SR 6.1', 'met', '', ZONE, '2026-05-03T08:00:00Z'),
    ];
    expect(achievedVector(catalogue, answers).FR6).toBe(1);
  });

  it('ignores answers to ids the catalogue lacks', () => {
    const answers = [...meetUpTo({ FR4: 2 }), answer('SR 9.9', 'not-met'), answer('SR 4.1 RE 9', 'not-met')];
    expect(achievedVector(catalogue, answers).FR4).toBe(2);
  });
});

describe('gap', () => {
  it('is max(0, SL-T - SL-A) per FR', () => {
    const t = vector(2, 2, 3, 1, 2, 2, 2);
    const a = vector(1, 3, 0, 1, 2, 4, 0);
    expect(formatVector('gap', gapVector(t, a))).toBe('gap {1,0,3,0,0,0,2}');
  });
});

describe('progress', () => {
  it('counts required items answered (anything but not assessed), per FR and per zone', () => {
    const t = targetVector(slt(2, { FR3: 3, FR4: 1 }));
    const answers = [
      answer('SR 1.1', 'met'),
      answer('SR 1.1 RE 1', 'partially-met'),
      answer('SR 1.1 RE 2', 'met'), // above FR1's target: not counted
      answer('SR 1.2', 'not-assessed'),
      answer('SR 3.8 RE 1', 'not-met'),
      answer('SR 4.1', 'not-applicable', 'no confidential data held in the cell'),
      answer('SR 4.2', 'met'), // FR4 target is 1: SR 4.2 starts at SL2
      answer('SR 99.1', 'met'),
    ];
    const progress = progressFor(catalogue, t, answers);
    expect(progress.zone).toEqual({ answered: 4, required: 64 });
    expect(progress.perFr.FR1).toEqual({ answered: 2, required: 16 });
    expect(progress.perFr.FR3).toEqual({ answered: 1, required: 16 });
    expect(progress.perFr.FR4).toEqual({ answered: 1, required: 2 });
    expect(progress.perFr.FR7).toEqual({ answered: 0, required: 10 });
  });
});

describe('answers after an SL-T change', () => {
  const answers = [
    answer('SR 2.1', 'met'),
    answer('SR 2.1 RE 3', 'met'),
    answer('SR 2.1 RE 4', 'not-met'),
    answer('SR 2.12', 'compensating', 'change management log with four-eyes review'),
    answer('SR 8.1', 'met'),
  ];

  it('are kept and reported out of scope when the target is lowered, and back in scope when raised', () => {
    const high = classifyAnswers(catalogue, targetVector(slt(4)), answers);
    expect(high.inScope.map((a) => a.itemId)).toEqual(['SR 2.1', 'SR 2.1 RE 3', 'SR 2.1 RE 4', 'SR 2.12']);
    expect(high.outOfScope).toEqual([]);

    const low = classifyAnswers(catalogue, targetVector(slt(1)), answers);
    expect(low.inScope.map((a) => a.itemId)).toEqual(['SR 2.1']);
    expect(low.outOfScope.map((a) => a.itemId)).toEqual(['SR 2.1 RE 3', 'SR 2.1 RE 4', 'SR 2.12']);
    expect(low.outOfScope[0]).toBe(answers[1]);
    expect(low.unknown.map((a) => a.itemId)).toEqual(['SR 8.1']);

    const override = classifyAnswers(catalogue, targetVector(slt(1, { FR2: 3 })), answers);
    expect(override.outOfScope.map((a) => a.itemId)).toEqual(['SR 2.1 RE 4']);
  });

  it('are left out of progress while out of scope', () => {
    expect(progressFor(catalogue, targetVector(slt(1)), answers).perFr.FR2).toEqual({
      answered: 1,
      required: 8,
    });
    expect(progressFor(catalogue, targetVector(slt(4)), answers).perFr.FR2).toEqual({
      answered: 4,
      required: 24,
    });
  });
});

describe('evaluateZone', () => {
  it("gives SL-T, SL-A, gap, progress and per-FR detail for one zone, ignoring other zones' answers", () => {
    const zone = { id: ZONE, slt: slt(2, { FR3: 3, FR4: 1 }) };
    const answers = [
      ...meetUpTo({ FR1: 2, FR2: 1, FR3: 3, FR4: 1, FR5: 2, FR6: 2, FR7: 2 }).filter(
        (a) => a.itemId !== 'SR 3.4 RE 1',
      ),
      answer('SR 3.4 RE 1', 'partially-met'),
      answer('SR 2.5', 'not-met', '', OTHER_ZONE),
      answer('SR 5.1 RE 3', 'met'),
      answer('SR 0.0', 'met'),
    ];
    const result = evaluateZone(catalogue, zone, answers);
    expect(result.catalogueVersion).toBe(catalogue.version);
    expect(formatVector('SL-T', result.target)).toBe('SL-T {2,2,3,1,2,2,2}');
    expect(formatVector('SL-A', result.achieved)).toBe('SL-A {2,1,2,1,2,2,2}');
    expect(formatVector('gap', result.gap)).toBe('gap {0,1,1,0,0,0,0}');
    expect(result.progress.zone).toEqual({ answered: 16 + 8 + 16 + 2 + 6 + 2 + 10, required: 64 });
    const fr2 = result.perFr[1]!;
    expect(fr2).toMatchObject({
      fr: 'FR2',
      short: 'UC',
      name: 'Use control',
      target: 2,
      achieved: 1,
      gap: 1,
    });
    expect(fr2.unmet.map((i) => i.id)).toEqual(['SR 2.1 RE 1', 'SR 2.1 RE 2', 'SR 2.6', 'SR 2.11']);
    expect(result.perFr[2]!.unmet.map((i) => i.id)).toEqual(['SR 3.4 RE 1']);
    expect(result.outOfScope.map((a) => a.itemId)).toEqual(['SR 5.1 RE 3']);
    expect(result.unknown.map((a) => a.itemId)).toEqual(['SR 0.0']);
    expect(
      [...result.inScope, ...result.outOfScope, ...result.unknown].some((a) => a.zoneId === OTHER_ZONE),
    ).toBe(false);
  });
});

describe('with another catalogue version', () => {
  // A licensed assessor's correction: SR 1.1 RE 1 moves to SL3, SR 7.8 is dropped, SR 3.4 moves back to SL1.
  const corrected: Catalogue = {
    ...catalogue,
    version: 'iec62443-3-3:2013/licensed-fix-1',
    items: parseCatalogueTsv(
      readFileSync(DEFAULT_TSV_PATH, 'utf8')
        .replace(
          /(\tRE 1\tUnique identification and authentication\t)0\t1\t1\t1/,
          (_, row: string) => `${row}0\t0\t1\t1`,
        )
        .replace(/FR7\tSR 7\.8\t[^\n]*\n?/, '')
        .replace(
          /(SR 3\.4\t\tSoftware and information integrity\t)0\t1\t1\t1/,
          (_, row: string) => `${row}1\t1\t1\t1`,
        ),
      'corrected.tsv',
    ),
  };

  it('parses to the corrected levels', () => {
    expect(corrected.items).toHaveLength(99);
    expect(corrected.items.find((i) => i.id === 'SR 1.1 RE 1')?.minLevel).toBe(3);
    expect(corrected.items.find((i) => i.id === 'SR 3.4')?.minLevel).toBe(1);
  });

  it('changes required items, SL-A, progress and scope accordingly', () => {
    const sl2 = targetVector(slt(2));
    const answers = meetUpTo(uniform(2)).filter((a) => a.itemId !== 'SR 3.4');

    const before = evaluateZone(catalogue, { id: ZONE, slt: slt(2) }, answers);
    const after = evaluateZone(corrected, { id: ZONE, slt: slt(2) }, answers);
    expect(after.catalogueVersion).toBe('iec62443-3-3:2013/licensed-fix-1');

    expect(requirementsForTarget(catalogue, sl2).flatMap((r) => r.required)).toHaveLength(60);
    expect(requirementsForTarget(corrected, sl2).flatMap((r) => r.required)).toHaveLength(58);

    // SR 3.4 unanswered: SL2 gap under the shipped catalogue, SL-A 0 once it is a base SR.
    expect(formatVector('SL-A', before.achieved)).toBe('SL-A {2,2,1,2,2,2,2}');
    expect(formatVector('SL-A', after.achieved)).toBe('SL-A {2,2,0,2,2,2,2}');

    // SR 1.1 RE 1 is now above SL2: its answer moves out of scope; SR 7.8 is unknown to the corrected catalogue.
    expect(after.outOfScope.map((a) => a.itemId)).toEqual(['SR 1.1 RE 1']);
    expect(after.unknown.map((a) => a.itemId)).toEqual(['SR 7.8']);
    expect(before.outOfScope).toEqual([]);
    expect(before.unknown).toEqual([]);
    expect(after.progress.zone).toEqual({ answered: 57, required: 58 });
    expect(before.progress.zone).toEqual({ answered: 59, required: 60 });
  });
});

describe('coverage', () => {
  const zone = { id: ZONE, slt: slt(2) };

  it('splits required items into met, compensating, N/A, partially met, not met and not assessed', () => {
    const answers = [
      answer('SR 1.1', 'met'),
      answer('SR 1.1 RE 1', 'partially-met'),
      answer('SR 1.2', 'not-met'),
      answer('SR 1.3', 'compensating', 'accounts reviewed monthly by the plant manager'),
      answer('SR 1.6', 'not-applicable', 'no wireless in this zone'),
      answer('SR 1.4', 'not-assessed'),
    ];
    const result = evaluateZone(catalogue, zone, answers);
    const fr1 = result.perFr[0]!;
    expect(fr1.coverage).toEqual({
      required: 16,
      // SR 1.6 RE 1 takes N/A from SR 1.6.
      answered: 6,
      met: 1,
      compensating: 1,
      notApplicable: 2,
      partiallyMet: 1,
      notMet: 1,
      notAssessed: 10,
    });
    expect(fr1.progress).toEqual({ answered: 6, required: 16 });
    expect(fr1.provisional).toBe(true);
    expect(result.coverage.required).toBe(60);
    expect(result.coverage.answered).toBe(6);
    expect(result.coverage.notAssessed).toBe(54);
    expect(result.provisional).toBe(true);
    expect(result.perFr[1]!.coverage.answered).toBe(0);
  });

  it('is no longer provisional once every required item is answered', () => {
    const answers = itemsUpTo('FR6', 2).map((i) => answer(i.id, 'not-met'));
    const result = evaluateZone(catalogue, { id: ZONE, slt: slt(null, { FR6: 2 }) }, answers);
    expect(result.perFr[5]!.provisional).toBe(false);
    expect(result.perFr[5]!.achieved).toBe(0);
    expect(result.provisional).toBe(false);
  });
});

describe('N/A on an SR', () => {
  it('carries to its unanswered REs, so SL-A does not drop', () => {
    const answers = [
      ...meetUpTo({ FR1: 2 }).filter((a) => !a.itemId.startsWith('SR 1.6')),
      answer('SR 1.6', 'not-applicable', 'no wireless anywhere in the plant'),
    ];
    expect(achievedVector(catalogue, answers).FR1).toBe(2);
    const fr1 = evaluateZone(catalogue, { id: ZONE, slt: slt(2) }, answers).perFr[0]!;
    const re = fr1.items.find((i) => i.item.id === 'SR 1.6 RE 1')!;
    expect(re.outcome).toBe('not-applicable');
    expect(re.answer).toBeUndefined();
    expect(re.inheritedFrom?.itemId).toBe('SR 1.6');
    expect(fr1.unmet).toEqual([]);
    expect(fr1.provisional).toBe(false);
  });

  it("does not override an RE's own answer", () => {
    const answers = [
      ...meetUpTo({ FR1: 2 }).filter((a) => !a.itemId.startsWith('SR 1.6')),
      answer('SR 1.6', 'not-applicable', 'no wireless anywhere in the plant'),
      answer('SR 1.6 RE 1', 'not-met'),
    ];
    expect(achievedVector(catalogue, answers).FR1).toBe(1);
    const fr1 = evaluateZone(catalogue, { id: ZONE, slt: slt(2) }, answers).perFr[0]!;
    expect(fr1.unmet.map((i) => i.id)).toEqual(['SR 1.6 RE 1']);
  });

  it('without its reason carries nothing', () => {
    const bare: AnswerLike[] = [{ itemId: 'SR 1.6', status: 'not-applicable', justification: '' }];
    expect(
      assessItem(
        catalogue.items.find((i) => i.id === 'SR 1.6 RE 1')!,
        answersByItem(bare),
      ).outcome,
    ).toBe('not-assessed');
  });
});

describe('an RE marked N/A while its SR is not met', () => {
  it('is flagged with the SR and its outcome', () => {
    const answers = [
      answer('SR 1.1', 'not-met'),
      answer('SR 1.1 RE 1', 'not-applicable', 'single operator site'),
      answer('SR 1.6', 'met'),
      answer('SR 1.6 RE 1', 'not-applicable', 'access point only serves a barcode scanner'),
      answer('SR 2.1 RE 1', 'not-applicable', 'no service accounts'),
    ];
    const result = evaluateZone(catalogue, { id: ZONE, slt: slt(2) }, answers);
    expect(result.conflicts).toEqual([
      { itemId: 'SR 1.1 RE 1', sr: 'SR 1.1', srOutcome: 'not-met' },
      { itemId: 'SR 2.1 RE 1', sr: 'SR 2.1', srOutcome: 'not-assessed' },
    ]);
  });

  it('is not flagged when the SR is met, compensated or itself N/A', () => {
    const byItem = answersByItem([
      answer('SR 1.1', 'compensating', 'badge readers at the control room door'),
      answer('SR 1.1 RE 1', 'not-applicable', 'one operator per shift'),
      answer('SR 1.6', 'not-applicable', 'no wireless'),
      answer('SR 1.6 RE 1', 'not-applicable', 'no wireless'),
    ]);
    expect(answerConflicts(catalogue.items, byItem)).toEqual([]);
  });
});

describe('SL-A as shown', () => {
  it('is capped at SL-T, with "≥ SL-T" when higher, and shows 0', () => {
    expect(achievedDisplay(2, 4)).toEqual({ level: 2, aboveTarget: true, label: '≥ 2' });
    expect(achievedDisplay(2, 2)).toEqual({ level: 2, aboveTarget: false, label: '2' });
    expect(achievedDisplay(3, 0)).toEqual({ level: 0, aboveTarget: false, label: '0' });
    const a = achievedVector(catalogue, meetUpTo(uniform(3)));
    expect(formatVector('SL-A', cappedAchievedVector(vector(2, 2, 3, 1, 2, 2, 2), a))).toBe(
      'SL-A {2,2,3,1,2,2,2}',
    );
  });
});
