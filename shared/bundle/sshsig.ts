/*
 * OpenSSH signatures (SSHSIG, PROTOCOL.sshsig in the OpenSSH sources) with Ed25519 keys.
 * Hand-written because it is a small documented wire format and no library does it without
 * Node's Buffer/crypto; the cryptography itself is WebCrypto (SHA-512, Ed25519).
 */
import { decodeBase64, encodeBase64 } from '../model/base64';
import { concatBytes, ed25519PublicKeyBlob, sshFingerprint, sshString } from './ssh-key';

/** The namespace every Conduit report signature uses; ssh-keygen's `-n`. */
export const SIGNATURE_NAMESPACE = 'ot-assessment@conduit';

/**
 * Signs with the private key the host keeps; returns the raw 64-byte Ed25519 signature over
 * `data`, the SSHSIG signed data for `message`. A host that signs for a page gets only the
 * message and rebuilds the data itself (sign-request.ts), so it signs nothing but SSHSIGs.
 */
export type Ed25519Signer = (data: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

const MAGIC = new TextEncoder().encode('SSHSIG');
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
const HASHES = { sha512: 'SHA-512', sha256: 'SHA-256' } as const;
type HashName = keyof typeof HASHES;

export class SshSigError extends Error {
  override name = 'SshSigError';
}

async function digest(hash: HashName, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(HASHES[hash], message as BufferSource));
}

/** What an SSHSIG's Ed25519 signature covers, with SHA-512 as ssh-keygen uses it. */
export function sshSigSignedData(message: Uint8Array, namespace: string): Promise<Uint8Array> {
  return signedData(message, namespace, 'sha512');
}

/** What Ed25519 actually signs: "SSHSIG" | string namespace | string "" | string hash | string H(message). */
async function signedData(message: Uint8Array, namespace: string, hash: HashName): Promise<Uint8Array> {
  return concatBytes(
    MAGIC,
    sshString(namespace),
    sshString(''),
    sshString(hash),
    sshString(await digest(hash, message)),
  );
}

/** Base64 wrapped at 70 columns between the BEGIN/END lines, LF only, as ssh-keygen writes it. */
export function armorSshSig(blob: Uint8Array): string {
  const base64 = encodeBase64(blob);
  const lines = [BEGIN];
  for (let i = 0; i < base64.length; i += 70) lines.push(base64.slice(i, i + 70));
  lines.push(END);
  return lines.join('\n') + '\n';
}

/** An armored SSHSIG over message, made with the host's Ed25519 key. */
export async function signSshSig(
  message: Uint8Array,
  signer: Ed25519Signer,
  publicKeyRaw: Uint8Array,
  namespace: string = SIGNATURE_NAMESPACE,
): Promise<string> {
  if (!namespace) throw new SshSigError('a signature needs a namespace');
  const publicKeyBlob = ed25519PublicKeyBlob(publicKeyRaw);
  const signature = await signer(await signedData(message, namespace, 'sha512'), message);
  if (signature.length !== 64) {
    throw new SshSigError(`the signer returned ${signature.length} bytes; an Ed25519 signature has 64`);
  }
  const blob = concatBytes(
    MAGIC,
    new Uint8Array([0, 0, 0, 1]),
    sshString(publicKeyBlob),
    sshString(namespace),
    sshString(''),
    sshString('sha512'),
    sshString(concatBytes(sshString('ssh-ed25519'), sshString(signature))),
  );
  return armorSshSig(blob);
}

/** Reads SSH wire-format fields in order, refusing truncation and trailing bytes. */
class WireReader {
  private offset = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}
  raw(length: number, field: string): Uint8Array {
    if (this.offset + length > this.bytes.length)
      throw new SshSigError(`${this.what} is truncated in ${field}`);
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  uint32(field: string): number {
    const length = this.raw(4, field);
    return new DataView(length.buffer, length.byteOffset, 4).getUint32(0);
  }
  string(field: string): Uint8Array {
    return this.raw(this.uint32(field), field);
  }
  text(field: string): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.string(field));
    } catch (error) {
      if (error instanceof SshSigError) throw error;
      throw new SshSigError(`${this.what}: ${field} is not UTF-8 text`);
    }
  }
  end(): void {
    if (this.offset !== this.bytes.length) {
      throw new SshSigError(`${this.what} has ${this.bytes.length - this.offset} unexpected trailing bytes`);
    }
  }
}

/**
 * The blob inside an armored signature, exactly as ssh-keygen writes it and at least as strictly
 * as `ssh-keygen -Y verify` reads it: the BEGIN line first (no BOM, no space, no CR), plain base64
 * lines, the END line last, and canonical base64 (padding bits zero), which ssh-keygen insists on.
 */
