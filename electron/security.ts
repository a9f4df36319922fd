import { isSafeExternalUrl } from '../shared/bridge';
import { APP_ORIGIN } from './app-protocol';

/*
 * The hardening of the window and its session. Electron objects are described by the few
 * members used here, so tests pass plain fakes and need no Electron binary.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}

export interface OnBeforeRequestDetails {
  url: string;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler:
      ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void;
  setDevicePermissionHandler?(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: OnBeforeRequestDetails, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export type OpenExternal = (url: string) => Promise<void> | void;

/** The webPreferences every Conduit window is created with. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Schemes the session lets through: the app itself and in-memory objects it created. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('blob:app://') || url.startsWith('data:');
}

/** Hands a link to the system browser only when it is a plain http(s) URL. */
export async function openExternalSafely(url: string, openExternal: OpenExternal): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await openExternal(url);
  return true;
}

export function hardenWebContents(contents: HardenableWebContents, openExternal: OpenExternal): void {
  const refuseNavigation = (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    void openExternalSafely(url, openExternal);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url) }),
  );
}
