import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { BundleSigner } from '../../../../shared/bundle';
import { parseZip, storedPart, text, unicodePathField, writeZip } from './zip-surgery';

/** A signer with a fixed key, so that the bundle, and so every mutant, is the same on every run. */
export function fixedSigner(
  identity: { name: string; organization: string; email: string },
  seedByte = 7,
): BundleSigner {
  const seed = Buffer.alloc(32, seedByte);
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = new Uint8Array(
    createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32),
  );
  return { ...identity, publicKey, sign: async (data) => new Uint8Array(sign(null, data, privateKey)) };
}

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FUZZ_SEED = 0x62443;
export const FUZZ_CASES = 2400;

type Mutation = (zip: Uint8Array, random: () => number, folder: string) => Uint8Array;
const pick = (random: () => number, n: number): number => Math.floor(random() * n);

/** Where the zip's headers are, to aim mutations at their fields rather than at compressed data. */
function headerOffsets(zip: Uint8Array): number[] {
  const out: number[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const s = view.getUint32(i, true);
    if (s === 0x04034b50 || s === 0x02014b50 || s === 0x06054b50) out.push(i);
  }
  return out;
}

export const MUTATIONS: Record<string, Mutation> = {
  'flip a byte': (zip, random) => {
    const out = zip.slice();
    const at = pick(random, out.length);
    out[at] = out[at]! ^ (1 << pick(random, 8));
    return out;
  },
  'change a header field': (zip, random) => {
    const out = zip.slice();
    const headers = headerOffsets(out);
    const at = headers[pick(random, headers.length)]! + 4 + pick(random, 42);
    if (at < out.length) out[at] = pick(random, 256);
    return out;
  },
  'insert bytes': (zip, random) => {
    const at = pick(random, zip.length);
    const extra = Uint8Array.from({ length: 1 + pick(random, 64) }, () => pick(random, 256));
    return new Uint8Array([...zip.subarray(0, at), ...extra, ...zip.subarray(at)]);
  },
  'delete bytes': (zip, random) => {
    const at = pick(random, zip.length);
    return new Uint8Array([...zip.subarray(0, at), ...zip.subarray(at + 1 + pick(random, 64))]);
  },
  truncate: (zip, random) => zip.slice(0, pick(random, zip.length)),
  'copy a local header before the directory': (zip, random) => {
    const layout = parseZip(zip);
    const part = layout.parts[pick(random, layout.parts.length)]!;
    layout.parts.push({ ...part, unlisted: true });
    return writeZip(layout);
  },
  'Unicode path field': (zip, random, folder) => {
    const layout = parseZip(zip);
    const part = layout.parts[pick(random, layout.parts.length)]!;
    const other = layout.parts[pick(random, layout.parts.length)]!;
    const field = unicodePathField(
      part.name,
      random() < 0.5 ? new TextDecoder().decode(other.name) : `${folder}/../x`,
    );
    if (random() < 0.5) part.localExtra = field;
    else part.centralExtra = field;
    return writeZip(layout);
  },
  'added entry': (zip, random, folder) => {
    const layout = parseZip(zip);
    const part = storedPart(
      layout.parts[0]!,
      `${folder}/evidence/added-${pick(random, 1000)}.txt`,
      text('x'),
    );
    layout.parts.splice(pick(random, layout.parts.length + 1), 0, part);
    return writeZip(layout);
  },
  'gap or prefix': (zip, random) => {
    const layout = parseZip(zip);
    layout.parts[pick(random, layout.parts.length)]!.before = Uint8Array.from(
      { length: 1 + pick(random, 16) },
      () => 0,
    );
    return writeZip(layout);
  },
};
