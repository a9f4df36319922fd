import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { rawEd25519PublicKey } from '../ed25519';
import { openSshPublicKeyLine, sshFingerprint } from '../../shared/bundle/ssh-key';
import type { BundleSigner } from '../../shared/bundle';

export const KEY_FILE_FORMAT = 'conduit-signing-key';

/** The CLI's key file: the identity and a PKCS#8 PEM Ed25519 private key (kept mode 0600). */
export const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  name: z.string().trim().min(1),
  organization: z.string(),
  email: z.email(),
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: z.string(),
  privateKey: z.string().includes('BEGIN PRIVATE KEY'),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/** The raw 32 bytes of an Ed25519 public KeyObject; any other key is refused. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const raw = rawEd25519PublicKey(key);
  if (!raw) throw new KeyFileError('not an Ed25519 key');
  return raw;
}

export async function generateKeyFile(identity: {
  name: string;
  organization: string;
  email: string;
}): Promise<KeyFile> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    format: KEY_FILE_FORMAT,
    version: 1,
    name: identity.name,
    organization: identity.organization,
    email: identity.email,
    publicKey: openSshPublicKeyLine(raw, identity.email),
    fingerprint: await sshFingerprint(raw),
    createdAt: new Date().toISOString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Reads and checks a key file: its schema, and that its public key belongs to its private key. */
export async function readKeyFile(
  file: string,
): Promise<{ keyFile: KeyFile; privateKey: KeyObject; publicKey: Uint8Array }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new KeyFileError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  let parsed;
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(text));
  } catch {
    throw new KeyFileError(`${file}: not a Conduit key file (not JSON)`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KeyFileError(
      `${file}: not a Conduit key file (${issue?.path.join('.') || 'top level'}: ${issue?.message})`,
    );
  }
  const keyFile = parsed.data;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyFile.privateKey);
  } catch (error) {
    throw new KeyFileError(`${file}: the private key cannot be read (${(error as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new KeyFileError(`${file}: the private key is not Ed25519`);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  const fingerprint = await sshFingerprint(publicKey);
  if (
    keyFile.fingerprint !== fingerprint ||
    keyFile.publicKey.split(' ')[1] !== openSshPublicKeyLine(publicKey, '').split(' ')[1]
  ) {
    throw new KeyFileError(
      `${file}: the public key and fingerprint recorded in it do not belong to its private key`,
    );
  }
  return { keyFile, privateKey, publicKey };
}

/** Reads a key file and returns a signer whose private key stays in this process. */
export async function loadSigner(file: string): Promise<BundleSigner & { fingerprint: string }> {
  const { keyFile, privateKey, publicKey } = await readKeyFile(file);
  return {
    name: keyFile.name,
    organization: keyFile.organization,
    email: keyFile.email,
    publicKey,
    fingerprint: keyFile.fingerprint,
    sign: async (data) => new Uint8Array(sign(null, data, privateKey)),
  };
}
