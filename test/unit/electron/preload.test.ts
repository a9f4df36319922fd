import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_METHODS, ipcChannel } from '../../../shared/bridge';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => 'ok');

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../../electron/preload');
  });

  it('exposes exactly the DesktopApi methods as window.desktop, frozen', () => {
    const api = exposed.desktop as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['desktop']);
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_API_METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const method of DESKTOP_API_METHODS) expect(typeof api[method]).toBe('function');
  });

  it('forwards each call to its own channel and nothing else', async () => {
    const api = exposed.desktop as Record<string, (payload?: unknown) => Promise<unknown>>;
    await api.saveFile!({ suggestedName: 'x.json', data: new Uint8Array() });
    await api.getSigningIdentity!();
    expect(invoke.mock.calls).toEqual([
      [ipcChannel('saveFile'), { suggestedName: 'x.json', data: new Uint8Array() }],
      [ipcChannel('getSigningIdentity')],
    ]);
  });
});
