import crypto from 'node:crypto';
import { z } from 'zod';
import path from 'node:path';
import {
  ipcChannel,
  type CreateSigningKeyRequest,
  type KeyBackupPreview,
  type SaveResult,
  type SigningIdentity,
} from '../../shared/bridge';
import {
  backupSigningKeyRequestSchema,
  createSigningKeyRequestSchema,
  restoreKeyBackupRequestSchema,
  signRequestSchema,
} from '../../shared/bridge-validation';
import { decryptKeyBackup, encryptKeyBackup } from '../key-backup';
import type { DialogLike } from './files';
import { signedDataForSums } from '../../shared/bundle/sign-request';
import { openSshPublicKeyLine, sshFingerprint } from '../../shared/bundle/ssh-key';
import { rawEd25519PublicKey } from '../ed25519';
import { handleValidated, noPayloadSchema, type IpcMainLike } from './guard';

/** The parts of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
  /** Linux only: which secret store safeStorage found ("basic_text" when none). */
  getSelectedStorageBackend?(): string;
}

/**
 * Whether safeStorage really protects a secret. On Linux without a secret service it reports
 * encryption as available but uses the "basic_text" backend: a key hard-coded in Chromium, i.e.
 * no protection at all. That counts as no keychain, so the passphrase protects the key instead.
 */
