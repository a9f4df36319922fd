import { serializeAssessmentFile, sha256Hex, type AssessmentData } from '../model';
import { formatAllowedSigners } from './allowed-signers';
import { assessmentCsvFiles } from './data-csv';
import { attackLayerJson, riskCsvFiles } from './risk-files';
import { buildManifest, type BundleSignerIdentity } from './manifest';
import { bundleBaseName, compareUtf8, evidencePath } from './names';
import { buildReadme } from './readme';
import { formatSha256Sums } from './sha256sums';
import { openSshPublicKeyLine, sshFingerprint } from './ssh-key';
import { signSshSig, SIGNATURE_NAMESPACE, type Ed25519Signer } from './sshsig';
import { writeZip, type ZipSource } from './zip-write';

export interface BundleSigner {
  name: string;
  organization: string;
  /** The principal in allowed_signers and ssh-keygen's `-I`. */
  email: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** Signs with the matching private key, which stays with the host. */
  sign: Ed25519Signer;
}

export interface BundleProgress {
  /** "zipping" is one synchronous step (fflate's zipSync): show it as busy, and build in a worker. */
  phase: 'hashing' | 'signing' | 'zipping' | 'done';
  /** 0..1, an estimate over the whole build: hashing moves it to HASHING_SHARE, zipping to 1. */
  fraction: number;
}

/** Hashing runs at about a fifth of the build's time (native SHA-256 against fflate's CRC and copy). */
export const HASHING_SHARE = 0.2;

export interface BuildBundleInput {
  data: AssessmentData;
  signer: BundleSigner;
  /** ISO date-time; defaults to now. Part of the output, so fix it for reproducible bytes. */
  signedAt?: string;
  /** Each optional part is left out of the bundle when absent. */
  reportPdf?: Uint8Array | null;
  /** report/report.docx, the editable report. */
  reportDocx?: Uint8Array | null;
  /** data/findings.xlsx, the plan-of-action workbook. */
  findingsXlsx?: Uint8Array | null;
  diagramSvg?: Uint8Array | string | null;
  diagramPng?: Uint8Array | null;
  onProgress?: (progress: BundleProgress) => void;
}

export interface BundleFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BuiltBundle {
  /** `<client>-<site>-ot-assessment-<yyyy-mm-dd>.zip` */
  fileName: string;
  /** The one top folder inside the zip. */
  folder: string;
  bytes: Uint8Array;
  /** Every file covered by SHA256SUMS, with its digest. */
  files: BundleFile[];
  fingerprint: string;
  signedAt: string;
}

/** The inputs cannot make a bundle (missing evidence bytes, a bad identity…); nothing was produced. */
export class BundleInputError extends Error {
  override name = 'BundleInputError';
}

const encoder = new TextEncoder();

function checkSigner(signer: BundleSigner): void {
  if (!signer.name.trim()) throw new BundleInputError('the signer needs a name');
  if (!/^[^\s@"]+@[^\s@"]+$/.test(signer.email)) {
    throw new BundleInputError(
      `the signer's email "${signer.email}" is not a plain address (it names the signer in allowed_signers)`,
    );
  }
  if (signer.publicKey.length !== 32)
    throw new BundleInputError('the signer public key is not a 32-byte Ed25519 key');
}

function canonicalTime(signedAt: string | undefined): string {
  const date = signedAt === undefined ? new Date() : new Date(signedAt);
  if (Number.isNaN(date.getTime()))
    throw new BundleInputError(`signedAt "${signedAt}" is not a date and time`);
  return date.toISOString();
}

/** The evidence files, checked against their recorded size and SHA-256 (which the hashing pass computes anyway). */
function evidenceSources(data: AssessmentData): (ZipSource & { expected: string; label: string })[] {
  return data.evidence.map((e) => {
    const label = `evidence "${e.name}" (${e.id})`;
    if (!e.bytes)
      throw new BundleInputError(`${label}: its bytes are not available, so it cannot go into the bundle`);
    if (e.bytes.length !== e.size) {
      throw new BundleInputError(`${label}: has ${e.bytes.length} bytes but its record says ${e.size}`);
    }
    return { path: evidencePath(e), bytes: e.bytes, expected: e.sha256, label };
  });
}

type ContentFile = ZipSource & { expected?: string; label?: string };

/**
 * Builds the signed report bundle as DESIGN.md lays it out. The content files are hashed once
 * (WebCrypto digests are one-shot, so each file is hashed from the buffer it already lives in,
 * never copied), the manifest and SHA256SUMS are written, SHA256SUMS is signed, and everything is
 * zipped in a fixed order with fixed timestamps: the same inputs give the same bytes.
 */
export async function buildBundle(input: BuildBundleInput): Promise<BuiltBundle> {
  const { data, signer } = input;
  checkSigner(signer);
  const signedAt = canonicalTime(input.signedAt);
  const folder = bundleBaseName(data.assessment, signedAt);
  const fingerprint = await sshFingerprint(signer.publicKey);
  const identity = signerIdentity(signer, fingerprint);
  const content = contentFiles(input, identity, signedAt, folder);
  checkDistinctPaths(content);

  const progress = progressOver(content, input.onProgress);
  const files = await hashContent(content, progress);
  progress.report('signing');
  const signed = await signedFiles(data, signer, identity, signedAt, files);

  const sources: ZipSource[] = [...content, ...signed].map((s) => ({
    path: `${folder}/${s.path}`,
    bytes: s.bytes,
  }));
  progress.report('zipping');
  const bytes = writeZip(sources, { modified: new Date(signedAt) });
  progress.report('done');
  return {
    fileName: `${folder}.zip`,
    folder,
    bytes,
    files: files.sort((a, b) => compareUtf8(a.path, b.path)),
    fingerprint,
    signedAt,
  };
}