export function dearmorSshSig(armored: string): Uint8Array {
  if (armored.includes('\r'))
    throw new SshSigError('the signature has CR (Windows) line endings, which ssh-keygen refuses');
  const lines = armored.endsWith('\n') ? armored.slice(0, -1).split('\n') : armored.split('\n');
  if (lines[0] !== BEGIN) throw new SshSigError(`the signature does not start with "${BEGIN}"`);
  if (lines[lines.length - 1] !== END) throw new SshSigError(`the signature does not end with "${END}"`);
  const body = lines.slice(1, -1);
  if (body.length === 0) throw new SshSigError('the signature is empty');
  for (const [i, line] of body.entries()) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(line)) throw new SshSigError(`signature line ${i + 2} is not base64`);
  }
  const base64 = body.join('');
  let blob: Uint8Array;
  try {
    blob = decodeBase64(base64);
  } catch (error) {
    throw new SshSigError(`the signature's base64 is invalid: ${(error as Error).message}`);
  }
  if (encodeBase64(blob) !== base64)
    throw new SshSigError(
      "the signature's base64 is not canonical (padding bits set), which ssh-keygen refuses",
    );
  return blob;
}

export interface ParsedSshSig {
  publicKey: Uint8Array;
  namespace: string;
  hash: HashName;
  signature: Uint8Array;
}

/** Parses an SSHSIG blob field by field; only ssh-ed25519 keys and sha256/sha512 hashes are accepted. */
export function parseSshSigBlob(blob: Uint8Array): ParsedSshSig {
  const reader = new WireReader(blob, 'the signature');
  const magic = reader.raw(6, 'the magic preamble');
  if (!magic.every((b, i) => b === MAGIC[i]))
    throw new SshSigError('the signature does not start with "SSHSIG"');
  const version = reader.uint32('the version');
  if (version !== 1) throw new SshSigError(`unsupported SSHSIG version ${version} (expected 1)`);
  const keyReader = new WireReader(reader.string('the public key'), 'the public key');
  const keyType = keyReader.text('the key type');
  if (keyType !== 'ssh-ed25519')
    throw new SshSigError(`unsupported key type "${keyType}" (expected ssh-ed25519)`);
  const publicKey = keyReader.string('the Ed25519 key');
  if (publicKey.length !== 32)
    throw new SshSigError(`the Ed25519 public key has ${publicKey.length} bytes, not 32`);
  keyReader.end();
  const namespace = reader.text('the namespace');
  reader.string('the reserved field');
  const hash = reader.text('the hash algorithm');
  if (hash !== 'sha512' && hash !== 'sha256') throw new SshSigError(`unsupported hash algorithm "${hash}"`);
  const sigReader = new WireReader(reader.string('the signature'), 'the inner signature');
  const sigType = sigReader.text('the signature type');
  if (sigType !== 'ssh-ed25519') throw new SshSigError(`unsupported signature type "${sigType}"`);
  const signature = sigReader.string('the Ed25519 signature');
  if (signature.length !== 64)
    throw new SshSigError(`the Ed25519 signature has ${signature.length} bytes, not 64`);
  sigReader.end();
  reader.end();
  return { publicKey, namespace, hash, signature };
}

export interface SshSigVerification {
  valid: boolean;
  /** The signer's raw 32-byte Ed25519 public key, as the signature names it. */
  publicKey: Uint8Array;
  fingerprint: string;
  /** Why it is not valid (empty when valid). */
  problem: string;
}

/**
 * Verifies an armored SSHSIG over message in the given namespace. Throws SshSigError when the
 * signature cannot be parsed; returns valid=false when it parses but does not verify.
 */
export async function verifySshSig(
  message: Uint8Array,
  armored: string,
  namespace: string = SIGNATURE_NAMESPACE,
): Promise<SshSigVerification> {
  const parsed = parseSshSigBlob(dearmorSshSig(armored));
  const fingerprint = await sshFingerprint(parsed.publicKey);
  const result = { publicKey: parsed.publicKey, fingerprint };
  if (parsed.namespace !== namespace) {
    return {
      ...result,
      valid: false,
      problem: `the signature is for namespace "${parsed.namespace}", not "${namespace}"`,
    };
  }
  const key = await crypto.subtle.importKey(
    'raw',
    parsed.publicKey as BufferSource,
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  const data = await signedData(message, namespace, parsed.hash);
  const valid = await crypto.subtle.verify(
    'Ed25519',
    key,
    parsed.signature as BufferSource,
    data as BufferSource,
  );
  return {
    ...result,
    valid,
    problem: valid ? '' : 'the signature does not match the signed data or was made with another key',
  };
}
