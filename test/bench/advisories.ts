import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import {
  buildIndexFromArchive,
  decodeIndex,
  encodeIndex,
  matchProduct,
  tokenizeProduct,
  canonicalVendors,
  parseVersion,
  expandMatches,
  matchAssetsCompact,
  distinctAssets,
  sliceKeys,
  assembleMatches,
  type KeyMatches,
} from '../../shared/advisories';
import { distinctBenchAssets, plantBenchAssets, type BenchAsset } from './advisory-assets';
import { median } from './harness';

/**
 * 1. Import of the shipped pack (2,035 CSAF advisories, sha512 sidecars checked) into the index,
 *    against the floor: gunzip, untar and JSON.parse every file, nothing checked or indexed.
 * 2. Matching 100,000 assets in 1 and in 2 worker threads (the renderer's worker runs the same
 *    shared/advisories code), a first run in fresh workers and the next in the same ones, against
 *    a plain loop over the same assets (each asset's firmware parsed and its vendor normalised:
 *    the floor any matcher pays), and CPU time in one thread; and a matcher without the token
 *    index (every product of the asset's vendor tested), timed on 2,000 assets and scaled.
 *    The load average is printed beside each figure: the machine may be shared.
 */
const PACK = 'assets/advisories/cisa-csaf-ot-2017-2023.tar.gz';
const bytes = new Uint8Array(readFileSync(PACK));

const importTimes: number[] = [];
const floorTimes: number[] = [];
let indexBytes: Uint8Array = new Uint8Array();
for (let run = 0; run < 3; run++) {
  let t = performance.now();
  const { index } = buildIndexFromArchive('pack.tar.gz', bytes);
  indexBytes = encodeIndex(index);
  importTimes.push(performance.now() - t);
  t = performance.now();
  const decoder = new TextDecoder();
  for (const entry of parseTar(gunzipSync(bytes))) {
    if (entry.type === 'file' && entry.name.endsWith('.json')) JSON.parse(decoder.decode(entry.data));
  }
  floorTimes.push(performance.now() - t);
}
const importMs = median(importTimes);
const floorMs = median(floorTimes);
console.log(
  `import of the full pack into the index: ${(importMs / 1000).toFixed(2)} s (target < 10 s); ` +
    `gunzip + untar + JSON.parse alone: ${(floorMs / 1000).toFixed(2)} s (${(importMs / floorMs).toFixed(1)}x); index ${(indexBytes.length / 1024).toFixed(0)} KiB`,
);

const index = decodeIndex(indexBytes);
const products = index.advisories.flatMap((a) => a.products).filter((p) => p.vendor);

// The worker thread runs plain JavaScript: bundle its TypeScript once, as Vite does for the app's worker.
const workerScript = join(mkdtempSync(join(tmpdir(), 'conduit-bench-')), 'advisories-worker.mjs');
buildSync({
  entryPoints: [fileURLToPath(new URL('./advisories-worker.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: workerScript,
  logLevel: 'error',
});

/** Workers that stay between runs, as the app keeps them. */
async function startWorkers(count: number): Promise<Worker[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const worker = new Worker(workerScript);
      await new Promise<void>((resolve) => worker.once('message', () => resolve())); // ready
      return worker;
    }),
  );
}

/**
 * One run as the app does it: the assets reduced to distinct keys here, each worker sent its share
 * as columns with the index, their answers put together and expanded here.
 */
async function matchInWorkers(
  workers: Worker[],
  assets: BenchAsset[],
): Promise<{ ms: number; matched: number }> {
  const t = performance.now();
  const distinct = distinctAssets(assets);
  const count = distinct.firstAsset.length;
  const share = Math.ceil(count / workers.length);
  const sources = { indexes: [indexBytes], kev: [], aliases: [] };
  const parts = await Promise.all(
    workers.map((worker, at) => {
      const keys = sliceKeys(distinct.keys, at * share, Math.min(count, (at + 1) * share));
      worker.postMessage({ sources, keys });
      return new Promise<KeyMatches>((resolve) => worker.once('message', resolve));
    }),
  );
  const matched = expandMatches(assembleMatches(distinct, parts), assets).size;
  return { ms: performance.now() - t, matched };
}

