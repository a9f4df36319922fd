import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  mergeIntoInventory,
  parseInventory,
  type InventoryFormat,
} from '../../../../shared/importers';
import { assetSchema, flowSchema } from '../../../../shared/model';
import { FIXTURES, batchFor, fixtureBytes } from './helpers';

/** Deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;
const at = (bytes: Uint8Array, random: () => number) => Math.floor(random() * (bytes.length + 1));

const CHEAP: [string, Mutation][] = [
  ['truncated', (b, r) => b.slice(0, at(b, r))],
  [
    'bytes flipped',
    (b, r) => {
      const out = b.slice();
      const n = 1 + Math.floor(r() * 8);
      for (let i = 0; i < n && out.length > 0; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
      return out;
    },
  ],
  [
    'range deleted',
    (b, r) => {
      const start = at(b, r);
      return concat(b.slice(0, start), b.slice(Math.min(b.length, start + Math.floor(r() * 200))));
    },
  ],
  [
    'range repeated',
    (b, r) => {
      const start = at(b, r);
      const piece = b.slice(start, start + Math.floor(r() * 300));
      return concat(b.slice(0, start), piece, piece, piece, b.slice(start));
    },
  ],
  [
    'structural characters inserted',
    (b, r) => {
      const chars = [
        '"',
        ',',
        ';',
        '\n',
        '\r\n',
        '{',
        '}',
        '[',
        ']',
        ':',
        '\t',
        '|',
        '\\',
        '<',
        '>',
        '\u0000',
        "'=",
      ];
      const pos = at(b, r);
      return concat(b.slice(0, pos), encoder.encode(chars[Math.floor(r() * chars.length)]!), b.slice(pos));
    },
  ],
  [
    'wrong encoding: UTF-16LE without BOM',
    (b) => {
      const text = new TextDecoder().decode(b);
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        out[2 * i] = text.charCodeAt(i) & 255;
        out[2 * i + 1] = text.charCodeAt(i) >> 8;
      }
      return out;
    },
  ],
  ['wrong encoding: UTF-16 BOM on UTF-8 bytes', (b) => concat(new Uint8Array([0xff, 0xfe]), b)],
  ['wrong encoding: Latin-1 high bytes', (b) => b.map((x, i) => (i % 7 === 3 ? x | 0x80 : x))],
];

const EXPENSIVE: [string, Mutation][] = [
  [
    'huge field',
    (b, r) => {
      const pos = at(b, r);
      return concat(b.slice(0, pos), encoder.encode('A'.repeat(2_000_000)), b.slice(pos));
    },
  ],
  [
    'huge quoted field',
    (b, r) => {
      const pos = at(b, r);
      return concat(b.slice(0, pos), encoder.encode(`"${'x,'.repeat(500_000)}"`), b.slice(pos));
    },
  ],
  [
    'a line of a million columns',
    (b, r) => {
      const text = new TextDecoder().decode(b);
      const breaks = [...text.matchAll(/\n/g)].map((m) => m.index!);
      const pos = breaks.length > 0 ? breaks[Math.floor(r() * breaks.length)]! + 1 : text.length;
      return encoder.encode(`${text.slice(0, pos)}${','.repeat(1_000_000)}\n${text.slice(pos)}`);
    },
  ],
];

function fixturesIn(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => statSync(join(FIXTURES, dir, f)).isFile())
    .map((f) => `${dir}/${f}`);
}

const GROUPS: [InventoryFormat, string[]][] = [
  ['nozomi', fixturesIn('nozomi')],
  ['claroty-ctd', fixturesIn('claroty_ctd')],
  ['claroty-xdome', fixturesIn('claroty_xdome')],
  ['armis', fixturesIn('armis')],
  ['defender-iot', fixturesIn('defender_iot')],
  ['tenable-ot', fixturesIn('tenable_ot')],
  ['forescout', fixturesIn('forescout_eyeinspect')],
  ['dragos', fixturesIn('dragos')],
  ['malcolm', fixturesIn('malcolm')],
  ['grassmarlin', fixturesIn('grassmarlin')],
  ['csv', fixturesIn('generic').filter((f) => !f.endsWith('.json'))],
  ['json', ['generic/objects.json']],
];

const CASES_PER_IMPORTER = 2000;

/** Runs one mutated file; returns a description of any broken promise, or null. */
async function runCase(
  name: string,
  bytes: Uint8Array,
  format: InventoryFormat | undefined,
  check: boolean,
  tally: { refused: number; read: number; records: number },
): Promise<string | null> {
  let parsed;
  try {
    parsed = await parseInventory({ name, bytes }, { format });
  } catch (error) {
    if (!(error instanceof ImportError)) return `threw ${(error as Error).name}: ${(error as Error).message}`;
    if (!error.message.startsWith(`${name}: `) || error.message.length <= name.length + 3)
      return `unclear error: ${error.message}`;
    tally.refused++;
    return null;
  }
  tally.read++;
  tally.records += parsed.records;
  for (const w of parsed.warnings) {
    if (!w.record || !w.message) return `warning without record or message: ${JSON.stringify(w)}`;
  }
  const merged = mergeIntoInventory([], parsed, batchFor(parsed.format, name));
  if (check) {
    for (const a of merged.added) {
      const result = assetSchema.safeParse(a);
      if (!result.success)
        return `invalid asset: ${result.error.issues[0]?.message} ${JSON.stringify(a).slice(0, 300)}`;
    }
    for (const f of merged.flows) {
      const result = flowSchema.safeParse(f);
      if (!result.success) return `invalid flow: ${result.error.issues[0]?.message}`;
    }
  }
  return null;
}

describe('fuzz: mutated fixtures', () => {
  it.each(GROUPS)(
    '%s: no uncaught exception, every failure with a message',
    async (format, files) => {
      const random = prng(0xc0ffee ^ (format.length * 7919));
      const failures: string[] = [];
      const tally = { refused: 0, read: 0, records: 0 };
      for (let i = 0; i < CASES_PER_IMPORTER; i++) {
        const file = files[i % files.length]!;
        const original = fixtureBytes(file);
        const expensive = i % 250 === 0;
        const pool = expensive ? EXPENSIVE : CHEAP;
        const [label, mutate] = pool[Math.floor(random() * pool.length)]!;
        const bytes = mutate(original, random);
        const name = `${file.split('/').pop()}#${i}`;
        // Half the time the importer is forced, half the time detection picks one.
        const problem = await runCase(name, bytes, i % 2 === 0 ? format : undefined, i % 10 === 0, tally);
        if (problem) failures.push(`${name} (${label}): ${problem}`);
      }
      expect(failures.slice(0, 5)).toEqual([]);
      // The mutations reach the importers: most files still read, some are refused.
      console.log(`fuzz ${format}: ${tally.read} read (${tally.records} records), ${tally.refused} refused`);
      expect(tally.read).toBeGreaterThan(CASES_PER_IMPORTER / 5);
      expect(tally.records).toBeGreaterThan(CASES_PER_IMPORTER / 5);
    },
    300_000,
  );
});
