// Regenerates shared/catalogue/attack-ics.data.ts from the ATT&CK for ICS STIX bundle.
//   npx tsx scripts/build-attack.ts [--stix <file.json.gz>] [--out <file>] [--check]
// --check writes nothing and exits 1 when the module on disk differs from what the bundle gives.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_ATTACK_MODULE_PATH, DEFAULT_STIX_PATH, generateAttackModule } from './attack-module';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { stix: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  });
  const stixPath = values.stix ?? DEFAULT_STIX_PATH;
  const modulePath = values.out ?? DEFAULT_ATTACK_MODULE_PATH;
  const text = await generateAttackModule(stixPath);
  if (values.check) {
    const current = await readFile(modulePath, 'utf8').catch(() => '');
    if (current !== text) {
      process.stderr.write(
        `${modulePath} is out of date with ${stixPath}: run npx tsx scripts/build-attack.ts\n`,
      );
      return 1;
    }
    process.stderr.write(`${modulePath} matches ${stixPath}\n`);
    return 0;
  }
  await writeFile(modulePath, text);
  process.stderr.write(`wrote ${modulePath} from ${stixPath}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`build-attack: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
