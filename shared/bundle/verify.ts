import { sha256Hex } from '../model';
import { parseAllowedSigners } from './allowed-signers';
import { manifestSchema, type BundleManifest } from './manifest';
import { parseSha256Sums } from './sha256sums';
import { parseOpenSshPublicKey } from './ssh-key';
import { SIGNATURE_NAMESPACE, SshSigError, verifySshSig } from './sshsig';
import {
  DEFAULT_ZIP_LIMITS,
  readZipDirectory,
  readZipEntry,
  ZipEntryError,
  ZipFormatError,
  type ZipEntry,
  type ZipLimits,
} from './zip-read';

export interface BundleVerification {
  valid: boolean;
  /** Who the bundle says signed it; trust it only when the fingerprint matches the one received separately. */
  signer: { name: string; email: string; organization: string; fingerprint: string };
  signedAt: string | null;
  /** How many files SHA256SUMS lists. */
  files: number;
  /** Each reason the bundle is not valid, naming the file. */
  problems: string[];
  /** Per file: ok, changed, missing, added or renamed (for the UI's list). */
  fileStatus: { path: string; status: 'ok' | 'changed' | 'missing' | 'added' | 'renamed'; detail?: string }[];
}

/** The bytes are not a zip archive that can be listed at all. */
export class BundleUnreadableError extends Error {
  override name = 'BundleUnreadableError';
}

/** The files that SHA256SUMS cannot list: itself, its signature, and the key the signature names. */
const SIGNATURE_FILES = ['SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'] as const;
/** The largest metadata file (SHA256SUMS, manifest, signature) worth parsing. */
const MAX_METADATA_BYTES = 64 * 1024 * 1024;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function decodeText(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ZipEntryError(`${path}: not UTF-8 text`);
  }
}

/**
 * Verifies a report bundle, strictly: the zip's directory is vetted before anything is inflated
 * (names, duplicates, sizes, one top folder), then the signature over SHA256SUMS, then every file's
 * hash. Nothing is written anywhere; entries are read in memory. Throws BundleUnreadableError when
 * the bytes are not a zip archive at all.
 */
