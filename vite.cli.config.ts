import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

/**
 * Builds the `conduit` command line to ES modules in out/cli: one small entry plus a chunk per
 * command, loaded only when that command runs. Chunks sit beside the entry because the CLI finds
 * assets/ relative to its own file. Packages stay external (resolved from node_modules).
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: process.env.CONDUIT_CLI_OUT_DIR ?? 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    ssr: 'electron/cli/main.ts',
    reportCompressedSize: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'conduit.mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