export function hasProtectingKeychain(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

export interface KeyFileStore {
  read(): Promise<string | null>;
  write(contents: string): Promise<void>;
  remove(): Promise<void>;
}

const storedKeySchema = z.object({
  version: z.literal(1),
  identity: z.object({
    name: z.string(),
    organization: z.string(),
    email: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    createdAt: z.string(),
    protection: z.enum(['os-keychain', 'passphrase']),
  }),
  /** base64 of the safeStorage-encrypted PKCS#8 PEM, or of AES-256-GCM ciphertext under a scrypt key. */
  secret: z.string(),
  salt: z.string().optional(),
  iv: z.string().optional(),
  tag: z.string().optional(),
});
type StoredKey = z.infer<typeof storedKeySchema>;

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function passphraseKey(passphrase: string, salt: Buffer): Buffer {
  return crypto.scryptSync(passphrase, salt, 32, SCRYPT);
}

/** Keeps the Ed25519 signing key: safeStorage when the OS has a keychain, a passphrase otherwise. */
export class SigningKeyStore {
  constructor(
    private readonly files: KeyFileStore,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  private async load(): Promise<StoredKey | null> {
    const text = await this.files.read();
    if (text === null) return null;
    return storedKeySchema.parse(JSON.parse(text));
  }

  async identity(): Promise<SigningIdentity | null> {
    return (await this.load())?.identity ?? null;
  }

  async create(request: CreateSigningKeyRequest): Promise<SigningIdentity> {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const raw = rawEd25519PublicKey(publicKey)!;
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    return this.store(
      {
        name: request.name,
        organization: request.organization,
        email: request.email,
        publicKey: openSshPublicKeyLine(raw, request.email),
        fingerprint: await sshFingerprint(raw),
        createdAt: new Date().toISOString(),
      },
      pem,
      request.passphrase,
    );
  }

  private async store(
    publicIdentity: Omit<SigningIdentity, 'protection'>,
    pem: string,
    passphrase: string | undefined,
  ): Promise<SigningIdentity> {
    const useKeychain = hasProtectingKeychain(this.safeStorage);
    if (!useKeychain && !passphrase) {
      throw new Error('This system offers no keychain: choose a passphrase to protect the signing key.');
    }
    const identity = {
      ...publicIdentity,
      protection: useKeychain ? ('os-keychain' as const) : ('passphrase' as const),
    };
    let stored: StoredKey;
    if (useKeychain) {
      stored = {
        version: 1,
        identity,
        secret: Buffer.from(this.safeStorage.encryptString(pem)).toString('base64'),
      };
    } else {
      const salt = crypto.randomBytes(16);
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', passphraseKey(passphrase!, salt), iv);
      const secret = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
      stored = {
        version: 1,
        identity,
        secret: secret.toString('base64'),
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    }
    await this.files.write(JSON.stringify(stored));
    return identity;
  }

  /** The private key as PKCS#8 PEM, decrypted in this process only. */
  private async privateKeyPem(stored: StoredKey, passphrase?: string): Promise<string> {
    if (stored.identity.protection === 'os-keychain') {
      return this.safeStorage.decryptString(Buffer.from(stored.secret, 'base64'));
    }
    if (!passphrase) throw new Error('The signing key is protected by a passphrase: enter it to sign.');
    try {
      const decipher = crypto.createDecipheriv(
        'aes-256-gcm',
        passphraseKey(passphrase, Buffer.from(stored.salt ?? '', 'base64')),
        Buffer.from(stored.iv ?? '', 'base64'),
      );
      decipher.setAuthTag(Buffer.from(stored.tag ?? '', 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(stored.secret, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error('The passphrase is wrong.');
    }
  }

  private async existing(): Promise<StoredKey> {
    const stored = await this.load();
    if (!stored) throw new Error('No signing key exists yet: create one in Export first.');
    return stored;
  }

  /** Signs a SHA256SUMS body as an SSHSIG in Conduit's namespace, and refuses anything else. */
  async sign(sums: Uint8Array, passphrase?: string): Promise<Uint8Array> {
    const data = await signedDataForSums(sums);
    const pem = await this.privateKeyPem(await this.existing(), passphrase);
    return new Uint8Array(crypto.sign(null, data, crypto.createPrivateKey(pem)));
  }

  /** The key as an encrypted backup file's text (see key-backup.ts); the plain key stays here. */
  async backup(backupPassphrase: string, keyPassphrase?: string): Promise<string> {
    const stored = await this.existing();
    const pem = await this.privateKeyPem(stored, keyPassphrase);
    const { protection: _protection, ...identity } = stored.identity;
    return encryptKeyBackup(pem, identity, backupPassphrase);
  }

  /** What restoring a backup would do: the key it holds, and the fingerprint it would replace. */
  async inspectBackup(text: string, passphrase: string, fileName: string): Promise<KeyBackupPreview> {
    const { identity } = await decryptKeyBackup(text, passphrase, fileName);
    const current = await this.identity();
    return { identity, replaces: current?.fingerprint ?? null };
  }

  /**
   * Replaces the stored key with a backup's. Without a keychain the restored key is protected by
   * the backup's passphrase, the one the assessor has just typed.
   */
  async restore(text: string, passphrase: string, fileName: string): Promise<SigningIdentity> {
    const { identity, privateKeyPem } = await decryptKeyBackup(text, passphrase, fileName);
    return this.store(identity, privateKeyPem, passphrase);
  }

  async remove(): Promise<void> {
    await this.files.remove();
  }
}

/** Where a backup is written: a new file, mode 0600, never the plain key. */
export type WriteBackupFile = (file: string, contents: string) => Promise<void>;

export interface KeyHandlerHost {
  dialog: DialogLike;
  writeBackup: WriteBackupFile;
  downloadsDir: string;
}

function backupFileName(identity: SigningIdentity): string {
  const local = identity.email.split('@')[0]?.replace(/[^\w.-]+/g, '-') || 'signing-key';
  return `${local}-conduit-key-backup.json`;
}

export function registerKeyHandlers(ipcMain: IpcMainLike, store: SigningKeyStore, host: KeyHandlerHost) {
  handleValidated(ipcMain, ipcChannel('getSigningIdentity'), noPayloadSchema, () => store.identity());
  handleValidated(ipcMain, ipcChannel('createSigningKey'), createSigningKeyRequestSchema, (request) =>
    store.create(request),
  );
  handleValidated(ipcMain, ipcChannel('sign'), signRequestSchema, (request) =>
    store.sign(request.data, request.passphrase),
  );
  handleValidated(ipcMain, ipcChannel('deleteSigningKey'), noPayloadSchema, () => store.remove());
  handleValidated(
    ipcMain,
    ipcChannel('backupSigningKey'),
    backupSigningKeyRequestSchema,
    async (request): Promise<SaveResult> => {
      const identity = await store.identity();
      if (!identity) throw new Error('No signing key exists yet: create one in Export first.');
      // Encrypt first, so that a wrong key passphrase is reported before the save dialog opens.
      const text = await store.backup(request.passphrase, request.keyPassphrase);
      const result = await host.dialog.showSaveDialog({
        title: 'Back up the signing key',
        defaultPath: path.join(host.downloadsDir, backupFileName(identity)),
        filters: [{ name: 'Conduit key backup', extensions: ['json'] }],
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await host.writeBackup(result.filePath, text);
      return { saved: true, path: result.filePath };
    },
  );
  handleValidated(ipcMain, ipcChannel('inspectKeyBackup'), restoreKeyBackupRequestSchema, (request) =>
    store.inspectBackup(new TextDecoder().decode(request.file.bytes), request.passphrase, request.file.name),
  );
  handleValidated(ipcMain, ipcChannel('restoreSigningKey'), restoreKeyBackupRequestSchema, (request) =>
    store.restore(new TextDecoder().decode(request.file.bytes), request.passphrase, request.file.name),
  );
}
