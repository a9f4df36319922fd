// Launches the built app in Electron, or says in one line how to get Electron when it is missing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let electronBinary = null;
try {
  // The electron package exports the binary's path, and throws when the binary was never downloaded.
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}

if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error(
    'Electron binary is missing: run "node node_modules/electron/install.js" on a connected machine to download it, or use "npm run web" to run Conduit in a browser.',
  );
  process.exit(1);
}

const child = spawn(electronBinary, [root], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
