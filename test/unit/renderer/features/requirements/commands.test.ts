import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_COMMANDS,
  checklistHelp,
  typesText,
} from '../../../../../renderer/features/requirements/commands';
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
      backToList: () => done.push('back'),
    };
    const key = (k: string, ctrl = false) => ({
      key: k,
      ctrlKey: ctrl,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      preventDefault: () => undefined,
    });
    for (const k of ['ArrowDown', 'ArrowUp', 'Home', 'End', '2', '6', 'n', 'E', 'b', 'Escape'])
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
      'back',
    ]);
    expect(runKey(CHECKLIST_COMMANDS, state, key('7'))).toBe(false);
    expect(runKey(CHECKLIST_COMMANDS, state, key('2', true))).toBe(false);
  });

  it('counts a plain character as typing, so the checklist sends it to the notes', () => {
    const press = (
      k: string,
      mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
    ) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...mods,
    });
    expect(typesText(press('q'))).toBe(true);
    expect(typesText(press('Ü'))).toBe(true);
    expect(typesText(press(' '))).toBe(false);
    expect(typesText(press('Enter'))).toBe(false);
    expect(typesText(press('q', { ctrlKey: true }))).toBe(false);
    expect(typesText(press('q', { altKey: true }))).toBe(false);
  });
});
