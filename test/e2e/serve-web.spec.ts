import { readFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { expectInteractiveHome, expectStopsOnCtrlC, startServing } from './served';

const root = path.join(import.meta.dirname, '..', '..');

/** Holds a port on 127.0.0.1, as another program would. */
function occupy(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as { port: number }).port, server }),
    );
  });
}

test('serve-web serves the build safely on 127.0.0.1, on the next free port when the first is taken', async ({
  browser,
}) => {
  const taken = await occupy();
  const served = await startServing(
    'node',
    ['scripts/serve-web.mjs', '--port', String(taken.port), '--no-open'],
    {
      cwd: root,
    },
  );
  try {
    const port = Number(new URL(served.url).port);
    expect(port).toBeGreaterThan(taken.port);
    expect(served.output()).toContain('Press Ctrl+C to stop');

    const index = await fetch(served.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await index.text();
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(served.url + script);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = /href="\.\/(assets\/[^"]+\.css)"/.exec(html)![1]!;
    expect((await fetch(served.url + css)).headers.get('content-type')).toMatch(/^text\/css/);

    // Nothing outside out/web, however the path is spelled.
    const packageJson = readFileSync(path.join(root, 'package.json'), 'utf8');
    for (const attempt of [
      '../package.json',
      '%2e%2e/package.json',
      '..%2fpackage.json',
      'assets/../../package.json',
    ]) {
      const response = await new Promise<string>((resolve, reject) => {
        // fetch() would normalise the "..": send the raw request line.
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(`GET /${attempt} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(response, attempt).not.toContain(packageJson.slice(0, 40));
    }

    // Bound to the loopback address only.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      await expect(fetch(`http://${external}:${port}/`)).rejects.toThrow();
    }

    await expectInteractiveHome(browser, served.url);
  } finally {
    await expectStopsOnCtrlC(served);
    taken.server.close();
  }
});