/** Median wall time of three runs in fresh workers (the index read and the matcher prepared), and of three again in the same ones. */
async function workerTimes(count: number, assets: BenchAsset[]) {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldCpu: number[] = [];
  const warmCpu: number[] = [];
  let matched = 0;
  for (let run = 0; run < 3; run++) {
    const workers = await startWorkers(count);
    let before = process.cpuUsage();
    const first = await matchInWorkers(workers, assets);
    coldCpu.push(cpuSince(before));
    cold.push(first.ms);
    matched = first.matched;
    before = process.cpuUsage();
    warm.push((await matchInWorkers(workers, assets)).ms);
    warmCpu.push(cpuSince(before));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return {
    cold: median(cold),
    warm: median(warm),
    coldCpu: median(coldCpu),
    warmCpu: median(warmCpu),
    matched,
  };
}

/** CPU time of this process, all threads (the workers' too), since `before`. */
function cpuSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** CPU time of this process (all threads) spent in `run`: on a shared, loaded machine wall time says little. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The floor any matcher pays: each asset's vendor normalised and its firmware parsed. */
function plainLoop(assets: BenchAsset[]): { ms: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let parsed = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    cpu.push(
      cpuMs(() => {
        for (const asset of assets) {
          if (
            canonicalVendors(asset.vendor ?? '').length > 0 &&
            asset.firmware &&
            parseVersion(asset.firmware)
          )
            parsed++;
        }
      }),
    );
    times.push(performance.now() - start);
  }
  if (parsed === 0) throw new Error('the plain loop parsed no firmware');
  return { ms: median(times), cpu: median(cpu) };
}

/** The worker's work in this thread, by CPU time: reading the index, matching, expanding the result. */
function matchHereCpu(assets: BenchAsset[]): number {
  const cpu: number[] = [];
  for (let run = 0; run < 3; run++)
    cpu.push(
      cpuMs(() => expandMatches(matchAssetsCompact(decodeIndex(indexBytes), new Set(), assets)!, assets)),
    );
  return median(cpu);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => `load ${loadavg()[0]!.toFixed(2)}`;
for (const [label, assets] of [
  ["worst case, the pack's products with varied firmware", distinctBenchAssets(index)],
  ['a plant, 400 models x 1-4 firmware, seed 14', plantBenchAssets(index, 14)],
] as const) {
  const distinct = distinctAssets(assets).firstAsset.length;
  const plain = plainLoop(assets);
  const hereCpu = matchHereCpu(assets);
  console.log(
    `matching ${assets.length} assets (${label}: ${distinct} distinct vendor/model/firmware): ` +
      `CPU time in one thread ${seconds(hereCpu)} (index read, matcher prepared, result expanded), ` +
      `plain loop ${seconds(plain.cpu)} (${(hereCpu / plain.cpu).toFixed(1)}x) [${load()}]`,
  );
  for (const count of [1, 2]) {
    const times = await workerTimes(count, assets);
    console.log(
      `  in ${count} worker${count > 1 ? 's' : ''}: first run ${seconds(times.cold)} (index read and matcher prepared in each worker), ` +
        `next run ${seconds(times.warm)} (target < 2 s); CPU time of all threads: first ${seconds(times.coldCpu)}, next ${seconds(times.warmCpu)}; ` +
        `${times.matched} assets with matches; ` +
        `plain loop ${seconds(plain.ms)} wall (first ${(times.cold / plain.ms).toFixed(1)}x, next ${(times.warm / plain.ms).toFixed(1)}x) [${load()}]`,
    );
  }
}

// The alternative: no token index, every product of the asset's vendor tested (worst-case assets, 2,000 of them, scaled).
const prepared = products.map((p) => ({
  vendors: canonicalVendors(p.vendor),
  tokens: tokenizeProduct(`${p.family} ${p.name}`, new Set(), p.modelNumbers),
}));
const sample = distinctBenchAssets(index, 2000);
const t = performance.now();
for (const asset of sample) {
  const vendors = canonicalVendors(asset.vendor ?? '');
  const tokens = tokenizeProduct(asset.model ?? '');
  for (const p of prepared) if (p.vendors.some((v) => vendors.includes(v))) matchProduct(tokens, p.tokens);
}
const naiveMs = ((performance.now() - t) / sample.length) * 100_000;
console.log(
  `matching without the token index: ~${(naiveMs / 1000).toFixed(1)} s for 100000 worst-case assets`,
);