export async function verifyBundle(
  zipBytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<BundleVerification> {
  const result: BundleVerification = {
    valid: false,
    signer: { name: '', email: '', organization: '', fingerprint: '' },
    signedAt: null,
    files: 0,
    problems: [],
    fileStatus: [],
  };
  let directory;
  try {
    directory = readZipDirectory(zipBytes, limits);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new BundleUnreadableError(error.message);
    throw error;
  }
  if (directory.problems.length > 0) {
    result.problems = directory.problems;
    return result;
  }
  const problems = result.problems;
  const files = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    if (!entry.isDirectory) files.set(entry.name.slice(entry.name.indexOf('/') + 1), entry);
  }
  if (files.size === 0) {
    problems.push('the archive is empty');
    return result;
  }

  const readSmall = (path: string): Uint8Array | null => {
    const entry = files.get(path);
    if (!entry) {
      problems.push(`missing: ${path} (every bundle has one)`);
      return null;
    }
    if (entry.size > MAX_METADATA_BYTES) {
      problems.push(`${path}: ${entry.size} bytes is too large for this file`);
      return null;
    }
    try {
      return readZipEntry(zipBytes, entry);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
      return null;
    }
  };
  const readText = (path: string, bytes: Uint8Array | null = readSmall(path)): string | null => {
    if (bytes === null) return null;
    try {
      return decodeText(bytes, path);
    } catch (error) {
      problems.push((error as Error).message);
      return null;
    }
  };

  // 1. The signature, over SHA256SUMS's bytes exactly as stored (decoding would drop a BOM, for one).
  const sumsBytes = readSmall('SHA256SUMS');
  const sumsText = readText('SHA256SUMS', sumsBytes);
  const signatureText = readText('SHA256SUMS.sig');
  let signingKey: Uint8Array | null = null;
  if (sumsBytes !== null && sumsText !== null && signatureText !== null) {
    try {
      const check = await verifySshSig(sumsBytes, signatureText, SIGNATURE_NAMESPACE);
      result.signer.fingerprint = check.fingerprint;
      if (check.valid) signingKey = check.publicKey;
      else problems.push(`SHA256SUMS.sig: ${check.problem}`);
    } catch (error) {
      if (!(error instanceof SshSigError)) throw error;
      problems.push(`SHA256SUMS.sig: ${error.message}`);
    }
  }

  // 2. Every file against SHA256SUMS.
  const sums = parseSha256Sums(sumsText ?? '');
  problems.push(...sums.problems);
  result.files = sums.digests.size;
  const missing = new Map<string, string>();
  for (const [path, expected] of sums.digests) {
    if ((SIGNATURE_FILES as readonly string[]).includes(path)) {
      problems.push(`SHA256SUMS: lists ${path}, which cannot be covered by it`);
      continue;
    }
    const entry = files.get(path);
    if (!entry) {
      missing.set(path, expected);
      continue;
    }
    try {
      const digest = await sha256Hex(readZipEntry(zipBytes, entry));
      result.fileStatus.push({ path, status: digest === expected ? 'ok' : 'changed' });
      if (digest !== expected) problems.push(`changed: ${path} (its SHA-256 does not match SHA256SUMS)`);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      result.fileStatus.push({ path, status: 'changed', detail: error.message });
      problems.push(`changed: ${error.message}`);
    }
  }
  for (const [path, entry] of files) {
    if (sums.digests.has(path) || (SIGNATURE_FILES as readonly string[]).includes(path)) continue;
    let digest: string | null = null;
    let unreadable = '';
    try {
      digest = await sha256Hex(readZipEntry(zipBytes, entry));
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      unreadable = `; ${error.message}`;
    }
    const renamedFrom = [...missing].find(([, expected]) => expected === digest)?.[0];
    if (renamedFrom !== undefined) {
      missing.delete(renamedFrom);
      result.fileStatus.push({ path, status: 'renamed', detail: renamedFrom });
      problems.push(`renamed: ${renamedFrom} is now ${path}`);
    } else {
      result.fileStatus.push({ path, status: 'added' });
      problems.push(`added: ${path} (not listed in SHA256SUMS${unreadable})`);
    }
  }
  for (const path of missing.keys()) {
    result.fileStatus.push({ path, status: 'missing' });
    problems.push(`missing: ${path} (listed in SHA256SUMS but not in the bundle)`);
  }

  // 3. Who signed: the manifest (covered by SHA256SUMS) and allowed_signers must name the signing key.
  const manifest = readManifest(readText('manifest.json'), problems);
  if (manifest) {
    const { signer, signedAt } = manifest.predicate;
    result.signer = {
      ...result.signer,
      name: signer.name,
      email: signer.email,
      organization: signer.organization,
    };
    result.signedAt = signedAt;
    if (!sums.digests.has('manifest.json')) problems.push('manifest.json: not listed in SHA256SUMS');
    checkManifestSubjects(manifest, sums.digests, problems);
    if (signingKey) {
      let manifestKey: Uint8Array | null = null;
      try {
        manifestKey = parseOpenSshPublicKey(signer.publicKey);
      } catch {
        problems.push('manifest.json: the signer public key cannot be read');
      }
      if (manifestKey && !sameBytes(manifestKey, signingKey)) {
        problems.push('manifest.json: names a different key than the one that signed SHA256SUMS');
      }
      if (signer.fingerprint !== result.signer.fingerprint) {
        problems.push('manifest.json: the signer fingerprint is not that of the signing key');
      }
    }
  }
  const allowedText = readText('allowed_signers');
  if (allowedText !== null) {
    try {
      const allowed = parseAllowedSigners(allowedText);
      if (signingKey && !sameBytes(allowed.publicKey, signingKey)) {
        problems.push('allowed_signers: names a different key than the one that signed SHA256SUMS');
      }
      if (manifest && allowed.principal !== manifest.predicate.signer.email) {
        problems.push(
          `allowed_signers: names ${allowed.principal}, but the manifest names ${manifest.predicate.signer.email}`,
        );
      }
      if (!allowed.namespaces.includes(SIGNATURE_NAMESPACE)) {
        problems.push(`allowed_signers: does not allow the namespace ${SIGNATURE_NAMESPACE}`);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  result.fileStatus.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.valid = problems.length === 0;
  return result;
}

function readManifest(text: string | null, problems: string[]): BundleManifest | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push(`manifest.json: not valid JSON (${(error as Error).message})`);
    return null;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push(
      `manifest.json: not a Conduit in-toto statement (${issue?.path.join('.')}: ${issue?.message})`,
    );
    return null;
  }
  return parsed.data;
}

/** The manifest's subjects must be exactly SHA256SUMS's files (less manifest.json itself), with the same digests. */
function checkManifestSubjects(
  manifest: BundleManifest,
  digests: Map<string, string>,
  problems: string[],
): void {
  const subjects = new Map(manifest.subject.map((s) => [s.name, s.digest.sha256]));
  for (const [name, digest] of subjects) {
    if (digests.get(name) !== digest)
      problems.push(`manifest.json: the subject ${name} does not match SHA256SUMS`);
  }
  for (const path of digests.keys()) {
    if (path !== 'manifest.json' && !subjects.has(path))
      problems.push(`manifest.json: ${path} is not a subject`);
  }
}
