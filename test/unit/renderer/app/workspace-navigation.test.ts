import { describe, expect, it } from 'vitest';
import { workspaceForKey } from '../../../../renderer/app/workspace-navigation';

const WORKSPACES = ['overview', 'inventory', 'diagram'];
const press = (
  key: string,
  mods: Partial<{ alt: boolean; ctrl: boolean; meta: boolean; shift: boolean }>,
) => ({
  key,
  altKey: mods.alt ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
});

describe('Alt+digit opens a workspace', () => {
  it('gives the n-th workspace for Alt+n', () => {
    expect(workspaceForKey(WORKSPACES, press('1', { alt: true }))).toBe('overview');
    expect(workspaceForKey(WORKSPACES, press('3', { alt: true }))).toBe('diagram');
  });

  it('gives none past the list, for Alt+0 or a letter, or without Alt alone', () => {
    expect(workspaceForKey(WORKSPACES, press('4', { alt: true }))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press('0', { alt: true }))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press('a', { alt: true }))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press(' ', { alt: true }))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press('1', {}))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press('1', { alt: true, ctrl: true }))).toBeUndefined();
    expect(workspaceForKey(WORKSPACES, press('1', { alt: true, meta: true }))).toBeUndefined();
  });
});
