/**
 * Writes test/fixtures/traffic/expected/<capture>.json from tshark (packet count and the TCP/UDP
 * conversation tables), so the traffic tests can check the reader on machines without tshark.
 * Run: npx tsx scripts/traffic-expected.ts
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTshark, tsharkVersion, type TsharkExpectation } from '../test/unit/shared/traffic/tshark';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/traffic/', import.meta.url));
const EXPECTED = join(FIXTURES, 'expected');

mkdirSync(EXPECTED, { recursive: true });
const version = tsharkVersion();
for (const file of readdirSync(FIXTURES).filter((name) => /\.pcap(ng)?$/.test(name))) {
  const { packets, conversations } = runTshark(join(FIXTURES, file));
  const expectation: TsharkExpectation = { file, tshark: version, packets, conversations };
  writeFileSync(join(EXPECTED, `${file}.json`), JSON.stringify(expectation, null, 1) + '\n');
  console.log(`${file}: ${packets} packets, ${conversations.length} conversations`);
}
