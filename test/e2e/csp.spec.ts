import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { test, expect } from './fixtures';

test('the page and every worker script are served with the CSP, and the guard sees a violation', async ({
  page,
  request,
  pageProblems,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New assessment' }).first()).toBeVisible();
  const workers = readdirSync(join(process.cwd(), 'out/web/assets')).filter((f) => /worker.*\.js$/.test(f));
  expect(workers.length).toBeGreaterThanOrEqual(4);
  const scripts = readdirSync(join(process.cwd(), 'out/web/assets')).filter((f) => /\.js$/.test(f));
  for (const file of ['index.html', ...scripts.map((w) => `assets/${w}`)]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    // Workers may compile WebAssembly (hash-wasm); the page and its own scripts never may.
    const policy = workers.some((w) => file === `assets/${w}`)
      ? WORKER_CONTENT_SECURITY_POLICY
      : CONTENT_SECURITY_POLICY;
    expect(response.headers()['content-security-policy'], file).toBe(policy);
  }
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/wasm-unsafe-eval/);
  expect(WORKER_CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
  // The page's own <meta> policy allows no WebAssembly either.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toMatch(/script-src 'self';/);
  expect(meta).not.toMatch(/wasm/);
  expect(
    await page.evaluate(async () => {
      try {
        await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        return 'compiled';
      } catch (error) {
        return (error as Error).name;
      }
    }),
  ).toBe('CompileError');
  pageProblems.length = 0; // the blocked compile was reported as a violation, as it should be

  // A worker served by the app cannot eval, as the page cannot.
  const workerUrl = `assets/${workers.find((w) => w.includes('verify'))!}`;
  expect(
    await page.evaluate(async (url) => {
      const worker = new Worker(new URL(url, document.baseURI), { type: 'module' });
      const answer = new Promise<string>((resolve) => {
        worker.onerror = (e) => resolve(`error: ${e.message}`);
        // The verify worker speaks the one worker channel: a call, answered by a result or an error.
        worker.onmessage = (
          e: MessageEvent<{ kind: string; error?: { message: string }; result?: { notABundle?: string } }>,
        ) =>
          resolve(
            e.data.kind === 'error'
              ? (e.data.error?.message ?? '')
              : `${e.data.kind}: ${e.data.result?.notABundle ?? ''}`,
          );
      });
      const args = { bytes: new Uint8Array([1, 2, 3]), trusted: [] };
      worker.postMessage({ kind: 'call', id: 1, name: 'verify', args });
      return answer;
    }, workerUrl),
  ).toBe('result: not a zip archive');
  expect(pageProblems).toEqual([]);

  // The guard itself: a string the page hands to setTimeout is an eval, blocked and reported.
  // (page.evaluate cannot show it: DevTools' own evaluation is exempt from the CSP.)
  await page.evaluate(() => {
    (setTimeout as unknown as (code: string, ms: number) => void)('document.title = "evaluated"', 0);
  });
  await expect.poll(() => pageProblems.join('\n')).toMatch(/CSP violation: script-src/);
  expect(await page.title()).not.toBe('evaluated');
  pageProblems.length = 0;
});
