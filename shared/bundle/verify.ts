import { escapeControlCharacters } from '../model/escape-control';
import { parseAllowedSigners } from './allowed-signers';
import { manifestSchema, type BundleManifest } from './manifest';
import { parseSha256Sums, type ParsedSha256Sums } from './sha256sums';
import { parseOpenSshPublicKey } from './ssh-key';
import { SIGNATURE_NAMESPACE, SshSigError, verifySshSig } from './sshsig';
import { jsSha256, type Sha256Factory } from './stream-hash';
import { readZipEntry, streamZipEntry, ZipEntryError } from './zip-entry';
import {
  DEFAULT_ZIP_LIMITS,
  readZipDirectory,
  ZipFormatError,
  type ZipEntry,
  type ZipLimits,
} from './zip-read';

export type FileStatus = 'ok' | 'changed' | 'missing' | 'added' | 'renamed';

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
  fileStatus: { path: string; status: FileStatus; detail?: string }[];
  /** Set when the bytes are not a Conduit bundle at all (not a zip, or a zip with none of its metadata): why. */
  notABundle?: string;
  /**
   * Set when the signature holds but its key is none of `VerifyOptions.trusted`: the bundle was
   * refused before any file was hashed, and its signer (as the manifest names it) is still unproven.
   */
  untrustedSigner?: true;
}

export interface VerifyOptions {
  limits?: ZipLimits;
  /** The signer's fingerprint received separately ("SHA256:…"): any other signing key makes the bundle invalid. */
  fingerprint?: string;
  /**
   * The fingerprints of the signers the user trusts: a key that is none of them refuses the bundle
   * (untrustedSigner) before anything is inflated, so a bundle re-signed by an attacker costs no
   * hashing however large its files claim to be.
   */
  trusted?: readonly string[];
  /** The incremental SHA-256 to hash entries with (the host's native one where it has one). */
  sha256?: Sha256Factory;
}

/** The bytes are not a zip archive that can be listed at all. */
export class BundleUnreadableError extends Error {
  override name = 'BundleUnreadableError';
}

/** The files that SHA256SUMS cannot list: itself, its signature, and the key the signature names. */
const SIGNATURE_FILES: readonly string[] = ['SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'];
/** A zip with none of these is some other archive, not a bundle with its metadata stripped. */
const BUNDLE_MARKERS: readonly string[] = ['SHA256SUMS', 'SHA256SUMS.sig', 'manifest.json'];
/** The largest metadata file (SHA256SUMS, manifest, signature) worth parsing. */
const MAX_METADATA_BYTES = 64 * 1024 * 1024;
/** How much of the unlisted entries may be hashed to tell a renamed file from an added one. */
const RENAME_PROBE_BYTES = 64 * 1024 * 1024;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** One verification's state: the archive, its files by path inside the top folder, and the findings. */
interface Context {
  zip: Uint8Array;
  files: Map<string, ZipEntry>;
  result: BundleVerification;
  options: VerifyOptions;
}

/**
 * Verifies a report bundle, strictly and with bounded work: the whole zip is vetted as
 * extractors see it before anything is inflated; entries SHA256SUMS does not list are refused by
 * name; the signature over SHA256SUMS is checked; only then are the listed files hashed, as
 * streams. Nothing is written anywhere. Throws BundleUnreadableError when the bytes are not a
 * zip archive at all.
 */
export async function verifyBundle(
  zip: Uint8Array,
  options: VerifyOptions = {},
): Promise<BundleVerification> {
  const result: BundleVerification = {
    valid: false,
    signer: { name: '', email: '', organization: '', fingerprint: '' },
    signedAt: null,
    files: 0,
    problems: [],
    fileStatus: [],
  };
  const files = listBundleFiles(zip, options.limits ?? DEFAULT_ZIP_LIMITS, result.problems);
  if (files === null) return result;
  const context: Context = { zip, files, result, options };
  if (!BUNDLE_MARKERS.some((path) => files.has(path))) {
    result.notABundle = `a zip archive without ${BUNDLE_MARKERS.join(', ')}`;
  }

  const sumsBytes = await readMetadata(context, 'SHA256SUMS');
  const signingKey = sumsBytes === null ? null : await checkSignature(context, sumsBytes);
  const sumsText = sumsBytes === null ? null : decodeText(context, 'SHA256SUMS', sumsBytes);
  const sums = parseSha256Sums(sumsText ?? '');
  result.problems.push(...sums.problems);
  result.files = sums.digests.size;
  const unlisted = refuseUnlisted(context, sums);
  const manifest = await checkManifest(context, sums, signingKey);
  await checkAllowedSigners(context, signingKey, manifest);

  const missing = new Map(
    [...sums.digests].filter(([path]) => !files.has(path) && !SIGNATURE_FILES.includes(path)),
  );
  if (signingKey === null) {
    result.problems.push(
      'files not checked: the signature over SHA256SUMS does not hold, so its list proves nothing',
    );
  } else {
    await hashListedFiles(context, sums);
  }
  await reportUnlistedAndMissing(context, unlisted, missing, signingKey !== null);
  result.fileStatus.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.valid = result.problems.length === 0;
  result.problems = result.problems.map(escapeControlCharacters);
  return result;
}

