/*
 * Benchmark: the bundle verifier's time and peak memory on a 500 MB bundle and on compression
 * bombs, against `unzip -p | sha256sum`-style extraction of the same zip; and the fuzzer's rate.
 * Each case runs in a child process of its own so that its peak RSS is its own.
 * Run: npx tsx test/bench/verify.ts [evidence MB]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import {
  buildBundle,
  formatAllowedSigners,
  formatSha256Sums,
  jsSha256,
  signSshSig,
  verifyBundle,
  type Sha256Factory,
} from '../../shared/bundle';
import { generateAssessment } from '../fixtures/bundle/generated-assessment';
import { fixedSigner, MUTATIONS, prng } from '../unit/shared/bundle/mutations';
import { parseZip, text, writeZip, type ZipPart } from '../unit/shared/bundle/zip-surgery';

const MB = 1024 * 1024;
const GiB = 1024 * MB;
const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (b) => void hash.update(b), hex: () => hash.digest('hex') };
};

/** One case in this process: load the zip, verify, print time and the peak RSS above the loaded zip. */
async function runCase(file: string, hash: 'js' | 'node', fingerprint?: string): Promise<void> {
  const zip = new Uint8Array(readFileSync(file));
  const before = process.resourceUsage().maxRSS * 1024;
  const t = performance.now();
  const result = await verifyBundle(zip, { sha256: hash === 'js' ? jsSha256 : nodeSha256, fingerprint });
  const ms = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      ms,
      peakAboveLoadMb: Math.max(0, peak - before) / MB,
      valid: result.valid,
      first: result.problems[0] ?? '',
    }),
  );
}

