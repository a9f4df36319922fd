import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectInteractiveHome, expectStopsOnCtrlC, startServing } from './served';

/**
 * What the README says, on a fresh clone of this branch's HEAD in a temporary folder, as on a
 * machine that cannot download Electron: `npm start` serves the app, `npm run web` too, and the
 * `conduit` command works. node_modules is this checkout's, linked package by package (electron
 * copied without its binary), so the test stays fast and never downloads anything.
 */
const root = path.join(import.meta.dirname, '..', '..');

function freshClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'conduit-fresh-'));
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, dir]);
  execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: dir });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === 'electron') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  // The electron package as `npm install` leaves it offline: types and installer, no binary.
  cpSync(path.join(root, 'node_modules', 'electron'), path.join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !/[\\/](dist|path\.txt)$/.test(source),
  });
  return dir;
}

/** As offline: Electron's installer is pointed at a closed port. */
function offlineEnv(): NodeJS.ProcessEnv {
  // A display as on a desktop (so Electron is wanted), and an Electron mirror that refuses, as offline.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISPLAY: process.env.DISPLAY ?? ':0',
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
  };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
}

test.describe.configure({ timeout: 300_000 });

test('a fresh clone: npm start and npm run web serve the app, and the conduit command works', async ({
  browser,
}) => {
  const dir = freshClone();
  try {
    const start = await startServing('npm', ['start', '--', '--no-open'], {
      cwd: dir,
      env: offlineEnv(),
      timeoutMs: 180_000,
    });
    try {
      expect(start.output()).toMatch(/Fetching the Electron [\d.]+ binary/);
      const why = start
        .output()
        .split('\n')
        .filter((line) => line.startsWith('Desktop app not started:'));
      expect(why).toHaveLength(1);
      expect(why[0]).toMatch(
        /could not be fetched .*; to get it, .*node node_modules\/electron\/install\.js/,
      );
      await expectInteractiveHome(browser, start.url);
    } finally {
      await expectStopsOnCtrlC(start);
    }

    const web = await startServing('npm', ['run', 'web', '--', '--no-open'], {
      cwd: dir,
      env: offlineEnv(),
      timeoutMs: 180_000,
    });
    try {
      await expectInteractiveHome(browser, web.url);
    } finally {
      await expectStopsOnCtrlC(web);
    }

    const help = spawnSync('npx', ['conduit', '--help'], { cwd: dir, encoding: 'utf8', env: offlineEnv() });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^conduit \d+\.\d+\.\d+: /);
    expect(help.stdout).toContain('demo ');

    const file = path.join(dir, 'demo.conduit.json');
    const demo = spawnSync('npx', ['conduit', 'demo', '--out', file], { cwd: dir, encoding: 'utf8' });
    expect(demo.status, demo.stderr).toBe(0);
    const validate = spawnSync('npx', ['conduit', 'validate', file], { cwd: dir, encoding: 'utf8' });
    expect(validate.status, validate.stderr).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true, counts: { zones: 8, connections: 2 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
