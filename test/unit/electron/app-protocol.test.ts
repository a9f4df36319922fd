import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../../shared/csp';

function webRoot() {
  const root = mkdtempSync(path.join(tmpdir(), 'conduit-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Conduit</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'capture.worker-B1x_9z.js'), 'postMessage(1)');
  writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'do not serve');
  return root;
}

describe('app:// protocol', () => {
  const root = webRoot();
  const handler = createAppProtocolHandler(root, async (file) => new Uint8Array(await readFile(file)));

  it('maps app URLs to files under the web root', () => {
    expect(resolveAppFile(root, 'app://conduit/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://conduit/assets/app.js?v=1#x')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
  });

  it('refuses path traversal, encoded or not, and foreign hosts', () => {
    for (const url of [
      'app://conduit/../secret.txt',
      'app://conduit/%2e%2e/secret.txt',
      'app://conduit/assets/%2E%2E/%2E%2E/secret.txt',
      'app://conduit/..%2fsecret.txt',
      'app://conduit/..%5csecret.txt',
      'app://conduit/assets%5c..%5c..%5csecret.txt',
      'app://conduit/%00index.html',
      'app://conduit/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('serves a file with its type and the CSP header', async () => {
    const response = await handler(new Request('app://conduit/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Conduit</title>');
  });

  it("sends worker scripts the workers' policy (WebAssembly allowed) and every other file the page's", async () => {
    const worker = await handler(new Request('app://conduit/assets/capture.worker-B1x_9z.js'));
    expect(worker.headers.get('content-security-policy')).toBe(WORKER_CONTENT_SECURITY_POLICY);
    expect(worker.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    const script = await handler(new Request('app://conduit/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(script.headers.get('content-security-policy')).not.toMatch(/wasm/);
  });

  it('answers 403 to a traversal and 404 to a missing file', async () => {
    expect((await handler(new Request('app://conduit/assets/..%2f..%2fsecret.txt'))).status).toBe(403);
    // The URL parser resolves plain dot segments itself: the request stays inside the web root.
    expect((await handler(new Request('app://conduit/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://conduit/missing.js'))).status).toBe(404);
  });
});
