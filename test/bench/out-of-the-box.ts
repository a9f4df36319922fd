import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServing } from '../e2e/served';
import { formatMs, launchChromium, report } from './harness';

/**
 * A newcomer's first minutes on a machine that cannot download Electron: a fresh clone of HEAD,
 * `npm ci` (from the local npm cache, as a second install on a laptop would be), then `npm start`
 * until the home screen is interactive in Chromium. One run: it installs every package.
 */
const root = path.join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'conduit-first-run-'));
// A display as on a desktop (so Electron is wanted), and an Electron mirror that refuses, as offline.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DISPLAY: process.env.DISPLAY ?? ':0',
  ELECTRON_MIRROR: 'http://127.0.0.1:9/',
};
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const browser = await launchChromium();
try {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, dir]);
  execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: dir });

  const t0 = performance.now();
  const install = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`npm ci failed:\n${install.stderr}`);
  const installed = performance.now();

  const served = await startServing('npm', ['start', '--', '--no-open'], {
    cwd: dir,
    env,
    timeoutMs: 300_000,
  });
  const serving = performance.now();
  const page = await browser.newPage();
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Open the demo plant' }).waitFor({ timeout: 60_000 });
  const interactive = performance.now();
  await served.interrupt();

  console.log('out of the box (fresh clone, npm ci from the npm cache, npm start without Electron)');
  report('npm ci', formatMs(installed - t0));
  report('npm start to the URL printed (includes the web build)', formatMs(serving - installed));
  report('URL to interactive home in Chromium', formatMs(interactive - serving));
  report('npm ci start to interactive home', formatMs(interactive - t0));
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
