import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CaptureAnalyzer } from '../../../../shared/traffic/analyzer';
import { CaptureError } from '../../../../shared/traffic/errors';
import { analyzeBytes, FIXTURES, SAMPLES } from './read-file';
import {
  Bytes,
  concatBytes,
  ethernetFrame,
  ipv4Packet,
  pcapFile,
  pcapngFile,
  tcpSegment,
  TCP,
} from './synthetic';

/** Small deterministic PRNG (mulberry32) so a failing mutation can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const frame = ethernetFrame(
  '000e8c112233',
  '001b21445566',
  0x0800,
  ipv4Packet('10.0.0.5', '10.0.0.20', 6, tcpSegment(50000, 502, TCP.syn)),
);
const goodPcap = pcapFile([
  { time: 1, data: frame },
  { time: 2, data: frame },
]);

/** The longest prefix of a little-endian classic pcap, at most `max` bytes, that ends on a record boundary. */
function wholeRecordsPrefix(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
  let end = 24;
  while (end + 16 <= bytes.length) {
    const next = end + 16 + view.getUint32(end + 8, true);
    if (next > max) break;
    end = next;
  }
  return bytes.subarray(0, end);
}

/** Runs one input; it must either give a result or a CaptureError, never anything else. */
async function outcome(
  bytes: Uint8Array,
  chunkSize?: number,
): Promise<{ error: CaptureError | null; packets: number }> {
  try {
    const summary = await analyzeBytes(bytes, chunkSize);
    return { error: null, packets: summary.packets };
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    return { error, packets: -1 };
  }
}

async function errorOf(bytes: Uint8Array): Promise<string> {
  const { error } = await outcome(bytes);
  expect(error, 'expected a CaptureError').not.toBeNull();
  return error!.message;
}