/** The verification of bytes that may not be a zip at all: those are "not a Conduit bundle", not an error. */
export async function verifyDroppedBundle(
  zip: Uint8Array,
  options: VerifyOptions = {},
): Promise<BundleVerification> {
  try {
    return await verifyBundle(zip, options);
  } catch (error) {
    if (!(error instanceof BundleUnreadableError)) throw error;
    return {
      valid: false,
      signer: { name: '', email: '', organization: '', fingerprint: '' },
      signedAt: null,
      files: 0,
      problems: [`not a zip archive (${escapeControlCharacters(error.message)})`],
      fileStatus: [],
      notABundle: 'not a zip archive',
    };
  }
}

/**
 * The problems not already said by the per-file list: "changed: data/zones.csv (…)" repeats the
 * file list's "data/zones.csv: changed", so a reader sees each failure once.
 */
export function problemsBesideFiles(result: BundleVerification): string[] {
  const said = result.fileStatus.filter((file) => file.status !== 'ok');
  const covered = (problem: string) =>
    said.some((file) => problem.startsWith(`${file.status}: `) && problem.includes(file.detail ?? file.path));
  return [...new Set(result.problems)].filter((problem) => !covered(problem));
}

/** The bundle's files by their path inside the one top folder, or null when the zip is refused. */
function listBundleFiles(
  zip: Uint8Array,
  limits: ZipLimits,
  problems: string[],
): Map<string, ZipEntry> | null {
  let directory;
  try {
    directory = readZipDirectory(zip, limits);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new BundleUnreadableError(error.message);
    throw error;
  }
  if (directory.problems.length > 0) {
    problems.push(...directory.problems);
    return null;
  }
  const files = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    if (!entry.isDirectory) files.set(entry.name.slice(entry.name.indexOf('/') + 1), entry);
  }
  if (files.size === 0) {
    problems.push('the archive is empty');
    return null;
  }
  return files;
}

/** A metadata file's bytes (size-capped, CRC-checked), or null with the reason recorded. */
async function readMetadata({ zip, files, result }: Context, path: string): Promise<Uint8Array | null> {
  const entry = files.get(path);
  if (!entry) {
    result.problems.push(`missing: ${path} (every bundle has one)`);
    return null;
  }
  if (entry.size > MAX_METADATA_BYTES) {
    result.problems.push(`${path}: ${entry.size} bytes is too large for this file`);
    return null;
  }
  try {
    return await readZipEntry(zip, entry);
  } catch (error) {
    if (!(error instanceof ZipEntryError)) throw error;
    result.problems.push(`${path}: ${error.message}`);
    return null;
  }
}

function decodeText({ result }: Context, path: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    result.problems.push(`${path}: not UTF-8 text`);
    return null;
  }
}

async function readMetadataText(context: Context, path: string): Promise<string | null> {
  const bytes = await readMetadata(context, path);
  return bytes === null ? null : decodeText(context, path, bytes);
}

/** Every entry SHA256SUMS does not list is refused by its name alone; nothing of it is inflated. */
function refuseUnlisted({ files, result }: Context, sums: ParsedSha256Sums): string[] {
  const unlisted: string[] = [];
  for (const path of files.keys()) {
    if (!sums.digests.has(path) && !SIGNATURE_FILES.includes(path)) unlisted.push(path);
  }
  for (const path of sums.digests.keys()) {
    if (SIGNATURE_FILES.includes(path))
      result.problems.push(`SHA256SUMS: lists ${path}, which cannot be covered by it`);
  }
  return unlisted;
}

/** The signing key when SHA256SUMS.sig holds over SHA256SUMS's stored bytes (and is the expected key, if one was given). */
async function checkSignature(context: Context, sumsBytes: Uint8Array): Promise<Uint8Array | null> {
  const { result, options } = context;
  const signatureText = await readMetadataText(context, 'SHA256SUMS.sig');
  if (signatureText === null) return null;
  try {
    const check = await verifySshSig(sumsBytes, signatureText, SIGNATURE_NAMESPACE);
    result.signer.fingerprint = check.fingerprint;
    if (!check.valid) {
      result.problems.push(`SHA256SUMS.sig: ${check.problem}`);
      return null;
    }
    if (options.fingerprint !== undefined && options.fingerprint !== check.fingerprint) {
      result.problems.push(
        `signed by another key: ${check.fingerprint}, not the expected ${options.fingerprint}`,
      );
      return null;
    }
    if (options.trusted !== undefined && !options.trusted.includes(check.fingerprint)) {
      result.untrustedSigner = true;
      result.problems.push(`signed by an unknown key: ${check.fingerprint} is not a signer you trust`);
      return null;
    }
    return check.publicKey;
  } catch (error) {
    if (!(error instanceof SshSigError)) throw error;
    result.problems.push(`SHA256SUMS.sig: ${error.message}`);
    return null;
  }
}

