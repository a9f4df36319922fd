/**
 * Capture import in a Worker in Chromium: generates a synthetic pcap (default 1 GB) on disk, hands it to the
 * page as a disk-backed File (never read whole), and runs the app's own capture Worker
 * (renderer/workers/capture.worker.ts) on it through the app's worker channel, into a real assessment in
 * IndexedDB, with the page's and the workers' CSP as the hosts send them. Prints the read throughput (the target is 150 MB/s or more),
 * the hashing time, the peak memory of the browser's processes, and the time ratio to
 * `tshark -q -z conv,tcp -z conv,udp` on the same file.
 *
 *   npx tsx test/bench/capture-browser.ts [--size-mb 1024] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { freePort, launchChromium, report } from './harness';
import { syntheticCapture } from './synthetic-capture';

async function writeCapture(path: string, totalBytes: number): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of syntheticCapture(totalBytes)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** Resident memory of this process's Chromium descendants (browser, renderer, GPU, utility processes). */
function chromiumRss(rootPid = process.pid): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      rss.set(Number(entry), /chrom/i.test(comm) ? Number(fields[21]) * 4096 : 0);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function tsharkSeconds(path: string): number | null {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const start = performance.now();
  execFileSync('tshark', ['-n', '-q', '-r', path, '-z', 'conv,tcp', '-z', 'conv,udp'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return (performance.now() - start) / 1000;
}

// The page's script is external: the page's CSP allows scripts from the app's own origin only.
const PAGE = `<!doctype html><meta charset="utf-8"><title>capture bench</title>
<input id="file" type="file"><script type="module" src="/page.js"></script>`;

/** The page module and the workers, bundled as Vite would, each served under the policy its host sends. */
async function bundle(entry: string): Promise<string> {
  const built = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'error',
  });
  return built.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'size-mb': { type: 'string', default: '1024' }, keep: { type: 'boolean', default: false } },
  });
  const sizeMb = Number(values['size-mb']);
  const scripts = new Map([
    ['/page.js', await bundle('test/bench/capture-browser-page.ts')],
    ['/capture.worker-bench.js', await bundle('renderer/workers/capture.worker.ts')],
    ['/hash-alone.worker-bench.js', await bundle('test/bench/hash-alone.worker.ts')],
  ]);
  const port = await freePort();
  const server = createServer((request, response) => {
    const script = scripts.get(request.url ?? '');
    const worker = request.url?.endsWith('.worker-bench.js') ?? false;
    response.setHeader(
      'content-security-policy',
      worker ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    );
    response.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html' });
    response.end(script ?? PAGE);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  const dir = mkdtempSync(join(tmpdir(), 'conduit-bench-'));
  const path = join(dir, 'synthetic.pcap');
  const browser = await launchChromium();
  try {
    const t = performance.now();
    await writeCapture(path, sizeMb * 1024 * 1024);
    const size = statSync(path).size;
    console.log(
      `capture-browser: generated ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // A path, not bytes: Chromium gets a disk-backed File, read in chunks by Blob.stream().
    await page.setInputFiles('#file', path);
    const baseline = chromiumRss();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumRss())), 200);
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') messages.push(message.text());
    });
    const result = (await page.evaluate('window.runCapture()')) as Record<string, number | string | string[]>;
    clearInterval(sampler);
    const violations = [...(result.violations as string[]), ...messages.filter((m) => m.includes('CSP'))];
    if (violations.length > 0) throw new Error(`CSP violations: ${violations.join('; ')}`);
    if (result.sha256 !== result.aloneSha256)
      throw new Error(
        `the capture worker's SHA-256 ${String(result.sha256)} differs from hash-wasm's ${String(result.aloneSha256)}`,
      );
    const readSeconds = Number(result.readMs) / 1000;
    const hashSeconds = Number(result.hashMs) / 1000;
    const mbps = size / 1e6 / readSeconds;
    console.log(
      `capture-browser (the app's capture Worker in Chromium under the workers' CSP, no native hash, ` +
        `into IndexedDB; ${(size / 1e6).toFixed(0)} MB disk-backed File)`,
    );
    report('packets / flows / assets written', `${result.packets} / ${result.flows} / ${result.assets}`);
    report(
      'read + aggregate',
      `${readSeconds.toFixed(2)} s, ${mbps.toFixed(0)} MB/s (target >= 150 MB/s: ${mbps >= 150 ? 'met' : 'NOT met'}); Blob.stream() chunks of ${(Number(result.streamChunk) / 1024).toFixed(0)} KiB`,
    );
    const computeSeconds = Number(result.computeMs) / 1000;
    report(
      'SHA-256 of the file (import record), hash-wasm in the read pass',
      `${hashSeconds.toFixed(2)} s (${(hashSeconds / readSeconds).toFixed(2)}x the read; ` +
        `${(hashSeconds / computeSeconds).toFixed(2)}x hash-wasm alone on as many bytes in memory, ${computeSeconds.toFixed(2)} s)`,
    );
    report(
      'the alternative: a second pass, 8 MiB slices, one hasher',
      `${(Number(result.aloneMs) / 1000).toFixed(2)} s, of which reading the slices alone ${(Number(result.aloneReadMs) / 1000).toFixed(2)} s`,
    );
    report('end to end (read, hash, write)', `${(Number(result.totalMs) / 1000).toFixed(2)} s`);
    report(
      'browser memory (all Chromium processes)',
      `baseline ${(baseline / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB, ` +
        `growth ${((peak - baseline) / 1048576).toFixed(0)} MiB for a ${(size / 1048576).toFixed(0)} MiB file`,
    );
    const tshark = tsharkSeconds(path);
    if (tshark === null) console.log('  tshark: not installed, no ratio');
    else
      report(
        'tshark -q -z conv,tcp -z conv,udp',
        `${tshark.toFixed(2)} s; time ratio tshark / Worker read ${(tshark / readSeconds).toFixed(1)}`,
      );
  } finally {
    await browser.close();
    server.close();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${path}`);
  }
}

await main();
