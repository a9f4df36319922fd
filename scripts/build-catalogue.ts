// Regenerates shared/catalogue/iec62443-3-3.data.ts from the catalogue TSV.
//   npx tsx scripts/build-catalogue.ts [--tsv <file>] [--out <file>] [--catalogue-version <v>] [--check]
// --check writes nothing and exits 1 when the module on disk differs from what the TSV gives.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CatalogueTsvError } from '../shared/catalogue/parse-tsv';
import { DEFAULT_MODULE_PATH, DEFAULT_TSV_PATH, generateCatalogueModule } from './catalogue-module';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tsv: { type: 'string' },
      out: { type: 'string' },
      'catalogue-version': { type: 'string' },
      check: { type: 'boolean' },
    },
    strict: true,
  });
  const tsvPath = values.tsv ?? DEFAULT_TSV_PATH;
  const modulePath = values.out ?? DEFAULT_MODULE_PATH;
  const text = await generateCatalogueModule({ tsvPath, version: values['catalogue-version'] });
  if (values.check) {
    const current = await readFile(modulePath, 'utf8').catch(() => '');
    if (current !== text) {
      process.stderr.write(
        `${modulePath} is out of date with ${tsvPath}: run npx tsx scripts/build-catalogue.ts\n`,
      );
      return 1;
    }
    process.stderr.write(`${modulePath} matches ${tsvPath}\n`);
    return 0;
  }
  await writeFile(modulePath, text);
  process.stderr.write(`wrote ${modulePath} from ${tsvPath}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof CatalogueTsvError ? error.message : String((error as Error).message ?? error);
    process.stderr.write(`build-catalogue: ${message}\n`);
    process.exitCode = 2;
  },
);
