import type { DesktopApi } from '../../shared/bridge';
import { createBrowserPlatform } from './browser';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the web build. */
    desktop?: DesktopApi;
  }
}

let chosen: DesktopApi | null = null;
let host: 'desktop' | 'browser' = 'browser';

/** Picks the host implementation once, at start; nothing else in the renderer asks which host it runs in. */
export function initPlatform(): DesktopApi {
  host = window.desktop ? 'desktop' : 'browser';
  chosen = window.desktop ?? createBrowserPlatform();
  return chosen;
}

export function platform(): DesktopApi {
  if (!chosen) throw new Error('initPlatform() must run before the platform is used');
  return chosen;
}

/**
 * Which host runs the page. Only where the two differ in what they can promise the user (the
 * signing key: a backup-able file in the desktop app, a non-extractable key in one browser
 * profile) may the UI ask; everything else goes through platform().
 */
export function hostKind(): 'desktop' | 'browser' {
  return host;
}
