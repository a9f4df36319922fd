import type { SigningIdentity } from '../../../shared/bridge';
import { platform } from '../../platform';
import { notify } from '../../ui/notices';

function pubFileName(identity: SigningIdentity): string {
  const local = identity.email.split('@')[0]?.replace(/[^\w.-]+/g, '-') || 'signing-key';
  return `${local}-conduit-ed25519.pub`;
}

/** Saves the public key as an OpenSSH .pub file through the host. */
export function exportPublicKey(identity: SigningIdentity): void {
  void platform()
    .saveFile({
      title: 'Export public key',
      suggestedName: pubFileName(identity),
      filters: [{ name: 'OpenSSH public key', extensions: ['pub'] }],
      data: new TextEncoder().encode(`${identity.publicKey}\n`),
    })
    .then(
      (r) => r.saved && notify('success', `Exported ${pubFileName(identity)}`),
      (e: Error) => notify('error', `Could not export the public key: ${e.message}`),
    );
}
