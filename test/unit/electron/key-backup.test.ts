import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/ipc';
import type { InvokeEvent, IpcMainLike } from '../../../electron/ipc/guard';
import { SigningKeyStore, type SafeStorageLike } from '../../../electron/ipc/keys';
import { writePrivateFile } from '../../../electron/private-file';
import {
  ipcChannel,
  type DesktopApiMethod,
  type KeyBackupPreview,
  type SaveResult,
  type SigningIdentity,
} from '../../../shared/bridge';
import { signSshSig, verifySshSig } from '../../../shared/bundle';
import { parseOpenSshPublicKey } from '../../../shared/bundle/ssh-key';

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://conduit/index.html#/a/1/export' } };
const PASSPHRASE = 'correct horse battery staple';
const SUMS = new TextEncoder().encode(`${'ab'.repeat(32)}  report.pdf\n`);

const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => new Uint8Array(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from(Buffer.from(data).map((b) => b ^ 0x5a)).toString('utf8'),
};
const noKeychain: SafeStorageLike = { ...keychain, isEncryptionAvailable: () => false };

/** One Electron host on real files: the stored key file, and backups written where the dialog says. */
function host(dir: string, name: string, safeStorage: SafeStorageLike = keychain) {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const keyFile = path.join(dir, `${name}-signing-key.json`);
  const saveTo = { file: path.join(dir, `${name}-backup.json`) };
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: saveTo.file })),
  };
  registerIpcHandlers({
    ipcMain,
    dialog,
    fs: {
      readFile: async (file) => new Uint8Array(await readFile(file)),
      writeFile: async () => {
        throw new Error('not used');
      },
      stat: async () => ({ size: 0, isFile: () => true }),
    },
    downloadsDir: dir,
    keys: new SigningKeyStore(
      {
        read: () => readFile(keyFile, 'utf8').catch(() => null),
        write: (contents) => writePrivateFile(keyFile, contents, { overwrite: true }),
        remove: () => rm(keyFile, { force: true }),
      },
      safeStorage,
    ),
    writeKeyBackup: (file, contents) => writePrivateFile(file, contents, { overwrite: true }),
    openExternal: vi.fn(),
    hash: { createSha256: () => ({ update: () => undefined, digest: () => '' }) as never },
  });
  const invoke = async (method: DesktopApiMethod, payload?: unknown) => {
    const handler = handlers.get(ipcChannel(method))!;
    return payload === undefined ? handler(APP_FRAME) : handler(APP_FRAME, payload);
  };
  return { invoke, keyFile, saveTo, dialog };
}

const picked = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });

/** Signs SUMS through the host's sign IPC; the fingerprint the resulting SSHSIG verifies under. */
async function signedFingerprint(
  invoke: (method: DesktopApiMethod, payload?: unknown) => Promise<unknown>,
  identity: SigningIdentity,
  passphrase?: string,
): Promise<string | undefined> {
  const armored = await signSshSig(
    SUMS,
    async (_data, message) => (await invoke('sign', { data: message, passphrase })) as Uint8Array,
    parseOpenSshPublicKey(identity.publicKey),
  );
  const check = await verifySshSig(SUMS, armored);
  return check.valid ? check.fingerprint : undefined;
}