function child(file: string, hash: 'js' | 'node', fingerprint?: string) {
  const out = execFileSync('npx', ['tsx', import.meta.filename, '--case', file, hash, fingerprint ?? ''], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as {
    ms: number;
    peakAboveLoadMb: number;
    valid: boolean;
    first: string;
  };
}

const report = (label: string, r: ReturnType<typeof child>, extra = '') =>
  console.log(
    `${label}: ${(r.ms / 1000).toFixed(2)} s, peak memory ${r.peakAboveLoadMb.toFixed(0)} MB above the loaded zip, ` +
      `${r.valid ? 'valid' : `refused (${r.first.slice(0, 90)})`}${extra}`,
  );

/** unzip -p inflates every entry to a pipe that sha256sum reads: what checking the files by hand costs. */
function unzipAndHash(file: string): number {
  const t = performance.now();
  spawnSync('sh', ['-c', `unzip -p "${file}" | sha256sum`], { stdio: 'ignore' });
  return performance.now() - t;
}

/** A deflated entry of `size` bytes that compresses about 200:1 (under the ratio limit), reused for every bomb. */
function bombData(size: number): { data: Uint8Array; crc: number; sha256: string } {
  const block = new Uint8Array(64 * MB);
  for (let i = 0; i < block.length; i += 150) block[i] = (i * 2654435761) >>> 24;
  const chunks: Buffer[] = [];
  const whole = Buffer.alloc(size);
  for (let at = 0; at < size; at += block.length)
    whole.set(block.subarray(0, Math.min(block.length, size - at)), at);
  chunks.push(deflateRawSync(whole, { level: 1 }));
  return {
    data: new Uint8Array(chunks[0]!),
    crc: crc32(whole) >>> 0,
    sha256: createHash('sha256').update(whole).digest('hex'),
  };
}

async function main(): Promise<void> {
  const evidenceMb = Number(process.argv[2] ?? 500);
  const dir = mkdtempSync(join(tmpdir(), 'conduit-bench-verify-'));
  try {
    const signer = fixedSigner({
      name: 'Bench Assessor',
      organization: 'Conduit',
      email: 'bench@example.com',
    });
    const data = await generateAssessment({
      zones: 20,
      assets: 2_000,
      photos: Math.round(evidenceMb / 2),
      photoBytes: 2 * MB,
    });
    const big = await buildBundle({ data, signer, signedAt: '2026-03-06T17:00:00Z' });
    const bigFile = join(dir, 'big.zip');
    writeFileSync(bigFile, big.bytes);
    console.log(`bundle: ${(big.bytes.length / MB).toFixed(0)} MB zip, ${big.files.length} files`);
    report('verify 500 MB, pure-JS SHA-256 (browser worker)', child(bigFile, 'js'));
    const native = child(bigFile, 'node');
    const unzipMs = unzipAndHash(bigFile);
    report(
      'verify 500 MB, native SHA-256 (CLI)',
      native,
      `; unzip -p | sha256sum ${(unzipMs / 1000).toFixed(2)} s, ratio ${(native.ms / unzipMs).toFixed(2)}`,
    );

    // Bombs: a genuine small bundle plus 1 GiB entries at about 200:1 (under the ratio limit).
    const small = await buildBundle({
      data: await generateAssessment({ zones: 2, assets: 4, photos: 1, photoBytes: 3000 }),
      signer,
      signedAt: '2026-03-06T17:00:00Z',
    });
    const t = performance.now();
    const bomb = bombData(GiB);
    console.log(
      `bomb entry: 1 GiB deflated to ${(bomb.data.length / MB).toFixed(1)} MB (made in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const layout = parseZip(small.bytes);
    const like = layout.parts[0]!;
    const bombPart = (name: string): ZipPart => ({
      ...like,
      name: text(`${small.folder}/${name}`),
      localName: undefined,
      method: 8,
      crc: bomb.crc,
      compressedSize: bomb.data.length,
      size: GiB,
      localExtra: new Uint8Array(0),
      centralExtra: new Uint8Array(0),
      data: bomb.data,
    });
    const unlisted = {
      parts: [...layout.parts, ...['a', 'b', 'c'].map((n) => bombPart(`evidence/${n}.pcap`))],
    };
    const unlistedFile = join(dir, 'bomb-unlisted.zip');
    writeFileSync(unlistedFile, writeZip(unlisted));
    report(
      `bomb: 3 unlisted 1 GiB entries (${(readFileSync(unlistedFile).length / MB).toFixed(0)} MB zip)`,
      child(unlistedFile, 'js'),
    );

    // The bombs listed in SHA256SUMS: with the original signature (which then fails), and re-signed
    // by an attacker's own key, whose signature holds: then the entries are hashed, as streams.
    const find = (path: string) =>
      layout.parts.findIndex((p) => new TextDecoder().decode(p.name) === `${small.folder}/${path}`);
    const listed = [
      ...small.files,
      ...['a', 'b', 'c'].map((n) => ({ path: `evidence/${n}.pcap`, size: GiB, sha256: bomb.sha256 })),
    ];
    const sums = text(formatSha256Sums(listed));
    const stored = (path: string, bytes: Uint8Array): ZipPart => ({
      ...like,
      name: text(`${small.folder}/${path}`),
      localName: undefined,
      method: 0,
      crc: crc32(bytes) >>> 0,
      compressedSize: bytes.length,
      size: bytes.length,
      localExtra: new Uint8Array(0),
      centralExtra: new Uint8Array(0),
      data: bytes,
    });
    const withSums = (sig: Uint8Array | null, allowed: Uint8Array | null) => {
      const parts = [...layout.parts];
      parts[find('SHA256SUMS')] = stored('SHA256SUMS', sums);
      if (sig) parts[find('SHA256SUMS.sig')] = stored('SHA256SUMS.sig', sig);
      if (allowed) parts[find('allowed_signers')] = stored('allowed_signers', allowed);
      return writeZip({ parts: [...parts, ...['a', 'b', 'c'].map((n) => bombPart(`evidence/${n}.pcap`))] });
    };
    const badSigFile = join(dir, 'bomb-listed.zip');
    writeFileSync(badSigFile, withSums(null, null));
    report('bomb: 3 listed 1 GiB entries, signature not holding', child(badSigFile, 'js'));
    const attacker = fixedSigner(
      { name: 'Bench Assessor', organization: 'Conduit', email: 'bench@example.com' },
      9,
    );
    const forgedFile = join(dir, 'bomb-forged.zip');
    writeFileSync(
      forgedFile,
      withSums(
        text(await signSshSig(sums, attacker.sign, attacker.publicKey)),
        text(formatAllowedSigners('bench@example.com', attacker.publicKey)),
      ),
    );
    report(
      'bomb: 3 listed 1 GiB entries re-signed by another key, native SHA-256',
      child(forgedFile, 'node'),
    );
    report('  the same with --fingerprint of the real signer', child(forgedFile, 'node', small.fingerprint));

    // Fuzz cases per second (the unit suite's mutations, without the extractor runs).
    const random = prng(0x62443);
    const names = Object.keys(MUTATIONS);
    const started = performance.now();
    let cases = 0;
    while (performance.now() - started < 3000) {
      const zip = MUTATIONS[names[cases % names.length]!]!(small.bytes, random, small.folder);
      await verifyBundle(zip).catch(() => null);
      cases++;
    }
    console.log(`fuzz: ${(cases / ((performance.now() - started) / 1000)).toFixed(0)} cases per second`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--case')
  void runCase(process.argv[3]!, process.argv[4] as 'js' | 'node', process.argv[5] || undefined);
else void main();