describe('hostile and broken captures', () => {
  it('names an empty file, a few stray bytes and a wrong magic number', async () => {
    expect(await errorOf(new Uint8Array(0))).toBe('empty file: not a capture (at byte 0)');
    expect(await errorOf(Uint8Array.of(0xd4, 0xc3))).toMatch(/truncated file: only 2 bytes/);
    expect(await errorOf(new TextEncoder().encode('id,name,ip\n1,plc,10.0.0.1\n'))).toBe(
      'not a capture file: unknown magic number 69 64 2c 6e (expected pcap, pcapng, or gzip of either) (at byte 0)',
    );
    const wrong = goodPcap.slice();
    wrong[0] = 0xd5;
    expect(await errorOf(wrong)).toMatch(/unknown magic number d5 c3 b2 a1/);
  });

  it('keeps the packets before a cut mid-record and says where the capture was cut', async () => {
    const at = 24 + 16 + frame.length;
    const cut = await analyzeBytes(goodPcap.subarray(0, goodPcap.length - 5), 7);
    expect(cut.packets).toBe(1);
    expect(cut.flows).toMatchObject([{ aPort: 50000, bPort: 502, packets: 1 }]);
    expect(cut.warnings).toEqual([
      `the capture is cut short at byte ${at}: pcap record 2 at byte ${at} needs ${16 + frame.length} bytes but only ${16 + frame.length - 5} remain; the 1 packet before the cut was read`,
    ]);
    const inHeader = await analyzeBytes(goodPcap.subarray(0, 30));
    expect(inHeader.packets).toBe(0);
    expect(inHeader.warnings).toEqual([
      'the capture is cut short at byte 24: pcap record 1 at byte 24 needs a 16-byte header but only 6 remain; the 0 packets before the cut were read',
    ]);
    expect((await analyzeBytes(goodPcap)).warnings).toEqual([]);
    // A cut inside the file header leaves nothing to read.
    expect(await errorOf(goodPcap.subarray(0, 10))).toMatch(/the pcap file header needs a 24-byte header/);
  });

  it('keeps what a cut pcapng held before its last block', async () => {
    const pcapng = pcapngFile([
      {
        interfaces: [{ linkType: 1 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, units: 1n, data: frame },
          { kind: 'epb', interfaceId: 0, units: 2n, data: frame },
        ],
      },
    ]);
    const summary = await analyzeBytes(pcapng.subarray(0, pcapng.length - 3), 11);
    expect(summary.packets).toBe(1);
    expect(summary.warnings[0]).toMatch(
      /^the capture is cut short at byte \d+: pcapng block at byte \d+ needs \d+ bytes/,
    );
  });

  it('keeps what was read before an error', () => {
    const analyzer = new CaptureAnalyzer();
    const zeroLength = new Bytes().u32(1, true).u32(0, true).u32(0, true).u32(60, true).build();
    expect(() => analyzer.push(concatBytes([goodPcap, zeroLength]))).toThrow(CaptureError);
    expect(analyzer.summarySoFar()).toMatchObject({
      packets: 2,
      flows: [{ aPort: 50000, bPort: 502, packets: 2 }],
    });
  });

  it('rejects a zero-length packet, an oversized packet, and captured lengths past the snap or packet length', async () => {
    const record = (captured: number, original: number, body = new Uint8Array(0)) =>
      new Bytes().u32(1, true).u32(0, true).u32(captured, true).u32(original, true).bytes(body).build();
    const header = pcapFile([], { snapLength: 100 });
    expect(await errorOf(concatBytes([header, record(0, 60)]))).toBe(
      'pcap record has a zero-length packet (at packet 1, byte 24)',
    );
    expect(await errorOf(concatBytes([header, record(0xfffffff0, 60)]))).toMatch(
      /pcap record claims a 4294967280-byte packet, larger than the 262144-byte maximum \(at packet 1, byte 24\)/,
    );
    expect(await errorOf(concatBytes([header, record(200, 200, new Uint8Array(200))]))).toMatch(
      /captured length 200, larger than the file's snap length 100/,
    );
    expect(await errorOf(concatBytes([header, record(60, 50, new Uint8Array(60))]))).toMatch(
      /captured length 60, larger than the packet's length 50/,
    );
  });

  it('rejects a pcapng block length of 4 GB, a bad length and mismatched lengths', async () => {
    const shb = pcapngFile([{ interfaces: [{ linkType: 1 }], blocks: [] }]);
    const huge = new Bytes().u32(6, true).u32(0xffffffff, true).u32(0, true).build();
    expect(await errorOf(concatBytes([shb, huge]))).toBe(
      `pcapng enhanced packet block has length 4294967295 bytes, larger than the 16777216-byte limit (at packet 1, byte ${shb.length + 4})`,
    );
    const odd = new Bytes().u32(6, true).u32(13, true).u32(0, true).build();
    expect(await errorOf(concatBytes([shb, odd]))).toMatch(/invalid length 13/);
    const mismatch = new Bytes().u32(0x99, true).u32(16, true).u32(0, true).u32(20, true).build();
    expect(await errorOf(concatBytes([shb, mismatch]))).toMatch(
      /block of type 0x99 has length 16 at its start but 20 at its end/,
    );
    const noSection = new Bytes().u32(1, true).u32(12, true).u32(12, true).build();
    expect(
      await errorOf(concatBytes([Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a), noSection]).subarray(4)),
    ).toMatch(/unknown magic/);
  });

  it('rejects pcapng packets with zero, oversized or inconsistent lengths', async () => {
    const epb = (data: Uint8Array, originalLength?: number, snapLength = 0) =>
      pcapngFile([
        {
          interfaces: [{ linkType: 1, snapLength }],
          blocks: [{ kind: 'epb', interfaceId: 0, units: 0n, data, originalLength }],
        },
      ]);
    expect(await errorOf(epb(new Uint8Array(0)))).toMatch(/enhanced packet block has a zero-length packet/);
    expect(await errorOf(epb(frame, 10))).toMatch(/captured length 60, larger than the packet's length 10/);
    expect(await errorOf(epb(frame, undefined, 40))).toMatch(
      /captured length 60, larger than its interface's snap length 40/,
    );
    const lying = epb(frame);
    new DataView(lying.buffer).setUint32(28 + 24 + 20, 5000, true); // section header 28, interface 24, then the EPB captured length
    expect(await errorOf(lying)).toMatch(/captured length 5000, larger than the 60 bytes its block holds/);
  });

  it('rejects corrupt and truncated gzip', async () => {
    expect(await errorOf(Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))).toMatch(
      /gzip data is corrupt or truncated/,
    );
    const gz = gzipSync(goodPcap);
    expect(await errorOf(gz.subarray(0, gz.length - 12))).toMatch(
      /gzip data is corrupt or truncated|truncated file/,
    );
  });

  it('cuts every sample at many points: each gives a result or a truncation error', async () => {
    const rand = random(1);
    for (const file of SAMPLES) {
      const bytes = readFileSync(join(FIXTURES, file)).subarray(0, 200_000);
      for (let i = 0; i < 40; i++) {
        const cut = Math.floor(rand() * bytes.length);
        const { error, packets } = await outcome(bytes.subarray(0, cut), 1 + Math.floor(rand() * 5000));
        if (error) expect(error.message).toMatch(/truncated|empty file/);
        else expect(packets).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('survives garbage and thousands of random mutations of the samples', async () => {
    const rand = random(42);
    let errors = 0;
    let results = 0;
    const inputs: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      const garbage = new Uint8Array(16 + Math.floor(rand() * 4000));
      for (let j = 0; j < garbage.length; j++) garbage[j] = Math.floor(rand() * 256);
      // Keep some valid magic numbers so the garbage reaches the record parsers.
      if (i % 3 === 0) garbage.set([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0], 0);
      if (i % 3 === 1) garbage.set([0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0], 0);
      inputs.push(garbage);
    }
    // Plain Uint8Array copies: Buffer.slice would share memory and let mutations pile up.
    const samples = SAMPLES.map(
      (file) => new Uint8Array(wholeRecordsPrefix(readFileSync(join(FIXTURES, file)), 60_000)),
    );
    for (let i = 0; i < 3000; i++) {
      const source = samples[i % samples.length]!;
      const mutated = source.slice();
      const edits = 1 + Math.floor(rand() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * mutated.length);
        const kind = rand();
        if (kind < 0.6) mutated[at] = Math.floor(rand() * 256);
        else if (kind < 0.8) mutated[at] = 0xff;
        else mutated[at] = 0;
      }
      inputs.push(rand() < 0.1 ? gzipSync(mutated) : mutated);
    }
    for (const input of inputs) {
      const { error } = await outcome(input, 1 + Math.floor(rand() * 9000));
      if (error) {
        errors++;
        expect(error.message.length).toBeGreaterThan(10);
      } else results++;
    }
    expect(errors + results).toBe(inputs.length);
    expect(errors).toBeGreaterThan(100);
    expect(results).toBeGreaterThan(100);
  }, 120_000);
});
