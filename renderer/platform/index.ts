import type { DesktopApi } from '../../shared/bridge';
import { createBrowserPlatform } from './browser';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the web build. */
    desktop?: DesktopApi;
  }
}

let chosen: DesktopApi | null = null;

/** Picks the host implementation once, at start; nothing else in the renderer asks which host it runs in. */
export function initPlatform(): DesktopApi {
  chosen = window.desktop ?? createBrowserPlatform();
  return chosen;
}

export function platform(): DesktopApi {
  if (!chosen) throw new Error('initPlatform() must run before the platform is used');
  return chosen;
}
