/*
 * OpenSSH wire encoding of Ed25519 public keys and their fingerprints. Hand-written because it is
 * a few lines over the documented format (RFC 4253 strings, RFC 8709 key type) and the npm
 * packages that do it depend on Node's Buffer and crypto, which shared/ must not use.
 */
import { decodeBase64, encodeBase64 } from '../model/base64';

const encoder = new TextEncoder();

export function sshString(bytes: Uint8Array | string): Uint8Array {
  const body = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, 4);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** string "ssh-ed25519" | string key: the public key blob in SSH wire format. */
export function ed25519PublicKeyBlob(rawPublicKey: Uint8Array): Uint8Array {
  if (rawPublicKey.length !== 32)
    throw new Error(`an Ed25519 public key has 32 bytes, not ${rawPublicKey.length}`);
  return concatBytes(sshString('ssh-ed25519'), sshString(rawPublicKey));
}

/** "ssh-ed25519 AAAA… comment", as in an OpenSSH .pub file. */
export function openSshPublicKeyLine(rawPublicKey: Uint8Array, comment: string): string {
  const line = `ssh-ed25519 ${encodeBase64(ed25519PublicKeyBlob(rawPublicKey))}`;
  const clean = comment.replace(/[\r\n]/g, ' ').trim();
  return clean ? `${line} ${clean}` : line;
}

/** "SHA256:<unpadded base64>", matching `ssh-keygen -lf`. */
export async function sshFingerprint(rawPublicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', ed25519PublicKeyBlob(rawPublicKey) as BufferSource),
  );
  return `SHA256:${encodeBase64(digest).replace(/=+$/, '')}`;
}

/** The 32 raw bytes of an "ssh-ed25519 AAAA…" line; throws on anything else. */
export function parseOpenSshPublicKey(line: string): Uint8Array {
  const [type, data] = line.trim().split(/\s+/);
  if (type !== 'ssh-ed25519' || !data) throw new Error('not an ssh-ed25519 public key line');
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(data);
  } catch {
    throw new Error('the ssh-ed25519 public key is not base64');
  }
  // ssh-keygen refuses base64 with padding bits set; so do we.
  if (encodeBase64(bytes) !== data) throw new Error('the ssh-ed25519 public key is not canonical base64');
  if (bytes.length < 8) throw new Error('malformed ssh-ed25519 public key blob');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeLength = view.getUint32(0);
  const keyType = new TextDecoder().decode(bytes.subarray(4, 4 + typeLength));
  const keyLength = view.getUint32(4 + typeLength);
  const key = bytes.subarray(8 + typeLength, 8 + typeLength + keyLength);
  if (keyType !== 'ssh-ed25519' || key.length !== 32 || 8 + typeLength + keyLength !== bytes.length) {
    throw new Error('malformed ssh-ed25519 public key blob');
  }
  return key;
}
