import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

/**
 * Builds the Electron host. `--mode preload` builds the sandboxed preload, which must be one
 * self-contained CommonJS file; the default mode builds the main process.
 */
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    publicDir: false,
    build: {
      outDir: 'out/electron',
      emptyOutDir: !preload,
      target: 'node20',
      minify: false,
      sourcemap: false,
      ssr: preload ? 'electron/preload.ts' : 'electron/main.ts',
      rollupOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: {
          format: 'cjs',
          entryFileNames: preload ? 'preload.cjs' : 'main.cjs',
          inlineDynamicImports: true,
        },
      },
    },
    ssr: { noExternal: true },
  };
});
