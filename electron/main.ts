import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security';
import { registerIpcHandlers } from './ipc';
import { SigningKeyStore } from './ipc/keys';
import { writePrivateFile } from './private-file';

// Registered before "ready" so app:// is a secure, standard origin (IndexedDB, fetch, workers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

app.enableSandbox();
app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, (url) => shell.openExternal(url)),
);

const webRoot = path.join(__dirname, '..', 'web');
const preloadPath = path.join(__dirname, 'preload.cjs');

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Conduit',
    show: false,
    backgroundColor: '#111418',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
}

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(webRoot, async (file) => new Uint8Array(await readFile(file))),
  );

  const keyFile = path.join(app.getPath('userData'), 'signing-key.json');
  registerIpcHandlers({
    ipcMain,
    dialog: {
      showOpenDialog: (options) => dialog.showOpenDialog(options),
      showSaveDialog: (options) => dialog.showSaveDialog(options),
    },
    fs: {
      readFile: async (file) => new Uint8Array(await readFile(file)),
      writeFile: (file, data) => writeFile(file, data),
      stat,
    },
    downloadsDir: app.getPath('downloads'),
    hash: { createSha256: () => createHash('sha256') },
    keys: new SigningKeyStore(
      {
        read: () => readFile(keyFile, 'utf8').catch(() => null),
        write: (contents) => writePrivateFile(keyFile, contents, { overwrite: true }),
        remove: () => rm(keyFile, { force: true }),
      },
      safeStorage,
    ),
    writeKeyBackup: (file, contents) => writePrivateFile(file, contents, { overwrite: true }),
    openExternal: (url) => shell.openExternal(url),
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
