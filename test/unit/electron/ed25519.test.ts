import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawEd25519PublicKey } from '../../../electron/ed25519';

describe('rawEd25519PublicKey', () => {
  it('gives the 32 key bytes that end the DER SubjectPublicKeyInfo', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ format: 'der', type: 'spki' });
    expect(rawEd25519PublicKey(publicKey)).toEqual(new Uint8Array(der.subarray(-32)));
  });

  it('refuses a key of another type', () => {
    expect(rawEd25519PublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBeNull();
    expect(rawEd25519PublicKey(generateKeyPairSync('x25519').publicKey)).toBeNull();
  });
});
