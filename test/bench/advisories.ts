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

// 100,000 assets from the pack's own products, firmware varied so few repeat, a third that match nothing.
const index = decodeIndex(indexBytes);
const products = index.advisories.flatMap((a) => a.products).filter((p) => p.vendor);
const assets: Array<MatchableAsset & { id: string }> = [];
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
const distinct = new Set(assets.map((a) => `${a.vendor}|${a.model}|${a.firmware}`)).size;

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
const workerTimes: number[] = [];
let matched = 0;
for (let run = 0; run < 3; run++) {
  const worker = new Worker(workerScript);
  await new Promise<void>((resolve) => worker.once('message', () => resolve())); // ready
  const t = performance.now();
  worker.postMessage({ index: indexBytes, assets });
  const result = await new Promise<{ matched: number }>((resolve) => worker.once('message', resolve));
  workerTimes.push(performance.now() - t);
  matched = result.matched;
  await worker.terminate();
}
const matchMs = median(workerTimes);

// The alternative: no token index, every product of the asset's vendor tested.
const prepared = products.map((p) => ({
  vendors: canonicalVendors(p.vendor),
  tokens: tokenizeProduct(`${p.family} ${p.name}`, new Set(), p.modelNumbers),
}));
const sample = assets.slice(0, 2000);
const t = performance.now();
for (const asset of sample) {
  const vendors = canonicalVendors(asset.vendor ?? '');
  const tokens = tokenizeProduct(asset.model ?? '');
  for (const p of prepared) if (p.vendors.some((v) => vendors.includes(v))) matchProduct(tokens, p.tokens);
}
const naiveMs = ((performance.now() - t) / sample.length) * assets.length;
const plainTimes: number[] = [];
let parsed = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  for (const asset of assets) {
    if (canonicalVendors(asset.vendor ?? '').length > 0 && asset.firmware && parseVersion(asset.firmware))
      parsed++;
  }
  plainTimes.push(performance.now() - start);
}
const plainMs = median(plainTimes);
console.log(
  `matching ${assets.length} assets (${distinct} distinct vendor/model/firmware) in a worker: ${(matchMs / 1000).toFixed(2)} s including reading the index (target < 2 s); ` +
    `${matched} assets with matches; plain loop over the same assets (vendor normalised, firmware parsed): ${(plainMs / 1000).toFixed(2)} s (${(matchMs / plainMs).toFixed(1)}x); ` +
    `without the token index: ~${(naiveMs / 1000).toFixed(1)} s (${(naiveMs / matchMs).toFixed(1)}x slower)`,
);
if (parsed === 0) throw new Error('the plain loop parsed no firmware');
