import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  commandForKey,
  matchesShortcut,
  runKey,
  shortcutLabel,
  type Command,
} from '../../../../renderer/ui/commands';

const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => {
  let prevented = false;
  return {
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
    preventDefault: () => (prevented = true),
    get prevented() {
      return prevented;
    },
  };
};

describe('commands as data', () => {
  it('matches shortcuts with exact modifiers; Mod is Ctrl or Cmd', () => {
    expect(matchesShortcut(press('z', { ctrl: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(press('z', { meta: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesShortcut(press('z'), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('Delete'), 'Delete')).toBe(true);
    expect(matchesShortcut(press('Delete', { ctrl: true }), 'Delete')).toBe(false);
    // A bare letter matches in either case, never with Ctrl or Alt.
    expect(matchesShortcut(press('N', { shift: true }), 'N')).toBe(true);
    expect(matchesShortcut(press('n'), 'N')).toBe(true);
    expect(matchesShortcut(press('n', { ctrl: true }), 'N')).toBe(false);
    expect(matchesShortcut(press('n', { alt: true }), 'N')).toBe(false);
  });

  it('runs the matched command only when enabled, and keeps the browser default only when asked', () => {
    const ran: string[] = [];
    const commands: Command<{ canUndo: boolean }>[] = [
      {
        id: 'undo',
        label: 'Undo',
        shortcuts: ['Mod+Z'],
        enabled: (s) => s.canUndo,
        perform: () => ran.push('undo'),
      },
      { id: 'copy', label: 'Copy', shortcuts: ['Mod+C'], perform: () => ran.push('copy'), keepDefault: true },
    ];
    const disabled = press('z', { ctrl: true });
    expect(runKey(commands, { canUndo: false }, disabled)).toBe(true);
    expect(disabled.prevented).toBe(true);
    expect(ran).toEqual([]);
    expect(runKey(commands, { canUndo: true }, press('z', { ctrl: true }))).toBe(true);
    const copy = press('c', { meta: true });
    expect(runKey(commands, { canUndo: true }, copy)).toBe(true);
    expect(copy.prevented).toBe(false);
    expect(ran).toEqual(['undo', 'copy']);
    const other = press('x', { ctrl: true });
    expect(runKey(commands, { canUndo: true }, other)).toBe(false);
    expect(other.prevented).toBe(false);
    expect(commandForKey(commands, press('c', { ctrl: true }))?.id).toBe('copy');
  });

  it('names shortcuts for people (Ctrl, arrows) and for assistive technology (Control, key names)', () => {
    expect(['Mod+Shift+Z', 'Alt+ArrowUp', 'Delete', 'N'].map(shortcutLabel)).toEqual([
      'Ctrl+Shift+Z',
      'Alt+↑',
      'Delete',
      'N',
    ]);
    expect(ariaKeyShortcuts(['Mod+Shift+Z', 'Mod+Y'])).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts(['Alt+ArrowDown'])).toBe('Alt+ArrowDown');
    expect(ariaKeyShortcuts([])).toBeUndefined();
    expect(ariaKeyShortcuts(undefined)).toBeUndefined();
  });
});
