import type { AdvisoryIndex, MatchableAsset } from '../../shared/advisories';

/** The advisory benchmark's inventories, also matched by the unit test that checks a split run. */
export type BenchAsset = MatchableAsset & { id: string };

function packProducts(index: AdvisoryIndex) {
  return index.advisories.flatMap((a) => a.products).filter((p) => p.vendor);
}

/** The worst case: the pack's own products, firmware varied so that few assets repeat, a third matching nothing. */
export function distinctBenchAssets(index: AdvisoryIndex, count = 100_000): BenchAsset[] {
  const products = packProducts(index);
  const assets: BenchAsset[] = [];
  for (let i = 0; i < count; i++) {
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
export function plantBenchAssets(index: AdvisoryIndex, seed: number, count = 100_000): BenchAsset[] {
  const products = packProducts(index);
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
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    ...catalogue[Math.floor(random() ** 3 * catalogue.length)]!,
  }));
}
