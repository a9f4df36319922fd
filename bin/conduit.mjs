#!/usr/bin/env node
// The `conduit` command (package.json "bin"; `npm link` puts it on PATH). It runs the built CLI in
// out/cli, building it first when it is missing or older than its sources (a fresh clone, a pull).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'cli');
const entry = path.join(outDir, 'conduit.mjs');
const stamp = path.join(outDir, '.built');
const SOURCES = ['electron/cli', 'shared', 'vite.cli.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time under the given paths. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (file) => {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

function isStale() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  return !built || !existsSync(entry) || newestMtime(SOURCES) > built.mtimeMs;
}

/** Builds into a scratch folder, then swaps it in, so a concurrent run never sees half a build. */
async function build() {
  process.stderr.write('conduit: building the command line (after a fresh clone or an update)…\n');
  const scratch = path.join(root, 'out', `cli.${process.pid}.tmp`);
  process.env.CONDUIT_CLI_OUT_DIR = scratch;
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root, configFile: path.join(root, 'vite.cli.config.ts'), logLevel: 'warn' });
  writeFileSync(path.join(scratch, '.built'), new Date().toISOString() + '\n');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  renameSync(scratch, outDir);
}

if (isStale()) {
  try {
    await build();
  } catch (error) {
    process.stderr.write(
      `conduit: could not build the command line: ${String(error.message).split('\n')[0]}\n`,
    );
    process.exit(70);
  }
}
await import(pathToFileURL(entry).href);
