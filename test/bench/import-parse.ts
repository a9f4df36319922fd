/**
 * Groundwork for the import benchmark (run: npx tsx test/bench/import-parse.ts [assets]).
 * Times, in Node, on a generated Nozomi-style CSV: papaparse alone, then the importer's full
 * decode + parse + normalize, then the merge into an empty inventory and a re-import merge.
 * The Chromium run with Dexie storage is wired separately; it reuses generateNozomiCsv.
 */
import Papa from 'papaparse';
import { mergeIntoInventory, parseInventory } from '../../shared/importers';
import { generateNozomiCsv } from '../fixtures/inventory/nozomi-csv';

const count = Number(process.argv[2] ?? 100_000);
const runs = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(label: string, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await fn();
    samples.push(performance.now() - started);
  }
  const ms = median(samples);
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  (runs: ${samples.map((s) => s.toFixed(0)).join(', ')})`,
  );
  return { ms, result };
}

const text = generateNozomiCsv(count, 7);
const bytes = new TextEncoder().encode(text);
const mb = bytes.length / 1024 / 1024;
console.log(
  `Nozomi-style CSV: ${count.toLocaleString('en')} assets, ${mb.toFixed(1)} MB (Node ${process.version})`,
);

const papa = await time('papaparse alone (string, header rows)', () => {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' });
  return parsed.data.length;
});
const full = await time('parseInventory (decode+detect+parse+normalize)', () =>
  parseInventory({ name: 'nozomi-assets.csv', bytes }),
);
const batch = { id: 'bench-batch-1', assessmentId: 'bench', format: 'nozomi', fileName: 'nozomi-assets.csv' };
const merge = await time('mergeIntoInventory (into empty)', () => mergeIntoInventory([], full.result, batch));
const again = await time('mergeIntoInventory (re-import, all matched)', () =>
  mergeIntoInventory(merge.result.added, full.result, { ...batch, id: 'bench-batch-2' }),
);

const total = full.ms + merge.ms;
console.log('');
console.log(
  `records ${full.result.records}, assets ${merge.result.counts.assets}, merged ${merge.result.counts.merged}, warnings ${full.result.warnings.length}`,
);
console.log(
  `re-import: added ${again.result.added.length}, updated ${again.result.updated.length}, unchanged ${again.result.counts.unchanged}`,
);
console.log(`papaparse alone:          ${(mb / (papa.ms / 1000)).toFixed(1)} MB/s`);
console.log(
  `parse+normalize+merge:    ${total.toFixed(0)} ms, ${(mb / (total / 1000)).toFixed(1)} MB/s, ${(count / (total / 1000)).toFixed(0)} assets/s`,
);
console.log(`ratio to papaparse alone: ${(total / papa.ms).toFixed(2)}x`);