/** The manifest names the signer; it must be covered by SHA256SUMS and name the signing key. */
async function checkManifest(
  context: Context,
  sums: ParsedSha256Sums,
  signingKey: Uint8Array | null,
): Promise<BundleManifest | null> {
  const { result } = context;
  const problems = result.problems;
  const manifest = parseManifest(await readMetadataText(context, 'manifest.json'), problems);
  if (!manifest) return null;
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
    if (manifestKey && !sameBytes(manifestKey, signingKey))
      problems.push('manifest.json: names a different key than the one that signed SHA256SUMS');
    if (signer.fingerprint !== result.signer.fingerprint)
      problems.push('manifest.json: the signer fingerprint is not that of the signing key');
  }
  return manifest;
}

async function checkAllowedSigners(
  context: Context,
  signingKey: Uint8Array | null,
  manifest: BundleManifest | null,
): Promise<void> {
  const problems = context.result.problems;
  const bytes = await readMetadata(context, 'allowed_signers');
  if (bytes === null) return;
  const text = decodeText(context, 'allowed_signers', bytes);
  if (text === null) return;
  try {
    const allowed = parseAllowedSigners(text);
    if (signingKey && !sameBytes(allowed.publicKey, signingKey))
      problems.push('allowed_signers: names a different key than the one that signed SHA256SUMS');
    if (manifest && allowed.principal !== manifest.predicate.signer.email) {
      problems.push(
        `allowed_signers: names ${allowed.principal}, but the manifest names ${manifest.predicate.signer.email}`,
      );
    }
    if (!allowed.namespaces.includes(SIGNATURE_NAMESPACE))
      problems.push(`allowed_signers: does not allow the namespace ${SIGNATURE_NAMESPACE}`);
  } catch (error) {
    problems.push((error as Error).message);
  }
}

/** Streams an entry through SHA-256 (and its CRC check); returns the hex digest or throws ZipEntryError. */
async function hashEntry({ zip, options }: Context, entry: ZipEntry): Promise<string> {
  const hash = (options.sha256 ?? jsSha256)();
  await streamZipEntry(zip, entry, (chunk) => hash.update(chunk));
  return hash.hex();
}

/** Hashes every listed file in the zip as a stream. */
async function hashListedFiles(context: Context, sums: ParsedSha256Sums): Promise<void> {
  const { files, result } = context;
  for (const [path, expected] of sums.digests) {
    const entry = files.get(path);
    if (!entry || SIGNATURE_FILES.includes(path)) continue;
    try {
      const ok = (await hashEntry(context, entry)) === expected;
      result.fileStatus.push({ path, status: ok ? 'ok' : 'changed' });
      if (!ok) result.problems.push(`changed: ${path} (its SHA-256 does not match SHA256SUMS)`);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      result.fileStatus.push({ path, status: 'changed', detail: error.message });
      result.problems.push(`changed: ${error.message}`);
    }
  }
}

/**
 * Reports each unlisted entry as added, or as renamed when it has a missing file's digest. Only
 * when the signature holds and files are missing, and only up to RENAME_PROBE_BYTES in all, are
 * unlisted entries hashed to tell the two apart: the bundle is refused by their names either way.
 */
async function reportUnlistedAndMissing(
  context: Context,
  unlisted: readonly string[],
  missing: Map<string, string>,
  probe: boolean,
): Promise<void> {
  const { files, result } = context;
  let budget = probe ? RENAME_PROBE_BYTES : 0;
  for (const path of unlisted) {
    const entry = files.get(path)!;
    let digest: string | null = null;
    if (missing.size > 0 && entry.size <= budget) {
      budget -= entry.size;
      try {
        digest = await hashEntry(context, entry);
      } catch (error) {
        if (!(error instanceof ZipEntryError)) throw error;
      }
    }
    const renamedFrom = [...missing].find(([, expected]) => expected === digest)?.[0];
    if (renamedFrom !== undefined) {
      missing.delete(renamedFrom);
      result.fileStatus.push({ path, status: 'renamed', detail: renamedFrom });
      result.problems.push(`renamed: ${renamedFrom} is now ${path}`);
    } else {
      result.fileStatus.push({ path, status: 'added' });
      result.problems.push(`added: ${path} (not listed in SHA256SUMS)`);
    }
  }
  for (const path of missing.keys()) {
    result.fileStatus.push({ path, status: 'missing' });
    result.problems.push(`missing: ${path} (listed in SHA256SUMS but not in the bundle)`);
  }
}

function parseManifest(text: string | null, problems: string[]): BundleManifest | null {
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
