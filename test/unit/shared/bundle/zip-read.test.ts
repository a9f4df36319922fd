import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, verifyBundle } from '../../../../shared/bundle';
import { readZipEntry, ZipEntryError } from '../../../../shared/bundle/zip-entry';
import { rawZip, type RawEntry } from './helpers';

const encoder = new TextEncoder();
/** Not valid deflate data: had the verifier tried to inflate an entry, it would report that instead. */
const GARBAGE = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const entry = (name: string, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: GARBAGE,
  method: 8,
  declaredSize: 20,
  ...extra,
});

/** Verifies a hand-made zip and checks it was refused on its directory alone, with exactly these reasons. */
async function expectRefused(zip: Uint8Array, reasons: RegExp[]): Promise<void> {
  const result = await verifyBundle(zip);
  expect(result.valid).toBe(false);
  expect(result.fileStatus).toEqual([]);
  expect(result.files).toBe(0);
  expect(result.problems).toHaveLength(reasons.length);
  reasons.forEach((reason, i) => expect(result.problems[i]).toMatch(reason));
  expect(result.problems.join('\n')).not.toMatch(/inflate|signature|missing:|added:|changed:/);
}

describe('the verifier refuses unsafe zip entries before extracting anything', () => {
  it('refuses "../" paths', async () => {
    await expectRefused(rawZip([entry('bundle/README.txt'), entry('bundle/../../etc/cron.d/evil')]), [
      /"bundle\/..\/..\/etc\/cron.d\/evil": refused, a ".." path segment/,
    ]);
  });

  it('refuses absolute paths and drive letters', async () => {
    await expectRefused(
      rawZip([entry('bundle/README.txt'), entry('/etc/passwd'), entry('C:/Windows/evil.dll')]),
      [/"\/etc\/passwd": refused, an absolute path/, /"C:\/Windows\/evil.dll": refused, a drive letter/],
    );
  });

  it('refuses backslashes', async () => {
    await expectRefused(rawZip([entry('bundle/README.txt'), entry('bundle\\..\\evil.exe')]), [
      /"bundle\\\.\.\\evil\.exe": refused, a backslash in the path/,
    ]);
  });

  it('refuses duplicate names, including names that differ only in case', async () => {
    await expectRefused(
      rawZip([entry('bundle/SHA256SUMS'), entry('bundle/SHA256SUMS'), entry('bundle/sha256sums')]),
      [
        /"bundle\/SHA256SUMS": refused, a duplicate entry/,
        /"bundle\/sha256sums": refused, a duplicate of "bundle\/SHA256SUMS"/,
      ],
    );
  });

  it('refuses an excessive declared size', async () => {
    await expectRefused(
      rawZip([entry('bundle/README.txt'), entry('bundle/evidence/huge.jpg', { declaredSize: 0xfffffff0 })]),
      [
        /"bundle\/evidence\/huge.jpg": refused, declares 4294967280 bytes \(limit 2147483647\)/,
        /"bundle\/evidence\/huge.jpg": refused, expands \d+ times \(a compression bomb/,
        /the archive declares \d+ bytes in all/,
      ],
    );
  });

  it('refuses a compression bomb by its ratio, and too large a total', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = deflateSync(zeros, { level: 9 });
    const zip = rawZip([
      entry('bundle/README.txt'),
      { name: 'bundle/data/assets.csv', data: bomb, method: 8, declaredSize: zeros.length },
    ]);
    await expectRefused(zip, [
      /"bundle\/data\/assets.csv": refused, expands \d{3,4} times \(a compression bomb; limit 500\)/,
    ]);
    const capped = readZipDirectory(
      rawZip([entry('bundle/a', { declaredSize: 600 }), entry('bundle/b', { declaredSize: 600 })]),
      { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1000 },
    );
    expect(capped.problems).toEqual(['the archive declares 1200 bytes in all (limit 1000)']);
  });

  it('refuses an entry that inflates to more than it declares, without writing past the declared size', async () => {
    const zeros = new Uint8Array(100_000);
    const zip = rawZip([{ name: 'bundle/x.csv', data: deflateSync(zeros), method: 8, declaredSize: 100 }]);
    const directory = readZipDirectory(zip);
    expect(directory.problems).toEqual([]);
    await expect(readZipEntry(zip, directory.entries[0]!)).rejects.toThrow(ZipEntryError);
    await expect(readZipEntry(zip, directory.entries[0]!)).rejects.toThrow(
      /inflates to more than the 100 bytes it declares/,
    );
  });

  it('refuses more than one top folder, and files outside the top folder', async () => {
    await expectRefused(rawZip([entry('bundle/README.txt'), entry('other/README.txt'), entry('loose.txt')]), [
      /"loose.txt": refused, a file outside the bundle's top folder/,
      /the archive has 2 top folders \(bundle, other\)/,
    ]);
  });

  it('refuses an entry whose local header names another file', async () => {
    const zip = rawZip([entry('bundle/README.txt'), entry('bundle/SHA256SUMS', { sameLocalAs: 0 })]);
    await expectRefused(zip, [/"bundle\/SHA256SUMS": refused, the local header names a different file/]);
  });

  it('lists a well-formed archive without complaint', async () => {
    const zip = rawZip([{ name: 'bundle/README.txt', data: encoder.encode('hello') }]);
    const directory = readZipDirectory(zip);
    expect(directory.problems).toEqual([]);
    expect(directory.entries.map((e) => [e.name, e.size])).toEqual([['bundle/README.txt', 5]]);
    expect(new TextDecoder().decode(await readZipEntry(zip, directory.entries[0]!))).toBe('hello');
  });
});
