import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/browser';

/** A port per checkout, so that two checkouts on one machine can run their suites side by side. */
function defaultPort(): number {
  let hash = 0;
  for (const char of process.cwd()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 4200 + (hash % 700);
}

const port = Number(process.env.CONDUIT_E2E_PORT ?? defaultPort());

export default defineConfig({
  testDir: 'test/e2e',
  // One set of compiler options, without path mappings, for every file the tests import: the
  // project references would otherwise give shared/ files tsconfig/shared.json's mapping of
  // papaparse to its type-only declaration, which cannot run.
  tsconfig: './tsconfig/base.json',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: chromiumLaunchOptions(),
    // Dates on screen follow the OS locale; the suite fixes one so the expected text is known.
    locale: 'en-US',
    timezoneId: 'UTC',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
