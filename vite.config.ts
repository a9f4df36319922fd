import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyFor, META_CONTENT_SECURITY_POLICY } from './shared/csp.ts';

/** The production HTML carries the strict CSP; the dev server needs HMR, so it is left out there. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'conduit-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * The served build carries the CSP as a header (with frame-ancestors, which a <meta> cannot set), as
 * Electron's app:// protocol does. Workers take their CSP from their own response, never from the
 * page's <meta>: worker scripts get the workers' policy, everything else the page's.
 */
function previewContentSecurityPolicy(): Plugin {
  return {
    name: 'conduit-preview-csp',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        response.setHeader('Content-Security-Policy', contentSecurityPolicyFor(path));
        response.setHeader('X-Content-Type-Options', 'nosniff');
        next();
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), contentSecurityPolicy(), previewContentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
