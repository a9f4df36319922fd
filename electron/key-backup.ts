import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { MIN_BACKUP_PASSPHRASE } from '../shared/bridge-validation';
import { openSshPublicKeyLine, sshFingerprint } from '../shared/bundle/ssh-key';
import { rawEd25519PublicKey } from './ed25519';

export const KEY_BACKUP_FORMAT = 'conduit-signing-key-backup';
export const KEY_BACKUP_VERSION = 1;

/** scrypt at N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per guess. */
const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** The public identity a backup carries in the clear, so that restore can show it before asking. */
export const backupIdentitySchema = z.object({
  name: z.string().max(200),
  organization: z.string().max(200),
  email: z.string().max(320),
  publicKey: z.string().max(1000),
  fingerprint: z.string().max(100),
  createdAt: z.string().max(40),
});
export type BackupIdentity = z.infer<typeof backupIdentitySchema>;

const backupFileSchema = z.object({
  format: z.literal(KEY_BACKUP_FORMAT),
  version: z.literal(KEY_BACKUP_VERSION),
  // Version 1 fixes the parameters: a file cannot ask for a costlier (or a weaker) derivation.
  kdf: z.object({
    name: z.literal(KDF.name),
    N: z.literal(KDF.N),
    r: z.literal(KDF.r),
    p: z.literal(KDF.p),
    salt: base64,
  }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64, tag: base64 }),
  identity: backupIdentitySchema,
  /** AES-256-GCM of the PKCS#8 PEM private key; everything above is its additional data. */
  ciphertext: base64.max(8192),
});
type BackupFile = z.infer<typeof backupFileSchema>;

export class KeyBackupError extends Error {
  override name = 'KeyBackupError';
}

/**
 * The authenticated header: everything but the tag and ciphertext, in the schema's key order,
 * so that a changed name, fingerprint or parameter fails decryption like a changed ciphertext.
 */
function additionalData(file: {
  format: string;
  version: number;
  kdf: BackupFile['kdf'];
  cipher: { name: string; iv: string };
  identity: BackupIdentity;
}) {
  const header = {
    format: file.format,
    version: file.version,
    kdf: { name: file.kdf.name, N: file.kdf.N, r: file.kdf.r, p: file.kdf.p, salt: file.kdf.salt },
    cipher: { name: file.cipher.name, iv: file.cipher.iv },
    identity: backupIdentitySchema.parse(file.identity),
  };
  return Buffer.from(JSON.stringify(header), 'utf8');
}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFC'), salt, 32, {
    N: KDF.N,
    r: KDF.r,
    p: KDF.p,
    maxmem: SCRYPT_MAXMEM,
  });
}

/** The identity that belongs to a private key, checked against what a file claims. */
async function identityOfKey(privateKey: crypto.KeyObject, claimed: BackupIdentity): Promise<BackupIdentity> {
  const raw = rawEd25519PublicKey(crypto.createPublicKey(privateKey));
  if (!raw) throw new KeyBackupError('the backup does not hold an Ed25519 key');
  const fingerprint = await sshFingerprint(raw);
  if (fingerprint !== claimed.fingerprint) {
    throw new KeyBackupError('the key in the backup does not match the fingerprint recorded with it');
  }
  return { ...claimed, publicKey: openSshPublicKeyLine(raw, claimed.email) };
}

/** Encrypts a PKCS#8 PEM Ed25519 private key under a passphrase, as a small versioned JSON file. */
export async function encryptKeyBackup(
  privateKeyPem: string,
  identity: BackupIdentity,
  passphrase: string,
): Promise<string> {
  if (passphrase.length < MIN_BACKUP_PASSPHRASE) {
    throw new KeyBackupError(`a backup passphrase has at least ${MIN_BACKUP_PASSPHRASE} characters`);
  }
  const checked = await identityOfKey(
    crypto.createPrivateKey(privateKeyPem),
    backupIdentitySchema.parse(identity),
  );
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const head = {
    format: KEY_BACKUP_FORMAT,
    version: KEY_BACKUP_VERSION,
    kdf: { ...KDF, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    identity: checked,
  } as const;
  const cipher = crypto.createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(additionalData(head));
  const ciphertext = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  const file: BackupFile = {
    ...head,
    cipher: { ...head.cipher, tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** What a backup file claims, read without the passphrase; refuses anything that is not one. */
export function readKeyBackup(text: string, fileName: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyBackupError(`${fileName}: not a Conduit key backup (not JSON)`);
  }
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const looksLikeOne = (json as { format?: unknown } | null)?.format === KEY_BACKUP_FORMAT;
    throw new KeyBackupError(
      looksLikeOne
        ? `${fileName}: this key backup is damaged or of an unknown version`
        : `${fileName}: not a Conduit key backup`,
    );
  }
  return parsed.data;
}

/** Decrypts a backup; a wrong passphrase and a changed byte are both refused, with one clear message. */
export async function decryptKeyBackup(
  text: string,
  passphrase: string,
  fileName: string,
): Promise<{ identity: BackupIdentity; privateKeyPem: string }> {
  const file = readKeyBackup(text, fileName);
  let pem: string;
  try {
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      await deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64')),
      Buffer.from(file.cipher.iv, 'base64'),
    );
    decipher.setAAD(additionalData(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    pem = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new KeyBackupError(
      `${fileName}: the passphrase is wrong, or the file was changed since it was written`,
    );
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch {
    throw new KeyBackupError(`${fileName}: the backup does not hold a readable private key`);
  }
  try {
    return { identity: await identityOfKey(privateKey, file.identity), privateKeyPem: pem };
  } catch (error) {
    throw new KeyBackupError(`${fileName}: ${(error as Error).message}`);
  }
}
