import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { DESKTOP_API_METHODS } from '../../shared/bridge';

/**
 * The built desktop app in Electron, where its binary is installed. Elsewhere (an offline machine,
 * this CI) the test says in its own output that it did not run and why, and checks that the reason
 * is true: it never passes silently.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where the electron package put its binary (path.txt, dist/). Not require('electron'): since
 * Electron 45 that starts a download when the binary is missing.
 */
function electronBinary(): { path: string } | { missing: string } {
  const dir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(dir, 'package.json')))
    return { missing: 'the electron package is not installed' };
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary is not installed (no path.txt)' };
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `no Electron binary at ${binary}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { missing: 'there is no display (run under xvfb-run)' };
  return { path: binary };
}

test('the desktop app creates an assessment, and its renderer reaches only the DesktopApi', async () => {
  const testInfo = test.info();
  const binary = electronBinary();
  if ('missing' in binary) {
    const line = `electron e2e did not run: ${binary.missing}. Get it with "node node_modules/electron/install.js".`;
    testInfo.annotations.push({ type: 'not run', description: line });
    console.log(line);
    // The absence is real: no downloaded binary in the electron package, or no display to show it on.
    const hasDisplay =
      process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    expect(existsSync(path.join(root, 'node_modules', 'electron', 'dist')) && hasDisplay, line).toBe(false);
    return;
  }

  test.setTimeout(180_000);
  const build = spawnSync('npm', ['run', '-s', 'build:electron'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  expect(existsSync(path.join(root, 'out', 'web', 'index.html')), 'run "npm run build:web" first').toBe(true);

  // Chromium refuses its sandbox to root (CI containers); everyone else keeps it.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
  const app = await electron.launch({ executablePath: binary.path, args, cwd: root });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'New assessment' }).first()).toBeVisible();

    await window.getByRole('button', { name: 'New assessment' }).first().click();
    const dialog = window.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByLabel('Client', { exact: true }).fill('Electron Foods');
    await dialog.getByLabel('Site', { exact: true }).fill('Desktop');
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();

    const reach = await window.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      const desktop = scope.desktop as Record<string, unknown> | undefined;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
        module: typeof scope.module,
        desktopKeys: desktop ? Object.keys(desktop).sort() : null,
        desktopTypes: desktop ? [...new Set(Object.values(desktop).map((v) => typeof v))] : null,
        frozen: desktop ? Object.isFrozen(desktop) : null,
        origin: location.origin,
      };
    });
    expect(reach).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      module: 'undefined',
      desktopKeys: [...DESKTOP_API_METHODS].sort(),
      desktopTypes: ['function'],
      frozen: true,
      origin: 'app://conduit',
    });
  } finally {
    await app.close();
  }
});
