import { isSafeExternalUrl, type DesktopApi } from '../../shared/bridge';
import { downloadFile, pickFilesWithInput } from './browser-files';
import { browserSigning } from './browser-signing';

/** The DesktopApi of the plain web build: a file input, Blob downloads and a WebCrypto key in IndexedDB. */
export function createBrowserPlatform(): DesktopApi {
  return {
    openFiles: pickFilesWithInput,
    saveFile: downloadFile,
    ...browserSigning,

    async openExternal(url) {
      if (!isSafeExternalUrl(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },

    // No native hash in a browser: the capture worker hashes with WebAssembly (hash-wasm) itself.
    openSha256: () => Promise.resolve(null),
    updateSha256: () => Promise.reject(new Error('the browser host has no native hash')),
    digestSha256: () => Promise.reject(new Error('the browser host has no native hash')),
  };
}
