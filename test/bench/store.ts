/**
 * What each index and field of the `assets` table costs when storing 100,000 assets, in Chromium's
 * IndexedDB. The assets are the very records the app stores for a 100,000-row Nozomi export
 * (parsed and merged by the shared importers, in Node), written with Dexie bulkPut into a fresh
 * database per variant:
 *   - the released v1 schema, then v1 without each of its indexes in turn;
 *   - the current schema (CURRENT_STORES), also through a native IndexedDB
 *     transaction as the import repository writes it;
 *   - the lean reference: v1's four single-value indexes (no multi-entry index);
 *   - the current schema with each large field left out of the records, to show what a field costs.
 * Run: npm run bench -- store   (or npx tsx test/bench/store.ts [assets])
 */
import { createRequire } from 'node:module';
import { mergeIntoInventory, parseInventory } from '../../shared/importers';
import { CURRENT_STORES, SCHEMA_VERSIONS } from '../../renderer/db/schema';
import { formatMs, launchChromium, median, report } from './harness';
import { generateNozomiCsv } from '../fixtures/inventory/nozomi-csv';

const require = createRequire(import.meta.url);
const COUNT = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORIGIN = 'http://conduit-store-bench.test/';

const V1 = SCHEMA_VERSIONS[0]!.stores.assets!;
const CURRENT = CURRENT_STORES.assets!;
const indexesOf = (schema: string) => schema.split(',').map((s) => s.trim());

interface Variant {
  label: string;
  schema: string;
  /** A field left out of every record. */
  without?: string;
  native?: boolean;
}

const variants: Variant[] = [
  { label: `v1 (${V1})`, schema: V1 },
  ...indexesOf(V1)
    .slice(1)
    .map((index) => ({
      label: `v1 without ${index}`,
      schema: indexesOf(V1)
        .filter((i) => i !== index)
        .join(', '),
    })),
  {
    label: 'lean reference: v1 without its multi-entry indexes (four indexes)',
    schema: indexesOf(V1)
      .filter((i) => !i.startsWith('*'))
      .join(', '),
  },
  { label: `current (${CURRENT})`, schema: CURRENT },
  { label: 'current, native IndexedDB put (the import repository)', schema: CURRENT, native: true },
  ...['sources', 'batchIds'].map((field) => ({
    label: `current, records without ${field}`,
    schema: CURRENT,
    without: field,
  })),
];

console.log(`store: ${COUNT.toLocaleString('en')} assets into IndexedDB (Chromium), ${RUNS} run(s) each`);
const bytes = new TextEncoder().encode(generateNozomiCsv(COUNT, 7));
const parsed = await parseInventory({ name: 'nozomi-assets.csv', bytes });
const assessmentId = crypto.randomUUID();
const { added } = mergeIntoInventory([], parsed, {
  id: crypto.randomUUID(),
  assessmentId,
  format: parsed.format,
  fileName: 'nozomi-assets.csv',
});
const jsonMb = JSON.stringify(added).length / 1024 / 1024;
report('records', `${added.length.toLocaleString('en')} (${jsonMb.toFixed(1)} MB as JSON)`);
/** Records per page.evaluate: one message of all of them is more than the page takes at once. */
const CHUNK = 5_000;

const browser = await launchChromium();
try {
  const context = await browser.newContext();
  // A page of its own origin (IndexedDB needs one); nothing is fetched.
  await context.route(`${ORIGIN}**`, (route) =>
    route.fulfill({
      status: 200,
      body: '<!doctype html><title>store bench</title>',
      contentType: 'text/html',
    }),
  );
  const page = await context.newPage();
  await page.goto(ORIGIN);
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.min.js') });
  for (let i = 0; i < added.length; i += CHUNK) {
    await page.evaluate(
      (rows) => {
        const w = window as unknown as { benchAssets?: unknown[] };
        (w.benchAssets ??= []).push(...rows);
      },
      added.slice(i, i + CHUNK),
    );
  }
  // Round-robin over the variants, run after run, so that the machine's load weighs on all alike.
  const times = variants.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, variant] of variants.entries()) {
      times[index]!.push(
        await page.evaluate(
          async ({ schema, without, native, name }) => {
            type Db = {
              table(name: string): { bulkPut(rows: unknown[]): Promise<unknown> };
              version(n: number): { stores(s: Record<string, string>): void };
              open(): Promise<unknown>;
              delete(): Promise<void>;
              backendDB(): IDBDatabase;
            };
            const w = window as unknown as {
              benchAssets: Record<string, unknown>[];
              Dexie: new (n: string) => Db;
            };
            const rows = without
              ? w.benchAssets.map((a) => {
                  const copy = { ...a };
                  delete copy[without];
                  return copy;
                })
              : w.benchAssets;
            const store = new w.Dexie(name);
            store.version(1).stores({ assets: schema });
            await store.open();
            const started = performance.now();
            if (native) {
              const tx = store.backendDB().transaction(['assets'], 'readwrite');
              const assets = tx.objectStore('assets');
              for (const row of rows) assets.put(row);
              await new Promise((resolve, reject) => {
                tx.oncomplete = resolve;
                tx.onerror = () => reject(tx.error);
              });
            } else {
              await store.table('assets').bulkPut(rows);
            }
            const ms = performance.now() - started;
            await store.delete();
            return ms;
          },
          {
            schema: variant.schema,
            without: variant.without ?? null,
            native: variant.native ?? false,
            name: `store-bench-${index}-${run}`,
          },
        ),
      );
    }
  }
  const figures = variants.map((variant, index) => ({ label: variant.label, ms: median(times[index]!) }));
  for (const f of figures) report(f.label, formatMs(f.ms));
  const v1 = figures[0]!.ms;
  const lean = figures.find((f) => f.label.startsWith('lean reference'))!.ms;
  const current = figures.find((f) => f.label.startsWith('current ('))!.ms;
  report('current / v1', `${(current / v1).toFixed(2)}x`);
  report('current / lean reference', `${(current / lean).toFixed(2)}x (target: close to 1x or below)`);
  for (const f of figures.slice(1, indexesOf(V1).length))
    report(`cost of ${f.label.replace('v1 without ', '')}`, formatMs(v1 - f.ms));
} finally {
  await browser.close();
}
