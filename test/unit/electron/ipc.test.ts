import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/ipc';
import type { InvokeEvent, IpcMainLike } from '../../../electron/ipc/guard';
import { SigningKeyStore, type KeyFileStore, type SafeStorageLike } from '../../../electron/ipc/keys';
import { DESKTOP_API_METHODS, ipcChannel, type DesktopApiMethod } from '../../../shared/bridge';
import {
  formatAllowedSigners,
  SIGNATURE_NAMESPACE,
  signSshSig,
  sshSigSignedData,
  verifySshSig,
} from '../../../shared/bundle';
import { parseOpenSshPublicKey } from '../../../shared/bundle/ssh-key';
import { hasCommand } from '../helpers/tools';

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://conduit/index.html#/a/1/export' } };

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
  const invoke = async (method: DesktopApiMethod, event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(ipcChannel(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

function memoryKeyFile(): KeyFileStore & { contents: string | null } {
  const file = {
    contents: null as string | null,
    read: async () => file.contents,
    write: async (text: string) => {
      file.contents = text;
    },
    remove: async () => {
      file.contents = null;
    },
  };
  return file;
}

/** Stands in for the OS keychain: reversible, but visibly not plain text. */
const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => new Uint8Array(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from(Buffer.from(data).map((b) => b ^ 0x5a)).toString('utf8'),
};
const noKeychain: SafeStorageLike = { ...keychain, isEncryptionAvailable: () => false };

function setup(safeStorage: SafeStorageLike = keychain) {
  const fake = fakeIpcMain();
  const dir = mkdtempSync(path.join(tmpdir(), 'conduit-ipc-'));
  const picked = path.join(dir, 'inventory.csv');
  writeFileSync(picked, 'ip,mac\n10.0.0.1,00:11:22:33:44:55\n');
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [picked] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(dir, 'saved.json') })),
  };
  const written = new Map<string, Uint8Array>();
  const openExternal = vi.fn();
  const keyFile = memoryKeyFile();
  registerIpcHandlers({
    ipcMain: fake.ipcMain,
    dialog,
    fs: {
      readFile: async () => new TextEncoder().encode('ip,mac\n10.0.0.1,00:11:22:33:44:55\n'),
      writeFile: async (file, data) => void written.set(file, data),
      stat: async () => ({ size: 36, isFile: () => true }),
    },
    downloadsDir: dir,
    keys: new SigningKeyStore(keyFile, safeStorage),
    writeKeyBackup: async (file, contents) => void written.set(file, new TextEncoder().encode(contents)),
    openExternal,
    hash: { createSha256: () => crypto.createHash('sha256') },
  });
  return { ...fake, dialog, written, openExternal, keyFile, dir };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per DesktopApi method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(DESKTOP_API_METHODS.map(ipcChannel).sort());
  });

  it('refuses a call from a foreign frame, a sub-frame or a vanished frame', async () => {
    const { invoke, dialog } = setup();
    await expect(invoke('openFiles', { senderFrame: { url: 'https://evil.example/' } }, {})).rejects.toThrow(
      /foreign frame/,
    );
    await expect(
      invoke('openFiles', { senderFrame: { url: 'app://conduit/x', parent: {} } }, {}),
    ).rejects.toThrow(/sub-frame/);
    await expect(invoke('openFiles', { senderFrame: { url: 'file:///index.html' } }, {})).rejects.toThrow(
      /foreign frame/,
    );
    await expect(invoke('openFiles', { senderFrame: null }, {})).rejects.toThrow(/frame is gone/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses invalid payloads before doing anything', async () => {
    const { invoke, dialog, written } = setup();
    await expect(invoke('openFiles', APP_FRAME, { multiple: 'yes' })).rejects.toThrow(/invalid payload/);
    await expect(
      invoke('saveFile', APP_FRAME, { suggestedName: '../../.bashrc', data: new Uint8Array(1) }),
    ).rejects.toThrow(/a file name, not a path/);
    await expect(
      invoke('saveFile', APP_FRAME, { suggestedName: 'a.json', data: 'not bytes' }),
    ).rejects.toThrow(/invalid payload/);
    await expect(
      invoke('createSigningKey', APP_FRAME, { name: 'A', organization: '', email: 'not-an-email' }),
    ).rejects.toThrow(/valid email/);
    await expect(invoke('openFiles', APP_FRAME, {}, 'extra')).rejects.toThrow(/one argument/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(written.size).toBe(0);
  });

  it('opens files through the dialog and returns their bytes', async () => {
    const { invoke } = setup();
    const files = (await invoke('openFiles', APP_FRAME, { multiple: true })) as {
      name: string;
      bytes: Uint8Array;
    }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('inventory.csv');
    expect(new TextDecoder().decode(files[0]!.bytes)).toContain('10.0.0.1');
  });

  it('saves through the dialog', async () => {
    const { invoke, written, dir } = setup();
    const result = await invoke('saveFile', APP_FRAME, {
      suggestedName: 'acme-plant.conduit.json',
      data: new Uint8Array([1, 2, 3]),
    });
    expect(result).toEqual({ saved: true, path: path.join(dir, 'saved.json') });
    expect(written.get(path.join(dir, 'saved.json'))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('opens only safe links externally', async () => {
    const { invoke, openExternal } = setup();
    expect(await invoke('openExternal', APP_FRAME, 'https://www.isa.org/')).toBe(true);
    expect(await invoke('openExternal', APP_FRAME, 'file:///etc/passwd')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://www.isa.org/']]);
  });
});

describe('signing key store', () => {
  it('creates an Ed25519 key kept encrypted by the keychain, and signs with it', async () => {
    const { invoke, keyFile } = setup();
    expect(await invoke('getSigningIdentity', APP_FRAME)).toBeNull();
    const identity = (await invoke('createSigningKey', APP_FRAME, {
      name: 'Ana Ödegaard',
      organization: 'Rowan OT',
      email: 'ana@rowan.example',
    })) as { publicKey: string; fingerprint: string; protection: string };
    expect(identity.protection).toBe('os-keychain');
    expect(keyFile.contents).not.toContain('PRIVATE KEY');
    const message = new TextEncoder().encode(`${'0f'.repeat(32)}  data/assessment.json\n`);
    await expect(
      invoke('sign', APP_FRAME, { data: new TextEncoder().encode('anything else') }),
    ).rejects.toThrow(/refused to sign/);
    const signature = (await invoke('sign', APP_FRAME, { data: message })) as Uint8Array;
    expect(signature).toHaveLength(64);
    const publicKey = crypto.createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(parseOpenSshPublicKey(identity.publicKey)).toString('base64url'),
      },
      format: 'jwk',
    });
    // The host signed the SSHSIG data over the SHA256SUMS body, not the body itself.
    expect(
      crypto.verify(null, await sshSigSignedData(message, SIGNATURE_NAMESPACE), publicKey, signature),
    ).toBe(true);
    expect(await invoke('getSigningIdentity', APP_FRAME)).toEqual(identity);
  });

  it('falls back to a passphrase without a keychain, and refuses a wrong one', async () => {
    const keyFile = memoryKeyFile();
    const store = new SigningKeyStore(keyFile, noKeychain);
    await expect(store.create({ name: 'A', organization: '', email: 'a@b.example' })).rejects.toThrow(
      /passphrase/,
    );
    const identity = await store.create({
      name: 'A',
      organization: '',
      email: 'a@b.example',
      passphrase: 'correct horse',
    });
    expect(identity.protection).toBe('passphrase');
    expect(keyFile.contents).not.toContain('PRIVATE KEY');
    const sums = new TextEncoder().encode(`${'ab'.repeat(32)}  README.txt\n`);
    await expect(store.sign(sums)).rejects.toThrow(/enter it/);
    await expect(store.sign(sums, 'wrong horse')).rejects.toThrow(/passphrase is wrong/);
    expect(await store.sign(sums, 'correct horse')).toHaveLength(64);
    await store.remove();
    expect(await store.identity()).toBeNull();
  });

  it("treats Linux safeStorage's basic_text backend as no keychain", async () => {
    const basicText: SafeStorageLike = { ...keychain, getSelectedStorageBackend: () => 'basic_text' };
    const store = new SigningKeyStore(memoryKeyFile(), basicText);
    await expect(store.create({ name: 'A', organization: '', email: 'a@b.example' })).rejects.toThrow(
      /no keychain: choose a passphrase/,
    );
    const identity = await store.create({
      name: 'A',
      organization: '',
      email: 'a@b.example',
      passphrase: 'pw',
    });
    expect(identity.protection).toBe('passphrase');
    const libsecret: SafeStorageLike = { ...keychain, getSelectedStorageBackend: () => 'gnome_libsecret' };
    expect(
      (
        await new SigningKeyStore(memoryKeyFile(), libsecret).create({
          name: 'A',
          organization: '',
          email: 'a@b.example',
        })
      ).protection,
    ).toBe('os-keychain');
  });

  it('signs only a SHA256SUMS body, as an SSHSIG that ssh-keygen verifies', async (context) => {
    const store = new SigningKeyStore(memoryKeyFile(), keychain);
    const identity = await store.create({ name: 'A', organization: '', email: 'a@b.example' });
    for (const bytes of [
      new Uint8Array([1]),
      new TextEncoder().encode('SSHSIG login challenge'),
      new Uint8Array(0),
    ]) {
      await expect(store.sign(bytes)).rejects.toThrow(/refused to sign/);
    }
    const sums = new TextEncoder().encode(`${'ab'.repeat(32)}  README.txt\n`);
    const armored = await signSshSig(
      sums,
      (_data, message) => store.sign(message),
      parseOpenSshPublicKey(identity.publicKey),
    );
    const check = await verifySshSig(sums, armored);
    expect(check.valid).toBe(true);
    expect(check.fingerprint).toBe(identity.fingerprint);
    if (!hasCommand('ssh-keygen')) context.skip('ssh-keygen is not installed (CI installs openssh-client)');
    const dir = mkdtempSync(path.join(tmpdir(), 'conduit-sign-'));
    writeFileSync(path.join(dir, 'SHA256SUMS.sig'), armored);
    writeFileSync(
      path.join(dir, 'allowed_signers'),
      formatAllowedSigners('a@b.example', parseOpenSshPublicKey(identity.publicKey)),
    );
    const verified = spawnSync(
      'ssh-keygen',
      [
        '-Y',
        'verify',
        '-f',
        'allowed_signers',
        '-I',
        'a@b.example',
        '-n',
        SIGNATURE_NAMESPACE,
        '-s',
        'SHA256SUMS.sig',
      ],
      { cwd: dir, input: sums, encoding: 'utf8' },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(verified.status, verified.stderr).toBe(0);
  });

  it('gives the same fingerprint as ssh-keygen -lf', async (context) => {
    if (!hasCommand('ssh-keygen')) context.skip('ssh-keygen is not installed (CI installs openssh-client)');
    const store = new SigningKeyStore(memoryKeyFile(), keychain);
    const identity = await store.create({ name: 'A', organization: '', email: 'a@b.example' });
    const dir = mkdtempSync(path.join(tmpdir(), 'conduit-key-'));
    writeFileSync(path.join(dir, 'key.pub'), identity.publicKey + '\n');
    const printed = execFileSync('ssh-keygen', ['-lf', path.join(dir, 'key.pub')], { encoding: 'utf8' });
    expect(printed.split(' ')[1]).toBe(identity.fingerprint);
    expect(printed).toContain('a@b.example (ED25519)');
  });
});
