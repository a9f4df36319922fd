import { describe, expect, it } from 'vitest';
import { CHECKLIST_COMMANDS, checklistHelp } from '../../../../../renderer/features/requirements/commands';
import { runKey } from '../../../../../renderer/ui/commands';

describe('checklist commands', () => {
  it('prints the footer hints from the same list the keyboard runs', () => {
    expect(checklistHelp()).toEqual([
      ['↑ ↓', 'move'],
      ['1', 'not assessed'],
      ['2', 'met'],
      ['3', 'partially met'],
      ['4', 'not met'],
      ['5', 'not applicable'],
      ['6', 'compensating'],
      ['N', 'notes'],
      ['E', 'attach files'],
      ['B', 'apply to several zones'],
      ['Esc', 'back to the list'],
    ]);
  });

  it('moves, answers and opens from the keyboard; other keys and modified keys pass through', () => {
    const done: string[] = [];
    const state = {
      index: 3,
      count: 10,
      move: (to: number) => done.push(`move ${to}`),
      setStatus: (status: string) => done.push(status),
      focusNotes: () => done.push('notes'),
      attachFiles: () => done.push('attach'),
      openBulk: () => done.push('bulk'),
    };
    const key = (k: string, ctrl = false) => ({
      key: k,
      ctrlKey: ctrl,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      preventDefault: () => undefined,
    });
    for (const k of ['ArrowDown', 'ArrowUp', 'Home', 'End', '2', '6', 'n', 'E', 'b'])
      runKey(CHECKLIST_COMMANDS, state, key(k));
    expect(done).toEqual([
      'move 4',
      'move 2',
      'move 0',
      'move 9',
      'met',
      'compensating',
      'notes',
      'attach',
      'bulk',
    ]);
    expect(runKey(CHECKLIST_COMMANDS, state, key('7'))).toBe(false);
    expect(runKey(CHECKLIST_COMMANDS, state, key('2', true))).toBe(false);
  });
});
