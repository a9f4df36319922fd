/**
 * Capture reader benchmark: generates a synthetic pcap (default 1 GB) in a temp dir, streams it from disk
 * through the analyzer, and prints MB/s, packets/s and peak RSS; then runs
 * `tshark -q -z conv,tcp -z conv,udp` on the same file (when installed) and prints the time ratio.
 *
 *   npx tsx test/bench/capture.ts [--size-mb 1024] [--keep]
 */
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2';
import { createSHA256 } from 'hash-wasm';
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { conversationKey, mergeByPair, parseConversations } from '../unit/shared/traffic/tshark';
import { readChunks } from './read-chunks';
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

/** Times tshark's conversation statistics on the file; null when tshark is not installed. */
function runTsharkConversations(path: string): { seconds: number; pairs: Set<string> } | null {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const start = performance.now();
  const out = execFileSync('tshark', ['-n', '-q', '-r', path, '-z', 'conv,tcp', '-z', 'conv,udp'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, pairs: new Set(mergeByPair(parseConversations(out)).keys()) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'size-mb': { type: 'string', default: '1024' }, keep: { type: 'boolean', default: false } },
  });
  const sizeMb = Number(values['size-mb']);
  const dir = mkdtempSync(join(tmpdir(), 'conduit-bench-'));
  const path = join(dir, 'synthetic.pcap');
  try {
    const t = performance.now();
    await writeCapture(path, sizeMb * 1024 * 1024);
    const size = statSync(path).size;
    console.log(
      `generated ${path}: ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const figures = await readChunks(createReadStream(path, { highWaterMark: 1 << 20 }));
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const { summary, seconds } = figures;
    const mbps = figures.bytes / 1e6 / seconds;
    console.log(
      `reader (Node, streaming from disk): ${summary.packets} packets, ${summary.flows.length} flows, ` +
        `${seconds.toFixed(2)} s, ${mbps.toFixed(0)} MB/s (${(figures.bytes / 1048576 / seconds).toFixed(0)} MiB/s), ` +
        `${(summary.packets / seconds / 1e6).toFixed(2)} M packets/s, peak RSS ${(peakRss / 1048576).toFixed(0)} MiB`,
    );

    // The import record's SHA-256 of the same file, each against the read time above: the pure-JS
    // hash the browser worker used before, the WebAssembly one it uses now, and the Electron host's
    // native one (what its IPC hash stream runs).
    const hashTime = async (
      label: string,
      create: () => { update(b: Uint8Array): unknown },
    ): Promise<void> => {
      const hash = create();
      const started = performance.now();
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
        hash.update(chunk as Buffer);
      const hashSeconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${hashSeconds.toFixed(2)} s, hash/read ratio ${(hashSeconds / seconds).toFixed(2)}`,
      );
    };
    await hashTime('SHA-256, @noble/hashes (pure JS, the browser worker before)', () => sha256.create());
    const wasm = await createSHA256();
    await hashTime('SHA-256, hash-wasm (WebAssembly, the browser worker now)', () => wasm);
    await hashTime("SHA-256, node:crypto (Electron host's native hash over IPC)", () => createHash('sha256'));
    // Files up to 256 MiB: the browser worker digests them in one read with WebCrypto (native, not
    // incremental); Node's WebCrypto stands in for Chromium's here.
    const head = new Uint8Array(256 * 1024 * 1024);
    let filled = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, end: head.length - 1 })) {
      head.set(chunk as Buffer, filled);
      filled += (chunk as Buffer).length;
    }
    const digestStart = performance.now();
    await globalThis.crypto.subtle.digest('SHA-256', head.subarray(0, filled));
    const digestSeconds = (performance.now() - digestStart) / 1000;
    const readShare = (seconds * filled) / figures.bytes;
    console.log(
      `SHA-256, WebCrypto one-shot on the first ${(filled / 1048576).toFixed(0)} MiB (browser worker up to 256 MiB): ` +
        `${digestSeconds.toFixed(2)} s, hash/read ratio ${(digestSeconds / readShare).toFixed(2)}`,
    );

    const tshark = runTsharkConversations(path);
    if (tshark === null) console.log('tshark: not installed, no ratio');
    else {
      const ours = new Set(
        summary.flows.map((f) => conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort)),
      );
      const same = ours.size === tshark.pairs.size && [...ours].every((key) => tshark.pairs.has(key));
      console.log(
        `tshark -q -z conv,tcp -z conv,udp: ${tshark.seconds.toFixed(2)} s; ` +
          `time ratio tshark/reader ${(tshark.seconds / seconds).toFixed(1)}; ` +
          `conversations: tshark ${tshark.pairs.size}, reader ${ours.size}, ${same ? 'same pairs' : 'DIFFERENT pairs'}`,
      );
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
