import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { formatMs, median, report } from './harness';

/**
 * Start-up of the `conduit` command: the built CLI (bin/conduit.mjs, what `conduit` and `npm run
 * -s cli --` run) against the TypeScript entry run through tsx (how `npm run cli` ran before),
 * for `--help` and for `flows` on a small capture, with tshark reading the same capture in the
 * same run as the real alternative.
 */
const root = path.join(import.meta.dirname, '..', '..');
const capture = path.join(root, 'assets', 'demo', 'control-room-span.pcap');
const RUNS = 7;

function time(command: string, args: string[]): number | null {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = spawnSync(command, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (result.error || result.status !== 0) {
      if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
    }
    times.push(ms);
  }
  return median(times);
}

// Builds the CLI first if it is stale, so the first timed run is not a build.
time('node', ['bin/conduit.mjs', '--version']);

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const rows: [string, number | null][] = [
  ["node -e '' (Node's own start-up, the floor)", time('node', ['-e', ''])],
  ['conduit --help (built, node bin/conduit.mjs)', time('node', ['bin/conduit.mjs', '--help'])],
  ['conduit --help (before: tsx electron/cli/main.ts)', time(tsx, ['electron/cli/main.ts', '--help'])],
  ['npm run -s cli -- --help (npm adds its own start-up)', time('npm', ['run', '-s', 'cli', '--', '--help'])],
  [`conduit flows ${path.basename(capture)} (built)`, time('node', ['bin/conduit.mjs', 'flows', capture])],
  [
    `conduit flows ${path.basename(capture)} (before: tsx)`,
    time(tsx, ['electron/cli/main.ts', 'flows', capture]),
  ],
  [
    `tshark -r ${path.basename(capture)} -q -z conv,ip`,
    time('tshark', ['-r', capture, '-q', '-z', 'conv,ip']),
  ],
];
console.log(`cli start-up (median of ${RUNS} runs, wall clock, process start to exit)`);
for (const [name, ms] of rows) report(name, ms === null ? 'not installed' : formatMs(ms));
const [, built, before, , flows, flowsBefore, tshark] = rows.map(([, ms]) => ms);
if (built && before) report('--help: before / built', `${(before / built).toFixed(1)}×`);
if (flows && flowsBefore) report('flows: before / built', `${(flowsBefore / flows).toFixed(1)}×`);
if (flows && tshark) report('flows: built / tshark', `${(flows / tshark).toFixed(2)}×`);
