// `npm start`: the desktop app when Electron's binary is here or can be fetched now; otherwise the
// production web build in the system browser, with one line on why and how to get the desktop app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openInBrowser, serveWeb } from './serve-web.mjs';

// `npm start -- --no-open`: serve without opening a browser (a remote session, a test).
const { values: options } = parseArgs({ options: { 'no-open': { type: 'boolean' } }, strict: true });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const FETCH_TIMEOUT_MS = 5 * 60_000;
const HOW_TO_GET_IT =
  'on a connected machine run "node node_modules/electron/install.js" (or copy its cache, see README), then "npm start" again';

/**
 * The Electron binary's path when it is installed, or null. Read from the package's path.txt and
 * dist/ rather than by require('electron'): since Electron 45 that require starts a download of its
 * own (blocking, with no timeout) when the binary is missing.
 */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return relative !== '' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The last line of an installer's error output that says what went wrong, e.g. "getaddrinfo ENOTFOUND …". */
function reasonFrom(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /^(\w*Error|RequestError|HTTPError)\b/.test(line)) ?? lines[0];
  return (error ?? 'the download failed').replace(/^\w*Error:\s*/, '').slice(0, 200);
}

/**
 * Fetches the binary with the electron package's own installer (its cache, mirror settings and
 * checksums). Its progress bar draws only on a terminal, so this prints a line every 10 seconds.
 */
function fetchElectron() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer))
    return Promise.resolve({ ok: false, reason: 'the electron package is not installed' });
  const { version } = require('electron/package.json');
  console.log(
    `Fetching the Electron ${version} binary for ${process.platform}-${process.arch} (about 100 MB, once)…`,
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    const ticker = setInterval(
      () => console.log(`  … still fetching Electron (${Math.round((Date.now() - started) / 1000)} s)`),
      10_000,
    );
    const timer = setTimeout(() => child.kill(), FETCH_TIMEOUT_MS);
    const done = (result) => {
      clearInterval(ticker);
      clearTimeout(timer);
      resolve(result);
    };
    child.on('error', (error) => done({ ok: false, reason: error.message }));
    child.on('exit', (code, signal) => {
      if (code === 0 && electronBinary()) done({ ok: true });
      else if (signal) done({ ok: false, reason: `no answer within ${FETCH_TIMEOUT_MS / 60_000} minutes` });
      else done({ ok: false, reason: reasonFrom(stderr) });
    });
  });
}

/** Why this machine cannot show an Electron window, or null when it can. */
function noDisplayReason() {
  if (process.platform !== 'linux') return null;
  return process.env.DISPLAY || process.env.WAYLAND_DISPLAY
    ? null
    : 'there is no display (DISPLAY is not set)';
}

function run(args) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function startWeb(why) {
  run(['run', '-s', 'build:web']);
  const server = await serveWeb();
  const opened = !options['no-open'] && openInBrowser(server.url);
  console.log(
    `Conduit is running at ${server.url}${opened ? ' (opened in your browser)' : ''}; press Ctrl+C to stop.\n` +
      `Desktop app not started: ${why}; to get it, ${HOW_TO_GET_IT}.`,
  );
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The Electron binary, fetched now if it is missing; or why the desktop app cannot start here. */
async function desktopOrReason() {
  // Without a display no window can open: do not download 100 MB for nothing.
  const noDisplay = noDisplayReason();
  if (noDisplay) return { reason: noDisplay };
  const installed = electronBinary();
  if (installed) return { binary: installed };
  const fetched = await fetchElectron();
  const binary = fetched.ok ? electronBinary() : null;
  return binary
    ? { binary }
    : { reason: `the Electron binary is not installed and could not be fetched (${fetched.reason})` };
}

const desktop = await desktopOrReason();
if (desktop.reason) {
  await startWeb(desktop.reason);
} else {
  run(['run', '-s', 'build']);
  const child = spawn(desktop.binary, [root], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
