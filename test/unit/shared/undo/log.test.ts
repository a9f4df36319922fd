import { describe, expect, it } from 'vitest';
import {
  applyLogWrite,
  invertRecordChanges,
  MERGE_WINDOW_MS,
  nextRedo,
  nextUndo,
  planDiscard,
  planPush,
  planRedo,
  planUndo,
  sameRecord,
  staleChanges,
  UNDO_LIMIT,
  type UndoStep,
} from '../../../../shared/undo';

type Steps = UndoStep<string[]>[];
const push = (steps: Steps, label: string, at = 0, mergeKey: string | null = null): Steps =>
  applyLogWrite(
    steps,
    planPush(steps, {
      assessmentId: 'a1',
      workspace: 'risk',
      label,
      change: [label],
      mergeKey,
      at,
      merge: (first, second) => [...first, ...second],
    }),
  );
const undo = (steps: Steps) => applyLogWrite(steps, planUndo(steps)!.write);
const redo = (steps: Steps) => applyLogWrite(steps, planRedo(steps)!.write);

describe('the persisted undo log', () => {
  it('undoes newest first and redoes in the order undone', () => {
    let steps = push(push(push([], 'one'), 'two'), 'three');
    expect(steps.map((s) => s.id)).toEqual([
      'a1:risk:000000000001',
      'a1:risk:000000000002',
      'a1:risk:000000000003',
    ]);
    expect(planUndo(steps)!.step.label).toBe('three');
    steps = undo(undo(steps));
    expect(nextUndo(steps)!.label).toBe('one');
    expect(nextRedo(steps)!.label).toBe('two');
    steps = redo(steps);
    expect(nextRedo(steps)!.label).toBe('three');
    expect(nextUndo(steps)!.label).toBe('two');
  });

  it('drops the redo steps when a new step is recorded', () => {
    let steps = undo(push(push([], 'one'), 'two'));
    const write = planPush(steps, { assessmentId: 'a1', workspace: 'risk', label: 'new', change: [], at: 0 });
    expect(write.delete).toEqual(['a1:risk:000000000002']);
    steps = applyLogWrite(steps, write);
    expect(steps.map((s) => [s.label, s.seq, s.undone])).toEqual([
      ['one', 1, false],
      ['new', 3, false],
    ]);
    expect(planRedo(steps)).toBeNull();
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, () => {
    let steps: Steps = [];
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) steps = push(steps, `step ${i}`);
    expect(steps).toHaveLength(UNDO_LIMIT);
    expect(steps[0]!.label).toBe('step 6');
    expect(steps.at(-1)!.label).toBe(`step ${UNDO_LIMIT + 5}`);
  });

  it('merges the same edit within the window into one step, and not after it or after a redo', () => {
    let steps = push(push([], 'name A', 1_000, 'zone:1:name'), 'name AB', 1_500, 'zone:1:name');
    expect(steps.map((s) => [s.label, s.change])).toEqual([['name AB', ['name A', 'name AB']]]);
    steps = push(steps, 'name ABC', 1_500 + MERGE_WINDOW_MS, 'zone:1:name');
    expect(steps).toHaveLength(2);
    steps = redo(undo(steps));
    steps = push(steps, 'name ABCD', 1_600 + MERGE_WINDOW_MS, 'zone:1:name');
    expect(steps).toHaveLength(3);
  });

  it('discards a blocked step with the ones that depend on it', () => {
    const steps = undo(push(push(push(push([], 'one'), 'two'), 'three'), 'four'));
    // Undo of "three" blocked: "one" and "two" are older and go with it; the redo of "four" stays.
    expect(planDiscard(steps, steps[2]!, 'undo').delete).toEqual(steps.slice(0, 3).map((s) => s.id));
    const twice = undo(undo(steps));
    // Redo of "three" blocked: "four" is newer and goes with it.
    expect(planDiscard(twice, twice[2]!, 'redo').delete).toEqual([twice[2]!.id, twice[3]!.id]);
  });
});

describe('record-level changes', () => {
  const before = { id: 'c1', title: 'Firewall', status: 'planned', updatedAt: '2026-01-01' };
  const after = { id: 'c1', title: 'Firewall', status: 'done', updatedAt: '2026-01-02' };
  const created = { id: 's1', title: 'Phishing', updatedAt: '2026-01-02' };

  it('inverts by flipping each change and reversing their order', () => {
    expect(
      invertRecordChanges([
        { table: 'countermeasures', before, after },
        { table: 'threatScenarios', before: null, after: created },
      ]),
    ).toEqual([
      { table: 'threatScenarios', before: created, after: null },
      { table: 'countermeasures', before: after, after: before },
    ]);
  });

  it('compares records deeply, ignoring updatedAt and absent optional fields', () => {
    expect(sameRecord({ ...before, updatedAt: 'later' }, before)).toBe(true);
    expect(sameRecord({ ...before, note: undefined }, before)).toBe(true);
    expect(sameRecord(after, before)).toBe(false);
    expect(sameRecord({ id: 'x', list: [1, 2] }, { id: 'x', list: [1, 2, 3] })).toBe(false);
    expect(sameRecord({ id: 'x', nested: { a: [{ b: 1 }] } }, { id: 'x', nested: { a: [{ b: 1 }] } })).toBe(
      true,
    );
  });

  it('finds the changes whose records are no longer as they expect', () => {
    const stored = new Map<string, { id: string }>([['countermeasures:c1', after]]);
    const current = (table: string, id: string) => stored.get(`${table}:${id}`);
    const change = [{ table: 'countermeasures', before, after }];
    // Redo expects "planned": the store holds "done".
    expect(staleChanges(change, current)).toEqual(change);
    // Undo expects "done": it applies.
    expect(staleChanges(invertRecordChanges(change), current)).toEqual([]);
    // A creation expects no record; a deletion expects the record.
    expect(staleChanges([{ table: 'threatScenarios', before: null, after: created }], current)).toEqual([]);
    expect(staleChanges([{ table: 'threatScenarios', before: created, after: null }], current)).toHaveLength(
      1,
    );
  });
});
