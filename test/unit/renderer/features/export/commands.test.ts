import { describe, expect, it } from 'vitest';
import { EXPORT_COMMANDS, type ExportCommandState } from '../../../../../renderer/features/export/commands';
import { isEnabled, runKey } from '../../../../../renderer/ui/commands';

function state(overrides: Partial<ExportCommandState> = {}) {
  const done: string[] = [];
  const s: ExportCommandState = {
    desktop: false,
    hasIdentity: true,
    canBuildBundle: true,
    verifying: false,
    savingFile: false,
    buildBundle: () => done.push('build'),
    chooseBundleToVerify: () => done.push('verify'),
    exportPublicKey: () => done.push('pub'),
    openKeyDialog: (dialog) => done.push(dialog),
    exportAssessmentFile: () => done.push('file'),
    ...overrides,
  };
  return { s, done };
}

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
  altKey: false,
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

describe('export commands', () => {
  it('have unique ids, labels and shortcuts', () => {
    const ids = EXPORT_COMMANDS.map((c) => c.id);
    const labels = EXPORT_COMMANDS.map((c) => c.label);
    const shortcuts = EXPORT_COMMANDS.flatMap((c) => c.shortcuts ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    expect(shortcuts).toEqual(['Mod+E', 'Mod+O', 'Mod+Shift+E']);
  });

  it('builds the bundle on Mod+E, verifies on Mod+O, saves the file on Mod+Shift+E', () => {
    const { s, done } = state();
    for (const event of [
      press('e', { ctrl: true }),
      press('o', { ctrl: true }),
      press('E', { ctrl: true, shift: true }),
    ]) {
      expect(runKey(EXPORT_COMMANDS, s, event)).toBe(true);
      expect(event.prevented).toBe(true);
    }
    expect(done).toEqual(['build', 'verify', 'file']);
    expect(runKey(EXPORT_COMMANDS, s, press('e'))).toBe(false);
  });

  it('does nothing while a command cannot run: no key, a build or a check under way, a save under way', () => {
    const { s, done } = state({
      canBuildBundle: false,
      verifying: true,
      savingFile: true,
      hasIdentity: false,
    });
    runKey(EXPORT_COMMANDS, s, press('e', { ctrl: true }));
    runKey(EXPORT_COMMANDS, s, press('o', { ctrl: true }));
    runKey(EXPORT_COMMANDS, s, press('E', { ctrl: true, shift: true }));
    expect(done).toEqual([]);
    const enabled = EXPORT_COMMANDS.filter((c) => isEnabled(c, s)).map((c) => c.id);
    expect(enabled).toEqual([]);
  });

  it('offers backing up and restoring the key only in the desktop host', () => {
    const enabledIn = (desktop: boolean) =>
      EXPORT_COMMANDS.filter((c) => isEnabled(c, state({ desktop }).s)).map((c) => c.id);
    expect(enabledIn(false)).not.toContain('back-up-key');
    expect(enabledIn(false)).not.toContain('restore-key');
    expect(enabledIn(true)).toEqual(expect.arrayContaining(['back-up-key', 'restore-key']));
  });
});
