// Serves the production web build (out/web) on 127.0.0.1, opens it in the system browser, and runs
// until Ctrl+C. `npm run web` builds first; `npm start` falls back to this without Electron.
//   node scripts/serve-web.mjs [--port <n>] [--no-open]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 4173;

/** True when a program is on PATH (without running it). */
function onPath(program) {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && extensions.some((ext) => existsSync(path.join(dir, program + ext))));
}

/**
 * Opens a URL in the system browser when there is one; never throws. Returns whether it tried.
 * No library does this without pulling in a dependency tree, and it is three commands.
 */
export function openInBrowser(url) {
  let command;
  if (process.platform === 'darwin') command = ['open', [url]];
  else if (process.platform === 'win32') command = ['cmd', ['/c', 'start', '""', url]];
  else if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && onPath('xdg-open'))
    command = ['xdg-open', [url]];
  if (!command) return false;
  try {
    const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the server: the same static server as `vite preview` (sirv: no path traversal, MIME types
 * by extension), bound to 127.0.0.1 only, on `port` or the next free one, with the build's CSP as a
 * header (set in vite.config.ts → preview.headers).
 */
export async function serveWeb({ port = DEFAULT_PORT } = {}) {
  if (!existsSync(path.join(root, 'out', 'web', 'index.html'))) {
    throw new Error('there is no web build in out/web: run "npm run build:web" first');
  }
  const { preview } = await import('vite');
  const server = await preview({
    // vite.config.ts names root "renderer" relative to the working directory: pin it.
    root: path.join(root, 'renderer'),
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${actualPort}/`, close: () => server.close() };
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve-web: --port must be a port number, not "${values.port}"`);
    process.exit(64);
  }
  let server;
  try {
    server = await serveWeb({ port });
  } catch (error) {
    console.error(`serve-web: ${error.message}`);
    process.exit(1);
  }
  const opened = !values['no-open'] && openInBrowser(server.url);
  // One write, so that whoever reads the output sees both lines together.
  console.log(
    `Conduit is running at ${server.url}${opened ? ' (opened in your browser)' : ''}\n` +
      'Your data stays in this browser (IndexedDB). Press Ctrl+C to stop.',
  );
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