function signerIdentity(signer: BundleSigner, fingerprint: string): BundleSignerIdentity {
  return {
    name: signer.name.trim(),
    organization: signer.organization.trim(),
    email: signer.email,
    publicKey: openSshPublicKeyLine(signer.publicKey, signer.email),
    fingerprint,
  };
}

/** Every file SHA256SUMS covers but the manifest, in the zip's order; optional parts only when given. */
function contentFiles(
  input: BuildBundleInput,
  identity: BundleSignerIdentity,
  signedAt: string,
  folder: string,
): ContentFile[] {
  const { data } = input;
  const evidence = evidenceSources(data);
  const csv = { ...assessmentCsvFiles(data), ...riskCsvFiles(data) };
  const diagramSvg =
    typeof input.diagramSvg === 'string' ? encoder.encode(input.diagramSvg) : input.diagramSvg;
  const readme = buildReadme({
    assessment: data.assessment,
    signer: identity,
    signedAt,
    folder,
    hasReport: Boolean(input.reportPdf),
    hasReportDocx: Boolean(input.reportDocx),
    hasFindingsXlsx: Boolean(input.findingsXlsx),
    hasDiagram: Boolean(diagramSvg || input.diagramPng),
  });
  return [
    { path: 'README.txt', bytes: encoder.encode(readme) },
    ...(input.reportPdf ? [{ path: 'report/report.pdf', bytes: input.reportPdf }] : []),
    ...(input.reportDocx ? [{ path: 'report/report.docx', bytes: input.reportDocx }] : []),
    ...(input.findingsXlsx ? [{ path: 'data/findings.xlsx', bytes: input.findingsXlsx }] : []),
    {
      path: 'data/assessment.json',
      bytes: encoder.encode(serializeAssessmentFile(data, { embedEvidence: false, exportedAt: signedAt })),
    },
    ...Object.entries(csv).map(([name, text]) => ({ path: `data/${name}`, bytes: encoder.encode(text) })),
    { path: 'data/attack-layer.json', bytes: encoder.encode(attackLayerJson(data)) },
    ...(diagramSvg ? [{ path: 'diagram/zones.svg', bytes: diagramSvg }] : []),
    ...(input.diagramPng ? [{ path: 'diagram/zones.png', bytes: input.diagramPng }] : []),
    ...evidence,
  ].sort((a, b) => compareUtf8(a.path, b.path));
}

/** Two paths that differ only in case or Unicode form would overwrite each other when extracted. */
function checkDistinctPaths(content: readonly ContentFile[]): void {
  const seen = new Set<string>();
  for (const { path } of content) {
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new BundleInputError(`two files would both be named ${path} in the bundle`);
    seen.add(key);
  }
}

interface BuildProgress {
  /** Counts bytes as hashed. */
  hashed(bytes: number): void;
  report(phase: BundleProgress['phase']): void;
}

/** The build's progress: hashing moves it to HASHING_SHARE by bytes hashed, done to 1. */
function progressOver(
  content: readonly ContentFile[],
  onProgress: BuildBundleInput['onProgress'],
): BuildProgress {
  const contentBytes = content.reduce((n, f) => n + f.bytes.length, 0) || 1;
  let hashed = 0;
  return {
    hashed: (bytes) => (hashed += bytes),
    report(phase) {
      const fraction = phase === 'done' ? 1 : (HASHING_SHARE * hashed) / contentBytes;
      onProgress?.({ phase, fraction });
    },
  };
}

/** Hashes each file once, checking evidence against its recorded digest, reporting progress per file. */
async function hashContent(content: readonly ContentFile[], progress: BuildProgress): Promise<BundleFile[]> {
  progress.report('hashing');
  const files: BundleFile[] = [];
  for (const file of content) {
    const sha256 = await sha256Hex(file.bytes);
    if (file.expected !== undefined && sha256 !== file.expected) {
      throw new BundleInputError(`${file.label}: its bytes do not match the SHA-256 recorded for it`);
    }
    files.push({ path: file.path, size: file.bytes.length, sha256 });
    progress.hashed(file.bytes.length);
    progress.report('hashing');
  }
  return files;
}

/** The manifest (added to `files`, so SHA256SUMS lists it), SHA256SUMS, its signature and allowed_signers. */
async function signedFiles(
  data: AssessmentData,
  signer: BundleSigner,
  identity: BundleSignerIdentity,
  signedAt: string,
  files: BundleFile[],
): Promise<ZipSource[]> {
  const manifest = encoder.encode(
    JSON.stringify(buildManifest(data.assessment, identity, signedAt, files), null, 2) + '\n',
  );
  files.push({ path: 'manifest.json', size: manifest.length, sha256: await sha256Hex(manifest) });
  const sums = encoder.encode(formatSha256Sums(files));
  const signature = encoder.encode(
    await signSshSig(sums, signer.sign, signer.publicKey, SIGNATURE_NAMESPACE),
  );
  const allowedSigners = encoder.encode(formatAllowedSigners(signer.email, signer.publicKey));
  return [
    { path: 'manifest.json', bytes: manifest },
    { path: 'SHA256SUMS', bytes: sums },
    { path: 'SHA256SUMS.sig', bytes: signature },
    { path: 'allowed_signers', bytes: allowedSigners },
  ];
}
