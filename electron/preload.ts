import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_METHODS, ipcChannel, type DesktopApi } from '../shared/bridge';

/*
 * Runs sandboxed: it is bundled into one file and exposes only the DesktopApi's named methods,
 * each a thin call to its IPC channel. No Electron or Node object reaches the page.
 */
const api = Object.fromEntries(
  DESKTOP_API_METHODS.map((method) => [
    method,
    (payload?: unknown) =>
      payload === undefined
        ? ipcRenderer.invoke(ipcChannel(method))
        : ipcRenderer.invoke(ipcChannel(method), payload),
  ]),
) as unknown as DesktopApi;

contextBridge.exposeInMainWorld('desktop', Object.freeze(api));
