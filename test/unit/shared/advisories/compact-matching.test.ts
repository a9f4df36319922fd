import { describe, expect, it } from 'vitest';
import {
  AdvisoryMatcher,
  assembleMatches,
  compactBuffers,
  distinctAssets,
  encodeIndex,
  expandMatches,
  keyMatchBuffers,
  matchAssets,
  matchAssetsCompact,
  MatcherCache,
  matchKeys,
  sliceKeys,
  type AdvisoryMatch,
  type MatchableAsset,
} from '../../../../shared/advisories';
import { distinctBenchAssets, plantBenchAssets } from '../../../bench/advisory-assets';
import { shippedIndex } from './helpers';

type Asset = MatchableAsset & { id: string };

/** Assets named after the shipped pack's products, at firmware in, out of and beside their ranges. */
function sampleAssets(): Asset[] {
  const products = shippedIndex()
    .advisories.flatMap((a) => a.products)
    .filter((p) => p.vendor);
  const firmwares = (versions: string | null, i: number): string | null =>
    [
      null,
      '',
      `V${i % 5}.${i % 13}.${i % 29}`,
      versions,
      `${i % 4}.${i % 10}`,
      'unknown',
      ` v0${i % 3}.0${i % 9}.04 `,
    ][i % 7] ?? null;
  const assets: Asset[] = [];
  for (let i = 0; i < 2500; i++) {
    const p = products[(i * 7919) % products.length]!;
    assets.push({
      id: `a${i}`,
      vendor: p.vendor,
      model: p.name.split(':')[0]!,
      firmware: firmwares(p.versions, i),
    });
  }
  // A plant repeats its models: the same vendor, model and firmware again, under other ids.
  for (let i = 0; i < 500; i++) assets.push({ ...assets[i * 3]!, id: `copy${i}` });
  assets.push({ id: 'none', vendor: 'Acme Controls', model: 'Widget 7', firmware: '1.0' });
  assets.push({ id: 'blank', vendor: null, model: null, firmware: null });
  return assets;
}

describe('matching many assets through the compact result', () => {
  const index = shippedIndex();
  const kev = new Set(index.advisories.flatMap((a) => a.cves.map((c) => c.id)).filter((_, i) => i % 5 === 0));
  const assets = sampleAssets();

  it('gives exactly what the one-asset matcher gives, whatever order its caches filled in', () => {
    const reference = new AdvisoryMatcher(index.advisories, kev);
    const expected = new Map<string, AdvisoryMatch[]>();
    for (const asset of [...assets].reverse()) {
      const matches = reference.match(asset);
      if (matches.length > 0) expected.set(asset.id, matches);
    }
    const actual = matchAssets(index, kev, assets)!;
    expect(expected.size).toBeGreaterThan(1000);
    expect(new Set(actual.keys())).toEqual(new Set(expected.keys()));
    for (const [id, matches] of expected) expect(actual.get(id), id).toEqual(matches);
    const whys = [...actual.values()].flat().map((m) => m.why);
    for (const tail of [
      'has no firmware version',
      'cannot be compared',
      'is in range',
      'cannot be compared with firmware',
    ])
      expect(
        whys.some((why) => why.includes(tail)),
        tail,
      ).toBe(true);
  });

  it('survives the trip from the worker (structured clone, buffers moved) unchanged', () => {
    const compact = matchAssetsCompact(index, kev, assets)!;
    const direct = expandMatches(compact, assets);
    const sent = structuredClone(compact, { transfer: compactBuffers(compact) });
    expect(compact.entries.byteLength).toBe(0); // moved, not copied
    expect(expandMatches(sent, assets)).toEqual(direct);
    // Each distinct match travels once, and assets alike share one list.
    expect(sent.table.length).toBeLessThan(sent.entries.length);
    expect(direct.get('copy0')).toBe(direct.get('a0'));
    expect(direct.has('none')).toBe(false);
    expect(direct.has('blank')).toBe(false);
  });

  it('stops when cancelled', () => {
    let checks = 0;
    expect(matchAssetsCompact(index, kev, assets, { chunk: 100, cancelled: () => ++checks > 2 })).toBeNull();
    expect(checks).toBe(3);
  });

  it('puts the shares of two workers together as one run over the bench inventories gives them', () => {
    // A sample of both benchmark inventories, each share matched on its own, as in two workers.
    const bench = [
      ...distinctBenchAssets(index, 3000),
      ...plantBenchAssets(index, 14, 3000).map((a) => ({ ...a, id: `plant-${a.id}` })),
    ];
    const reference = new AdvisoryMatcher(index.advisories, kev);
    const expected = new Map<string, AdvisoryMatch[]>();
    for (const asset of bench) {
      const matches = reference.match(asset);
      if (matches.length > 0) expected.set(asset.id, matches);
    }
    const distinct = distinctAssets(bench);
    const count = distinct.firstAsset.length;
    const half = Math.ceil(count / 2);
    const worker = new AdvisoryMatcher(index.advisories, kev);
    const parts = [sliceKeys(distinct.keys, 0, half), sliceKeys(distinct.keys, half, count)].map((keys) => {
      const answer = matchKeys(worker, keys)!;
      return structuredClone(answer, { transfer: keyMatchBuffers(answer) });
    });
    const actual = expandMatches(assembleMatches(distinct, parts), bench);
    expect(expected.size).toBeGreaterThan(2500);
    expect(count).toBeLessThan(bench.length); // the plant repeats its models
    expect(JSON.stringify([...actual].sort())).toBe(JSON.stringify([...expected].sort()));
  });
});

describe("a worker's matcher kept between runs", () => {
  // The S7-1500 advisories only: preparing a matcher on them is quick.
  const s7 = shippedIndex().advisories.filter((a) => a.products.some((p) => /S7-1500/.test(p.name)));
  const older = s7.filter((a) => a.id < 'ICSA-21');
  const indexOf = (advisories: typeof s7) => encodeIndex({ source: null, from: null, to: null, advisories });
  const sources = () => ({ indexes: [indexOf(s7)], kev: ['CVE-2019-10943'], aliases: [] });
  const s7_1516 = { vendor: 'Siemens', model: 'S7-1516', firmware: 'V2.9.4' };

  it('is prepared once while the same index, KEV catalog and aliases come back', async () => {
    const cache = new MatcherCache();
    const first = await cache.matcherFor(sources());
    expect(await cache.matcherFor(sources())).toBe(first);
    expect(first.match(s7_1516).length).toBeGreaterThan(5);
  });

  it('is prepared again when any of them changes', async () => {
    const cache = new MatcherCache();
    const first = await cache.matcherFor(sources());
    const otherKev = await cache.matcherFor({ ...sources(), kev: [] });
    expect(otherKev).not.toBe(first);
    const acme = [{ kind: 'vendor' as const, spelling: 'Acme', canonical: 'Siemens' }];
    const aliased = await cache.matcherFor({ ...sources(), kev: [], aliases: acme });
    expect(aliased).not.toBe(otherKev);
    expect(aliased.match({ ...s7_1516, vendor: 'Acme' }).length).toBeGreaterThan(5);
    const fewer = await cache.matcherFor({ indexes: [indexOf(older)], kev: [], aliases: acme });
    expect(fewer).not.toBe(aliased);
    expect(fewer.advisories.length).toBeLessThan(aliased.advisories.length);
  });
});
