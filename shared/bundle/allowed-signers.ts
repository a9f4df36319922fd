import { SIGNATURE_NAMESPACE } from './sshsig';
import { openSshPublicKeyLine, parseOpenSshPublicKey } from './ssh-key';

/** One allowed_signers line (ssh-keygen(1), ALLOWED SIGNERS): principal, namespace restriction, key. */
export function formatAllowedSigners(email: string, publicKeyRaw: Uint8Array): string {
  return `${email} namespaces="${SIGNATURE_NAMESPACE}" ${openSshPublicKeyLine(publicKeyRaw, '')}\n`;
}

export interface AllowedSigner {
  principal: string;
  namespaces: string[];
  publicKey: Uint8Array;
}

/** Reads the single line our builder writes; throws with the reason on anything else. */
export function parseAllowedSigners(text: string): AllowedSigner {
  if (text.startsWith('\uFEFF'))
    throw new Error('allowed_signers: starts with a byte order mark, which ssh-keygen refuses');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length !== 1) throw new Error(`allowed_signers: expected one signer line, found ${lines.length}`);
  const match = /^(\S+)\s+namespaces="([^"]*)"\s+(ssh-ed25519\s+\S+)(\s.*)?$/.exec(lines[0]!.trim());
  if (!match) throw new Error('allowed_signers: not "<email> namespaces="…" ssh-ed25519 <key>"');
  let publicKey: Uint8Array;
  try {
    publicKey = parseOpenSshPublicKey(match[3]!);
  } catch (error) {
    throw new Error(`allowed_signers: ${(error as Error).message}`);
  }
  return { principal: match[1]!, namespaces: match[2]!.split(','), publicKey };
}
