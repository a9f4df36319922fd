import type { CreateSigningKeyRequest, DesktopApi, SignRequest, SigningIdentity } from '../../shared/bridge';
import { createSigningKeyRequestSchema } from '../../shared/bridge-validation';
import { signedDataForSums } from '../../shared/bundle/sign-request';
import { openSshPublicKeyLine, sshFingerprint } from '../../shared/bundle/ssh-key';
import { db } from '../db';

const BROWSER_KEY_NOT_EXPORTABLE =
  'The browser keeps the signing key non-extractable, so it cannot be backed up or restored here: use the desktop app for a long-lived key.';

async function getSigningIdentity(): Promise<SigningIdentity | null> {
  return (await db().signingKeys.get('default'))?.identity ?? null;
}

async function createSigningKey(request: CreateSigningKeyRequest): Promise<SigningIdentity> {
  const valid = createSigningKeyRequestSchema.parse(request);
  // The private key is generated non-extractable: script can use it to sign, never read it.
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const identity: SigningIdentity = {
    name: valid.name,
    organization: valid.organization,
    email: valid.email,
    publicKey: openSshPublicKeyLine(raw, valid.email),
    fingerprint: await sshFingerprint(raw),
    createdAt: new Date().toISOString(),
    protection: 'webcrypto-non-extractable',
  };
  await db().signingKeys.put({ id: 'default', identity, privateKey: pair.privateKey });
  // Best effort: persistent storage keeps the browser from evicting the key when the disk runs
  // low. The browser may refuse; the Export panel says so.
  await navigator.storage?.persist?.().catch(() => false);
  return identity;
}

async function sign(request: SignRequest): Promise<Uint8Array> {
  const stored = await db().signingKeys.get('default');
  if (!stored) throw new Error('No signing key exists yet: create one in Export first.');
  const data = await signedDataForSums(request.data);
  return new Uint8Array(await crypto.subtle.sign('Ed25519', stored.privateKey, data as BufferSource));
}

async function deleteSigningKey(): Promise<void> {
  await db().signingKeys.delete('default');
}

type SigningMethods =
  | 'getSigningIdentity'
  | 'createSigningKey'
  | 'sign'
  | 'deleteSigningKey'
  | 'backupSigningKey'
  | 'inspectKeyBackup'
  | 'restoreSigningKey';

/** The signing key of the web build: a non-extractable WebCrypto Ed25519 key kept in IndexedDB. */
export const browserSigning: Pick<DesktopApi, SigningMethods> = {
  getSigningIdentity,
  createSigningKey,
  sign,
  deleteSigningKey,
  backupSigningKey: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),
  inspectKeyBackup: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),
  restoreSigningKey: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),
};
