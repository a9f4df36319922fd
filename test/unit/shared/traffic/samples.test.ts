import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../../shared/traffic/analyzer';
import { analyzeFile, FIXTURES, SAMPLES } from './read-file';
import { conversationKey, mergeByPair, runTshark, tsharkAvailable, type TsharkExpectation } from './tshark';

const hasTshark = tsharkAvailable();

function expected(file: string): TsharkExpectation {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${file}.json`), 'utf8')) as TsharkExpectation;
}

function compare(summary: CaptureSummary, packets: number, rows: TsharkExpectation['conversations']): void {
  expect(summary.packets).toBe(packets);
  const theirs = mergeByPair(rows);
  const ours = new Map(
    summary.flows.map((f) => [conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort), f]),
  );
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [key, conversation] of theirs) {
    const flow = ours.get(key)!;
    expect(flow.packets, key).toBe(conversation.packets);
    expect(flow.bytes, key).toBeGreaterThanOrEqual(conversation.bytesMin);
    expect(flow.bytes, key).toBeLessThanOrEqual(conversation.bytesMax);
  }
}

describe('real captures against tshark', () => {
  for (const file of SAMPLES) {
    describe(file, () => {
      // Odd chunk sizes make records straddle chunk boundaries.
      for (const chunkSize of [1 << 20, 4093, 97]) {
        it(`matches the checked-in tshark figures (chunks of ${chunkSize} bytes)`, async () => {
          const want = expected(file);
          compare(await analyzeFile(join(FIXTURES, file), chunkSize), want.packets, want.conversations);
        });
      }

      it.runIf(hasTshark)('matches tshark run now', async () => {
        const live = runTshark(join(FIXTURES, file));
        const want = expected(file);
        expect(live.packets).toBe(want.packets);
        expect(mergeByPair(live.conversations)).toEqual(mergeByPair(want.conversations));
        compare(await analyzeFile(join(FIXTURES, file)), live.packets, live.conversations);
      });
    });
  }
});
