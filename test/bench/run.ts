import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs the benchmarks (each a script in test/bench that prints its figures), or only those
 * named on the command line: `npm run bench -- startup`.
 */
const BENCHMARKS = [
  'startup',
  'cli-startup',
  'demo-browser',
  'out-of-the-box',
  'import-parse',
  'inventory',
  'store',
  'capture',
  'capture-browser',
  'bundle',
  'verify',
  'diagram',
  'findings',
  'requirements',
  'report',
  'advisories',
  'risk',
  'tshark-agreement',
  'overview',
];

const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? BENCHMARKS.filter((name) => wanted.includes(name)) : BENCHMARKS;
if (wanted.length > 0 && selected.length !== wanted.length) {
  console.error(`unknown benchmark; choose from: ${BENCHMARKS.join(', ')}`);
  process.exit(64);
}
let failed = 0;
for (const name of selected) {
  const script = path.join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(script)) throw new Error(`missing ${script}`);
  console.log(`\n== ${name}`);
  const result = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
