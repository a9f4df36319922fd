import type { KeyObject } from 'node:crypto';
import { decodeBase64 } from '../shared/model';

/**
 * The raw 32 bytes of an Ed25519 public key (its JWK "x", which Node exports for Ed25519 keys
 * only), or null for a key of another type. The one way the host reads a public key's bytes.
 */
export function rawEd25519PublicKey(key: KeyObject): Uint8Array | null {
  if (key.asymmetricKeyType !== 'ed25519') return null;
  const x = key.export({ format: 'jwk' }).x;
  if (!x) return null;
  const base64 = x.replace(/-/g, '+').replace(/_/g, '/');
  return decodeBase64(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
}
