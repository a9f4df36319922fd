import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { InvokeEvent, IpcMainLike } from '../../../electron/ipc/guard';
import { MAX_OPEN_HASHES, registerHashHandlers } from '../../../electron/ipc/hash';
import { ipcChannel, type DesktopApiMethod } from '../../../shared/bridge';
import { MAX_HASH_CHUNK } from '../../../shared/bridge-validation';
import { FIXTURES } from '../shared/traffic/read-file';

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://conduit/index.html#/a/1/connections' } };

/** The handlers with their APIs injected: a fake ipcMain and node:crypto's real SHA-256. */
function setup() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
  const createSha256 = vi.fn(() => crypto.createHash('sha256'));
  registerHashHandlers(ipcMain, { createSha256 });
  const invoke = async (method: DesktopApiMethod, event: InvokeEvent, ...args: unknown[]) =>
    handlers.get(ipcChannel(method))!(event, ...args);
  return { invoke, createSha256 };
}

describe('native SHA-256 over IPC', () => {
  it('streams a real capture in chunks to the same digest as sha256sum', async () => {
    const { invoke } = setup();
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/mixed_modbus_s7_enip_mb2.pcap`));
    const id = (await invoke('openSha256', APP_FRAME)) as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (let at = 0; at < bytes.length; at += 100_003) {
      await invoke('updateSha256', APP_FRAME, { id, chunk: bytes.subarray(at, at + 100_003) });
    }
    const digest = await invoke('digestSha256', APP_FRAME, id);
    expect(digest).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    // A finished stream is gone.
    await expect(invoke('digestSha256', APP_FRAME, id)).rejects.toThrow(/no such hash stream/);
  });

  it('refuses foreign frames, bad payloads, oversized chunks and unknown ids before hashing anything', async () => {
    const { invoke, createSha256 } = setup();
    await expect(invoke('openSha256', { senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(
      /foreign frame/,
    );
    expect(createSha256).not.toHaveBeenCalled();
    const id = (await invoke('openSha256', APP_FRAME)) as string;
    await expect(invoke('updateSha256', APP_FRAME, { id, chunk: 'bytes' })).rejects.toThrow(
      /invalid payload/,
    );
    await expect(
      invoke('updateSha256', APP_FRAME, { id, chunk: new Uint8Array(MAX_HASH_CHUNK + 1) }),
    ).rejects.toThrow(/at most 16 MiB/);
    await expect(
      invoke('updateSha256', APP_FRAME, { id: crypto.randomUUID(), chunk: new Uint8Array(1) }),
    ).rejects.toThrow(/no such hash stream/);
    await expect(invoke('digestSha256', APP_FRAME, '../etc')).rejects.toThrow(/invalid payload/);
    await expect(invoke('openSha256', APP_FRAME, 'extra')).rejects.toThrow(/invalid payload/);
    // Nothing was added to the open stream by the refused calls.
    expect(await invoke('digestSha256', APP_FRAME, id)).toBe(crypto.createHash('sha256').digest('hex'));
  });

  it(`keeps at most ${MAX_OPEN_HASHES} streams open`, async () => {
    const { invoke } = setup();
    const ids: string[] = [];
    for (let i = 0; i < MAX_OPEN_HASHES; i++) ids.push((await invoke('openSha256', APP_FRAME)) as string);
    await expect(invoke('openSha256', APP_FRAME)).rejects.toThrow(/already open/);
    await invoke('digestSha256', APP_FRAME, ids[0]);
    await expect(invoke('openSha256', APP_FRAME)).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });
});