describe('signing key backup and restore (Electron host, real files)', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'conduit-key-backup-'));

  it('round-trips the key through an encrypted file that holds no plain key', async () => {
    const laptop = host(dir, 'laptop');
    const original = (await laptop.invoke('createSigningKey', {
      name: 'Ada Assessor',
      organization: 'Example Consulting',
      email: 'ada@example.com',
    })) as SigningIdentity;
    const saved = (await laptop.invoke('backupSigningKey', { passphrase: PASSPHRASE })) as SaveResult;
    expect(saved).toEqual({ saved: true, path: laptop.saveTo.file });
    expect(statSync(laptop.saveTo.file).mode & 0o777).toBe(0o600);

    const text = readFileSync(laptop.saveTo.file, 'utf8');
    const backup = JSON.parse(text) as Record<string, unknown>;
    expect(backup).toMatchObject({
      format: 'conduit-signing-key-backup',
      version: 1,
      kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 },
      cipher: { name: 'aes-256-gcm' },
      identity: { fingerprint: original.fingerprint, email: 'ada@example.com' },
    });
    expect(text).not.toMatch(/PRIVATE KEY/);
    // Not the stored key file's secret either: the backup is its own encryption.
    expect(text).not.toContain(JSON.parse(readFileSync(laptop.keyFile, 'utf8')).secret);

    // A new machine, with no keychain: the restored key signs, with the same fingerprint.
    const desktop = host(dir, 'desktop', noKeychain);
    const preview = (await desktop.invoke('inspectKeyBackup', {
      file: picked(laptop.saveTo.file),
      passphrase: PASSPHRASE,
    })) as KeyBackupPreview;
    expect(preview).toEqual({ identity: { ...original, protection: undefined }, replaces: null });
    expect(await desktop.invoke('getSigningIdentity')).toBeNull(); // inspecting stores nothing
    const restored = (await desktop.invoke('restoreSigningKey', {
      file: picked(laptop.saveTo.file),
      passphrase: PASSPHRASE,
    })) as SigningIdentity;
    expect(restored).toEqual({ ...original, protection: 'passphrase' });
    expect(await signedFingerprint(desktop.invoke, restored, PASSPHRASE)).toBe(original.fingerprint);
  });

  it('refuses a wrong passphrase and leaves the current key in place', async () => {
    const source = host(dir, 'wrong-source');
    await source.invoke('createSigningKey', { name: 'A', organization: '', email: 'a@example.com' });
    await source.invoke('backupSigningKey', { passphrase: PASSPHRASE });
    const target = host(dir, 'wrong-target');
    const current = (await target.invoke('createSigningKey', {
      name: 'B',
      organization: '',
      email: 'b@example.com',
    })) as SigningIdentity;
    const before = readFileSync(target.keyFile, 'utf8');
    const request = { file: picked(source.saveTo.file), passphrase: 'correct horse battery stapler' };
    const message = `wrong-source-backup.json: the passphrase is wrong, or the file was changed since it was written`;
    await expect(target.invoke('inspectKeyBackup', request)).rejects.toThrow(message);
    await expect(target.invoke('restoreSigningKey', request)).rejects.toThrow(message);
    expect(readFileSync(target.keyFile, 'utf8')).toBe(before);
    expect(await target.invoke('getSigningIdentity')).toEqual(current);
  });

  it('refuses a file with any one byte changed, in the ciphertext or in the clear header', async () => {
    const source = host(dir, 'tamper');
    await source.invoke('createSigningKey', { name: 'A', organization: '', email: 'a@example.com' });
    await source.invoke('backupSigningKey', { passphrase: PASSPHRASE });
    const original = readFileSync(source.saveTo.file, 'utf8');
    const backup = JSON.parse(original) as { ciphertext: string; identity: { name: string } };

    const flipped = Buffer.from(backup.ciphertext, 'base64');
    flipped[10] = flipped[10]! ^ 0x01;
    const renamed = { ...backup, identity: { ...backup.identity, name: 'B' } };
    const variants = [
      JSON.stringify({ ...backup, ciphertext: flipped.toString('base64') }),
      JSON.stringify(renamed),
    ];
    for (const [index, text] of variants.entries()) {
      const file = path.join(dir, `tampered-${index}.json`);
      writeFileSync(file, text);
      await expect(
        source.invoke('inspectKeyBackup', { file: picked(file), passphrase: PASSPHRASE }),
      ).rejects.toThrow(`tampered-${index}.json: the passphrase is wrong, or the file was changed`);
    }
    const notOne = path.join(dir, 'inventory.csv');
    writeFileSync(notOne, 'ip,mac\n');
    await expect(
      source.invoke('inspectKeyBackup', { file: picked(notOne), passphrase: PASSPHRASE }),
    ).rejects.toThrow('inventory.csv: not a Conduit key backup (not JSON)');
    const costlier = path.join(dir, 'costlier.json');
    writeFileSync(
      costlier,
      JSON.stringify({ ...JSON.parse(original), kdf: { ...JSON.parse(original).kdf, N: 2 ** 24 } }),
    );
    await expect(
      source.invoke('inspectKeyBackup', { file: picked(costlier), passphrase: PASSPHRASE }),
    ).rejects.toThrow('costlier.json: this key backup is damaged or of an unknown version');
  });

  it("names the fingerprint a restore replaces, and then signs with the backup's key", async () => {
    const source = host(dir, 'replace-source');
    const backedUp = (await source.invoke('createSigningKey', {
      name: 'A',
      organization: '',
      email: 'a@example.com',
    })) as SigningIdentity;
    await source.invoke('backupSigningKey', { passphrase: PASSPHRASE });
    const target = host(dir, 'replace-target');
    const replaced = (await target.invoke('createSigningKey', {
      name: 'B',
      organization: '',
      email: 'b@example.com',
    })) as SigningIdentity;
    const request = { file: picked(source.saveTo.file), passphrase: PASSPHRASE };
    const preview = (await target.invoke('inspectKeyBackup', request)) as KeyBackupPreview;
    expect(preview.replaces).toBe(replaced.fingerprint);
    expect(preview.identity.fingerprint).toBe(backedUp.fingerprint);
    expect(preview.identity.fingerprint).not.toBe(replaced.fingerprint);
    await target.invoke('restoreSigningKey', request);
    const now = (await target.invoke('getSigningIdentity')) as SigningIdentity;
    expect(now.fingerprint).toBe(backedUp.fingerprint);
    expect(now.publicKey).toBe(backedUp.publicKey);
    expect(await signedFingerprint(target.invoke, now)).toBe(backedUp.fingerprint);
  });

  it('validates backup payloads, asks for the key passphrase, and writes nothing when cancelled', async () => {
    const locked = host(dir, 'locked', noKeychain);
    await expect(locked.invoke('backupSigningKey', { passphrase: PASSPHRASE })).rejects.toThrow(
      'No signing key exists yet',
    );
    await locked.invoke('createSigningKey', {
      name: 'A',
      organization: '',
      email: 'a@example.com',
      passphrase: 'key passphrase',
    });
    await expect(locked.invoke('backupSigningKey', { passphrase: 'short' })).rejects.toThrow(
      'a backup passphrase has at least 12 characters',
    );
    await expect(locked.invoke('backupSigningKey', { passphrase: PASSPHRASE })).rejects.toThrow(
      'The signing key is protected by a passphrase',
    );
    await expect(
      locked.invoke('backupSigningKey', { passphrase: PASSPHRASE, keyPassphrase: 'not the one' }),
    ).rejects.toThrow('The passphrase is wrong.');
    expect(locked.dialog.showSaveDialog).not.toHaveBeenCalled();
    await expect(
      locked.invoke('restoreSigningKey', {
        file: { name: 'x.json', bytes: 'not bytes' },
        passphrase: PASSPHRASE,
      }),
    ).rejects.toThrow('refused: invalid payload for conduit:restoreSigningKey');

    locked.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(
      await locked.invoke('backupSigningKey', { passphrase: PASSPHRASE, keyPassphrase: 'key passphrase' }),
    ).toEqual({ saved: false });
    expect(() => statSync(locked.saveTo.file)).toThrow();
    expect(
      await locked.invoke('backupSigningKey', { passphrase: PASSPHRASE, keyPassphrase: 'key passphrase' }),
    ).toMatchObject({ saved: true });
  });
});
