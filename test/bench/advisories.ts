import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  type CompactMatches,
  type MatchableAsset,
} from '../../shared/advisories';
import { median } from './harness';

/**
 * 1. Import of the shipped pack (2,035 CSAF advisories, sha512 sidecars checked) into the index,
 *    against the floor: gunzip, untar and JSON.parse every file, nothing checked or indexed.
 * 2. Matching 100,000 assets in a worker thread (the renderer's worker runs the same
 *    shared/advisories code), against a plain loop over the same assets (each asset's firmware
 *    parsed and its vendor normalised: the floor any matcher pays) and against a matcher without
 *    the token index (every product of the asset's vendor tested), timed on 2,000 assets and scaled.
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
type BenchAsset = MatchableAsset & { id: string };

/** The worst case: the pack's own products, firmware varied so that few assets repeat, a third matching nothing. */
function distinctAssets(): BenchAsset[] {
  const assets: BenchAsset[] = [];
  for (let i = 0; i < 100_000; i++) {
    const p = products[(i * 7919) % products.length]!;
    const name = p.name.split(':')[0]!;
    assets.push(
      i % 3 === 0
        ? { id: `a${i}`, vendor: 'Acme Controls', model: `Widget ${i % 500}`, firmware: `1.${i % 97}` }
        : {
            id: `a${i}`,
            vendor: p.vendor,
            model: name,
            firmware: i % 10 === 0 ? null : `V${i % 5}.${i % 13}.${i % 29}`,
          },
    );
  }
  return assets;
}

/**
 * A plant: 400 models (300 from the pack's products, 100 that no advisory names), each installed at
 * 1 to 4 firmware versions, drawn by a fixed seed with a skew (a few I/O modules make up most assets).
 */
function plantAssets(seed: number): BenchAsset[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const catalogue: Array<Omit<BenchAsset, 'id'>> = [];
  for (let m = 0; m < 400; m++) {
    const p = products[Math.floor(random() * products.length)]!;
    const vendor = m < 300 ? p.vendor : 'Acme Controls';
    const model = m < 300 ? p.name.split(':')[0]! : `Widget ${m}`;
    const firmwares = 1 + Math.floor(random() * 4);
    for (let f = 0; f < firmwares; f++) {
      const firmware =
        random() < 0.1
          ? null
          : `V${Math.floor(random() * 5)}.${Math.floor(random() * 13)}.${Math.floor(random() * 9)}`;
      catalogue.push({ vendor, model, firmware });
    }
  }
  return Array.from({ length: 100_000 }, (_, i) => ({
    id: `p${i}`,
    ...catalogue[Math.floor(random() ** 3 * catalogue.length)]!,
  }));
}

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

/** One run as the app does it: index and assets to the worker, its compact result back, expanded in this thread. */
async function matchInWorker(
  assets: BenchAsset[],
): Promise<{ ms: number; expandMs: number; matched: number }> {
  const worker = new Worker(workerScript);
  await new Promise<void>((resolve) => worker.once('message', () => resolve())); // ready
  const t = performance.now();
  worker.postMessage({ index: indexBytes, assets });
  const compact = await new Promise<CompactMatches>((resolve) => worker.once('message', resolve));
  const e = performance.now();
  const matched = expandMatches(compact, assets).size;
  const end = performance.now();
  await worker.terminate();
  return { ms: end - t, expandMs: end - e, matched };
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

for (const [label, assets] of [
  ["worst case, the pack's products with varied firmware", distinctAssets()],
  ['a plant, 400 models x 1-4 firmware, seed 14', plantAssets(14)],
] as const) {
  const distinct = new Set(assets.map((a) => `${a.vendor}|${a.model}|${a.firmware}`)).size;
  const runs: Array<{ ms: number; expandMs: number; matched: number }> = [];
  for (let run = 0; run < 3; run++) runs.push(await matchInWorker(assets));
  const matchMs = median(runs.map((r) => r.ms));
  const expandMs = median(runs.map((r) => r.expandMs));
  const plain = plainLoop(assets);
  const plainMs = plain.ms;
  const hereCpu = matchHereCpu(assets);
  console.log(
    `matching ${assets.length} assets (${label}: ${distinct} distinct vendor/model/firmware) in a worker: ` +
      `${(matchMs / 1000).toFixed(2)} s including reading the index and expanding the result here (${(expandMs / 1000).toFixed(2)} s) (target < 2 s); ` +
      `${runs[0]!.matched} assets with matches; plain loop over the same assets (vendor normalised, firmware parsed): ` +
      `${(plainMs / 1000).toFixed(2)} s (${(matchMs / plainMs).toFixed(1)}x); ` +
      `CPU time in one thread: matching ${(hereCpu / 1000).toFixed(2)} s, plain loop ${(plain.cpu / 1000).toFixed(2)} s (${(hereCpu / plain.cpu).toFixed(1)}x)`,
  );
}

// The alternative: no token index, every product of the asset's vendor tested (worst-case assets, 2,000 of them, scaled).
const prepared = products.map((p) => ({
  vendors: canonicalVendors(p.vendor),
  tokens: tokenizeProduct(`${p.family} ${p.name}`, new Set(), p.modelNumbers),
}));
const sample = distinctAssets().slice(0, 2000);
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
