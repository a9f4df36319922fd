import { spawn, type ChildProcess } from 'node:child_process';
import { expect, type Browser } from '@playwright/test';

export interface Served {
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Ctrl+C: SIGINT to the process group; resolves when the process has exited. */
  interrupt(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a command that serves the app (npm start, npm run web, serve-web.mjs) in its own process
 * group and waits for the "running at <url>" line it prints.
 */
export async function startServing(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Served> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const interrupt = async () => {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
    return exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
    if (match) return { url: match[1]!, output: () => output, interrupt };
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await interrupt();
      throw new Error(`${command} ${args.join(' ')} never served the app:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens the served app in a fresh context and waits for the interactive home screen; fails on any
 * page error, console error or request that leaves the server's origin. Returns the time to it.
 */
export async function expectInteractiveHome(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console error: ${m.text()}`)));
  page.on('request', (r) => {
    const target = r.url();
    if (!target.startsWith(url) && !/^(blob|data):/.test(target))
      problems.push(`request outside the app: ${target}`);
  });
  try {
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Open the demo plant' })).toBeVisible({ timeout: 30_000 });
    const ms = await page.evaluate(
      () => performance.getEntriesByName('conduit:home-interactive')[0]?.startTime ?? -1,
    );
    expect(ms).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * Ctrl+C stops it: the server process ends without an error of its own (npm itself reports the
 * interrupt as SIGINT) and the URL no longer answers.
 */
export async function expectStopsOnCtrlC(served: Served): Promise<void> {
  const { code, signal } = await served.interrupt();
  expect(code === 0 || signal === 'SIGINT', `exit ${code} / ${signal}:\n${served.output()}`).toBe(true);
  await expect(fetch(served.url)).rejects.toThrow();
}
