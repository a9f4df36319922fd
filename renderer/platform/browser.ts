import {
  isSafeExternalUrl,
  type DesktopApi,
  type OpenFilesOptions,
  type PickedFile,
  type SaveFileOptions,
  type SigningIdentity,
} from '../../shared/bridge';
import { createSigningKeyRequestSchema } from '../../shared/bridge-validation';
import { signedDataForSums } from '../../shared/bundle/sign-request';
import { openSshPublicKeyLine, sshFingerprint } from '../../shared/bundle/ssh-key';
import { db } from '../db';

const BROWSER_KEY_NOT_EXPORTABLE =
  'The browser keeps the signing key non-extractable, so it cannot be backed up or restored here: use the desktop app for a long-lived key.';

function acceptAttribute(options: OpenFilesOptions): string {
  const extensions = (options.filters ?? []).flatMap((f) => f.extensions).filter((e) => e !== '*');
  return extensions.map((e) => `.${e}`).join(',');
}

async function toPickedFiles(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** The DesktopApi of the plain web build: a file input, Blob downloads and a WebCrypto key in IndexedDB. */
export function createBrowserPlatform(): DesktopApi {
  return {
    openFiles(options) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = options.multiple ?? false;
        input.accept = acceptAttribute(options);
        input.style.display = 'none';
        const done = () => input.remove();
        input.addEventListener('change', () => {
          toPickedFiles(input.files ?? [])
            .then(resolve, reject)
            .finally(done);
        });
        input.addEventListener('cancel', () => {
          done();
          resolve([]);
        });
        document.body.append(input);
        input.click();
      });
    },

    async saveFile(options: SaveFileOptions) {
      const url = URL.createObjectURL(new Blob([options.data as BlobPart]));
      const link = document.createElement('a');
      link.href = url;
      link.download = options.suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },

    async getSigningIdentity() {
      return (await db().signingKeys.get('default'))?.identity ?? null;
    },

    async createSigningKey(request) {
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
    },

    async sign(request) {
      const stored = await db().signingKeys.get('default');
      if (!stored) throw new Error('No signing key exists yet: create one in Export first.');
      const data = await signedDataForSums(request.data);
      return new Uint8Array(await crypto.subtle.sign('Ed25519', stored.privateKey, data as BufferSource));
    },

    async deleteSigningKey() {
      await db().signingKeys.delete('default');
    },

    backupSigningKey: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),
    inspectKeyBackup: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),
    restoreSigningKey: () => Promise.reject(new Error(BROWSER_KEY_NOT_EXPORTABLE)),

    async openExternal(url) {
      if (!isSafeExternalUrl(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },

    // No native hash in a browser: the capture worker hashes with WebAssembly (hash-wasm) itself.
    openSha256: () => Promise.resolve(null),
    updateSha256: () => Promise.reject(new Error('the browser host has no native hash')),
    digestSha256: () => Promise.reject(new Error('the browser host has no native hash')),
  };
}
