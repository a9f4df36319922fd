// Regenerates assets/advisories/index.json.gz (the advisory index the app ships) from the CSAF
// snapshot in assets/advisories/.
//   npx tsx scripts/build-advisory-index.ts [--pack <tar.gz>] [--out <file>] [--check]
// --check writes nothing and exits 1 when the index on disk differs from what the snapshot gives.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { buildIndexFromArchive, decodeIndex, encodeIndex } from '../shared/advisories';

export const DEFAULT_PACK_PATH = 'assets/advisories/cisa-csaf-ot-2017-2023.tar.gz';
export const DEFAULT_INDEX_PATH = 'assets/advisories/index.json.gz';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { pack: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  });
  const packPath = values.pack ?? DEFAULT_PACK_PATH;
  const indexPath = values.out ?? DEFAULT_INDEX_PATH;
  const { index, pack } = buildIndexFromArchive(basename(packPath), new Uint8Array(await readFile(packPath)));
  for (const problem of pack.problems) process.stderr.write(`${problem.file}: ${problem.message}\n`);
  if (values.check) {
    const current = await readFile(indexPath).catch(() => null);
    const same = current !== null && isDeepStrictEqual(decodeIndex(new Uint8Array(current)), index);
    process.stderr.write(
      same
        ? `${indexPath} matches ${packPath}\n`
        : `${indexPath} is out of date with ${packPath}: run npx tsx scripts/build-advisory-index.ts\n`,
    );
    return same ? 0 : 1;
  }
  const bytes = encodeIndex(index);
  await writeFile(indexPath, bytes);
  process.stderr.write(
    `wrote ${indexPath} (${bytes.length} bytes): ${index.advisories.length} advisories, ${index.from} to ${index.to}, ${pack.verified} checksums verified\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
