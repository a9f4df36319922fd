import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../../shared/traffic/analyzer';
import { CaptureReader } from '../../../../shared/traffic/reader';
import { analyzeBytes } from './read-file';
import {
  arpFrame,
  Bytes,
  concatBytes,
  ethernetFrame,
  hex,
  ipv4Packet,
  ipv6Packet,
  pcapFile,
  pcapngFile,
  TCP,
  tcpSegment,
  udpDatagram,
  type SyntheticPacket,
} from './synthetic';
import { conversationKey, mergeByPair, runTshark, tsharkAvailable } from './tshark';

const hasTshark = tsharkAvailable();
const workDir = mkdtempSync(join(tmpdir(), 'conduit-traffic-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const PLC = '00:0e:8c:11:22:33'.replace(/:/g, '');
const HMI = '00:1b:21:44:55:66'.replace(/:/g, '');
const MODBUS_REQUEST = hex('0001 0000 0006 01 03 0000 000a');
const MODBUS_RESPONSE_FULL = concatBytes([hex('0001 0000 0017 01 03 14'), new Uint8Array(20)]);
const BACNET_WHO_IS = hex('81 0b 000c 0120 ffff 00ff 1008');

/** IP packets of a small plant conversation: a Modbus/TCP exchange and a BACnet broadcast. */
function ipPackets(): { packet: Uint8Array; time: number }[] {
  const t0 = 1_700_000_000.25;
  const tcp = (
    src: string,
    dst: string,
    sp: number,
    dp: number,
    flags: number,
    payload: Uint8Array = new Uint8Array(0),
  ) => ipv4Packet(src, dst, 6, tcpSegment(sp, dp, flags, payload));
  return [
    { time: t0, packet: tcp('10.0.0.5', '10.0.0.20', 50000, 502, TCP.syn) },
    { time: t0 + 0.001, packet: tcp('10.0.0.20', '10.0.0.5', 502, 50000, TCP.syn | TCP.ack) },
    { time: t0 + 0.002, packet: tcp('10.0.0.5', '10.0.0.20', 50000, 502, TCP.ack | TCP.psh, MODBUS_REQUEST) },
    {
      time: t0 + 0.003,
      packet: tcp('10.0.0.20', '10.0.0.5', 502, 50000, TCP.ack | TCP.psh, MODBUS_RESPONSE_FULL),
    },
    {
      time: t0 + 1.5,
      packet: ipv4Packet('10.0.0.5', '10.0.0.255', 17, udpDatagram(47808, 47808, BACNET_WHO_IS)),
    },
  ];
}

function ethernetPackets(vlanTags: { tpid: number; id: number }[] = []): SyntheticPacket[] {
  const frames: SyntheticPacket[] = ipPackets().map(({ packet, time }) => {
    const fromPlc = packet[12] === 10 && packet[15] === 20;
    const [dst, src] = fromPlc ? [HMI, PLC] : [packet[19] === 255 ? 'ffffffffffff' : PLC, HMI];
    return { time, data: ethernetFrame(dst, src, 0x0800, packet, vlanTags) };
  });
  frames.push({ time: 1_700_000_002, data: arpFrame(PLC, '10.0.0.20', '10.0.0.5', 2) });
  return frames;
}

function expectPlantFlows(summary: CaptureSummary, packets = 6): void {
  expect(summary.packets).toBe(packets);
  const modbus = summary.flows.find((f) => f.transport === 'tcp');
  expect(modbus).toMatchObject({
    a: '10.0.0.5',
    aPort: 50000,
    b: '10.0.0.20',
    bPort: 502,
    server: 'b',
    protocol: 'Modbus/TCP',
    recognizedBy: 'payload',
    packets: 4,
    firstSeen: '2023-11-14T22:13:20.250Z',
    lastSeen: '2023-11-14T22:13:20.253Z',
  });
  const bacnet = summary.flows.find((f) => f.transport === 'udp');
  // The broadcast is padded to 60 bytes on Ethernet: the check must use the IP/UDP length.
  expect(bacnet).toMatchObject({ protocol: 'BACnet/IP', recognizedBy: 'payload', packets: 1, server: null });
  expect(summary.flows).toHaveLength(2);
}

async function expectTsharkAgrees(name: string, bytes: Uint8Array, summary: CaptureSummary): Promise<void> {
  if (!hasTshark) return;
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  const tshark = runTshark(path);
  expect(summary.packets).toBe(tshark.packets);
  const theirs = mergeByPair(tshark.conversations);
  const ours = summary.flows.map((f) => conversationKey(f.transport, f.a, f.aPort, f.b, f.bPort)).sort();
  expect(ours).toEqual([...theirs.keys()].sort());
  for (const flow of summary.flows) {
    expect(flow.packets).toBe(
      theirs.get(conversationKey(flow.transport, flow.a, flow.aPort, flow.b, flow.bPort))?.packets,
    );
  }
}

describe('classic pcap', () => {
  for (const nanos of [false, true]) {
    for (const bigEndian of [false, true]) {
      it(`reads ${nanos ? 'nanosecond' : 'microsecond'} ${bigEndian ? 'big' : 'little'}-endian files`, async () => {
        const bytes = pcapFile(ethernetPackets(), { nanos, bigEndian });
        const summary = await analyzeBytes(bytes, 7);
        expect(summary.format).toBe('pcap');
        expectPlantFlows(summary);
        await expectTsharkAgrees(`plant-${nanos}-${bigEndian}.pcap`, bytes, summary);
      });
    }
  }

  it('reads the fraction as nanoseconds in a nanosecond file and as microseconds otherwise', async () => {
    const frame = ethernetPackets()[0]!.data;
    for (const nanos of [true, false]) {
      // 0.125 s is 125000000 ns or 125000 µs: read with the wrong unit it would be 125 s or 0.000125 s.
      const summary = await analyzeBytes(pcapFile([{ time: 1_700_000_000.125, data: frame }], { nanos }));
      expect(summary.flows[0]!.firstSeen).toBe('2023-11-14T22:13:20.125Z');
    }
  });

  it('binds the PLC MAC to its IP and names its vendor', async () => {
    const summary = await analyzeBytes(pcapFile(ethernetPackets()));
    const plc = summary.assets.find((a) => a.ip === '10.0.0.20');
    expect(plc).toMatchObject({
      mac: '00:0e:8c:11:22:33',
      vendor: 'Siemens AG',
      protocols: ['Modbus/TCP'],
      role: 'server',
    });
    const hmi = summary.assets.find((a) => a.ip === '10.0.0.5');
    expect(hmi).toMatchObject({ mac: '00:1b:21:44:55:66', vendor: 'Intel Corporate', role: 'client' });
    expect(summary.assets.map((a) => a.ip)).toEqual(['10.0.0.5', '10.0.0.20']);
  });

  it('reads 802.1Q and QinQ tagged frames', async () => {
    for (const tags of [
      [{ tpid: 0x8100, id: 10 }],
      [
        { tpid: 0x88a8, id: 100 },
        { tpid: 0x8100, id: 10 },
      ],
    ]) {
      const bytes = pcapFile(ethernetPackets(tags));
      const summary = await analyzeBytes(bytes);
      expectPlantFlows(summary);
      await expectTsharkAgrees(`vlan-${tags.length}.pcap`, bytes, summary);
    }
  });

  it('reads raw IP (101), Linux cooked (113, 276) and BSD loopback (0) link types', async () => {
    const ip = ipPackets();
    const sll = (packet: Uint8Array) =>
      new Bytes().u16(0).u16(1).u16(6).bytes(hex(PLC)).u16(0).u16(0x0800).bytes(packet).build();
    const sll2 = (packet: Uint8Array) =>
      new Bytes().u16(0x0800).u16(0).u32(2).u16(1).u8(0).u8(6).bytes(hex(PLC)).u16(0).bytes(packet).build();
    // The same, with an 802.1Q tag left in the packet: protocol 0x8100, then tag control and the inner type.
    const sllVlan = (packet: Uint8Array) =>
      new Bytes()
        .u16(0)
        .u16(1)
        .u16(6)
        .bytes(hex(PLC))
        .u16(0)
        .u16(0x8100)
        .u16(10)
        .u16(0x0800)
        .bytes(packet)
        .build();
    const sll2Vlan = (packet: Uint8Array) =>
      new Bytes()
        .u16(0x8100)
        .u16(0)
        .u32(2)
        .u16(1)
        .u8(0)
        .u8(6)
        .bytes(hex(PLC))
        .u16(0)
        .u16(10)
        .u16(0x0800)
        .bytes(packet)
        .build();
    const loopback = (littleEndian: boolean) => (packet: Uint8Array) =>
      new Bytes().u32(2, littleEndian).bytes(packet).build();
    const cases: [string, number, (packet: Uint8Array) => Uint8Array][] = [
      ['raw', 101, (packet) => packet],
      ['sll', 113, sll],
      ['sll2', 276, sll2],
      ['sll-vlan', 113, sllVlan],
      ['sll2-vlan', 276, sll2Vlan],
      ['null-le', 0, loopback(true)],
      ['null-be', 0, loopback(false)],
    ];
    for (const [name, linkType, wrap] of cases) {
      const bytes = pcapFile(
        ip.map(({ packet, time }) => ({ time, data: wrap(packet) })),
        { linkType },
      );
      const summary = await analyzeBytes(bytes, 13);
      expectPlantFlows(summary, 5);
      await expectTsharkAgrees(`${name}.pcap`, bytes, summary);
    }
  });

  it('counts a fragmented datagram once, on its last fragment, as tshark does', async () => {
    const datagram = udpDatagram(1076, 161, new Uint8Array(3000).fill(0x30));
    const pieces = [datagram.subarray(0, 1480), datagram.subarray(1480, 2960), datagram.subarray(2960)];
    const frames = pieces.map((piece, i) => ({
      time: 10 + i,
      data: ethernetFrame(
        PLC,
        HMI,
        0x0800,
        ipv4Packet('10.0.0.5', '10.0.0.20', 17, piece, 64, { id: 7, offsetBytes: i * 1480, more: i < 2 }),
      ),
    }));
    // A lone first fragment whose rest never came: tshark does not count it in a conversation either.
    const lone = ipv4Packet('10.0.0.5', '10.0.0.20', 17, datagram.subarray(0, 1480), 64, {
      id: 8,
      offsetBytes: 0,
      more: true,
    });
    frames.push({ time: 20, data: ethernetFrame(PLC, HMI, 0x0800, lone) });
    const bytes = pcapFile(frames);
    const summary = await analyzeBytes(bytes);
    expect(summary.packets).toBe(4);
    expect(summary.flows).toEqual([
      expect.objectContaining({
        aPort: 1076,
        bPort: 161,
        packets: 1,
        bytes: frames[2]!.data.length,
        firstSeen: '1970-01-01T00:00:12.000Z',
      }),
    ]);
    await expectTsharkAgrees('fragments.pcap', bytes, summary);
  });

  it('counts a fragmented IPv6 datagram once, on its last fragment', async () => {
    const a = hex('2001 0db8 0000 0000 0000 0000 0000 0005');
    const b = hex('2001 0db8 0000 0000 0000 0000 0000 0020');
    const datagram = udpDatagram(5000, 47808, new Uint8Array(2000).fill(0x81));
    const pieces = [datagram.subarray(0, 1448), datagram.subarray(1448)];
    const frames = pieces.map((piece, i) => ({
      time: 30 + i,
      data: ethernetFrame(
        PLC,
        HMI,
        0x86dd,
        ipv6Packet(a, b, 17, piece, i === 0, { id: 99, offsetBytes: i * 1448, more: i === 0 }),
      ),
    }));
    const bytes = pcapFile(frames);
    const summary = await analyzeBytes(bytes);
    expect(summary.flows).toEqual([
      expect.objectContaining({ a: '2001:db8::5', bPort: 47808, packets: 1, bytes: frames[1]!.data.length }),
    ]);
    await expectTsharkAgrees('fragments6.pcap', bytes, summary);
  });

  it('reads IPv6 with an extension header', async () => {
    const a = hex('fe80 0000 0000 0000 0000 0000 0000 0001');
    const b = hex('2001 0db8 0000 0000 0000 0000 0000 0020');
    const syn = ipv6Packet(a, b, 6, tcpSegment(40000, 4840, TCP.syn), true);
    const hello = concatBytes([
      new Bytes().ascii('HELF').u32(36, true).u32(0, true).build(),
      new Uint8Array(28),
    ]);
    const data = ipv6Packet(a, b, 6, tcpSegment(40000, 4840, TCP.ack | TCP.psh, hello));
    const bytes = pcapFile([
      { time: 1, data: ethernetFrame(PLC, HMI, 0x86dd, syn) },
      { time: 2, data: ethernetFrame(PLC, HMI, 0x86dd, data) },
    ]);
    const summary = await analyzeBytes(bytes);
    expect(summary.flows).toEqual([
      expect.objectContaining({
        a: 'fe80::1',
        b: '2001:db8::20',
        bPort: 4840,
        server: 'b',
        protocol: 'OPC UA',
        recognizedBy: 'payload',
        packets: 2,
      }),
    ]);
    await expectTsharkAgrees('ipv6.pcap', bytes, summary);
  });
});

describe('pcapng', () => {
  const packets = ethernetPackets();
  const rawIp = ipPackets();

  function multiSection(): Uint8Array {
    return pcapngFile([
      {
        interfaces: [
          { linkType: 1, snapLength: 262144 },
          { linkType: 101, tsresol: 9 },
        ],
        blocks: [
          { kind: 'epb', interfaceId: 0, units: 1_700_000_000_250_000n, data: packets[0]!.data },
          { kind: 'raw', type: 4, body: new Bytes().u16(0).u16(0).build() }, // name resolution: skipped
          { kind: 'epb', interfaceId: 1, units: 1_700_000_000_251_000_000n, data: rawIp[1]!.packet },
          { kind: 'raw', type: 0x40000bad, body: new Bytes().u32(32473).ascii('custom').build() }, // custom block
          { kind: 'pb', interfaceId: 0, units: 1_700_000_000_252_000n, data: packets[2]!.data },
        ],
      },
      {
        bigEndian: true,
        interfaces: [{ linkType: 1, tsresol: 0x80 | 20 }],
        blocks: [
          {
            kind: 'epb',
            interfaceId: 0,
            units: BigInt(Math.round(1_700_000_000.253 * 2 ** 20)),
            data: packets[3]!.data,
          },
          { kind: 'raw', type: 5, body: new Uint8Array(12) }, // interface statistics: skipped
          { kind: 'spb', data: packets[4]!.data },
          { kind: 'epb', interfaceId: 0, units: BigInt(1_700_000_002 * 2 ** 20), data: packets[5]!.data },
        ],
      },
    ]);
  }

  it('reads several sections, byte orders, interfaces, resolutions and block kinds', async () => {
    const bytes = multiSection();
    const summary = await analyzeBytes(bytes, 5);
    expect(summary.format).toBe('pcapng');
    expect(summary.packets).toBe(6);
    const modbus = summary.flows.find((f) => f.transport === 'tcp')!;
    expect(modbus).toMatchObject({ packets: 4, protocol: 'Modbus/TCP', server: 'b' });
    expect(modbus.firstSeen).toBe('2023-11-14T22:13:20.250Z');
    expect(modbus.lastSeen).toBe('2023-11-14T22:13:20.253Z');
    // A simple packet block has no timestamp.
    expect(summary.flows.find((f) => f.transport === 'udp')).toMatchObject({
      protocol: 'BACnet/IP',
      firstSeen: null,
    });
    await expectTsharkAgrees('multi.pcapng', bytes, summary);
  });

  it('adds an interface timestamp offset (if_tsoffset)', async () => {
    const bytes = pcapngFile([
      {
        interfaces: [{ linkType: 1, tsresol: 3, tsoffset: 1_700_000_000n }],
        blocks: [{ kind: 'epb', interfaceId: 0, units: 250n, data: packets[0]!.data }],
      },
    ]);
    expect((await analyzeBytes(bytes)).flows[0]!.firstSeen).toBe('2023-11-14T22:13:20.250Z');
  });

  it('rejects a packet on an interface its section does not define', async () => {
    const bytes = pcapngFile([
      { interfaces: [{ linkType: 1 }], blocks: [] },
      { interfaces: [], blocks: [{ kind: 'epb', interfaceId: 0, units: 0n, data: packets[0]!.data }] },
    ]);
    await expect(analyzeBytes(bytes)).rejects.toThrow(/refers to interface 0, but section 2 defines 0/);
  });
});

describe('gzip', () => {
  it('inflates gzipped pcap and pcapng as a stream', async () => {
    for (const bytes of [
      pcapFile(ethernetPackets()),
      pcapFile(ethernetPackets(), { nanos: true, bigEndian: true }),
    ]) {
      const summary = await analyzeBytes(gzipSync(bytes), 3);
      expect(summary.compressed).toBe(true);
      expectPlantFlows(summary);
    }
    const ng = pcapngFile([
      {
        interfaces: [{ linkType: 1 }],
        blocks: ethernetPackets().map((p) => ({
          kind: 'epb' as const,
          interfaceId: 0,
          units: BigInt(Math.round(p.time * 1e6)),
          data: p.data,
        })),
      },
    ]);
    const summary = await analyzeBytes(gzipSync(ng), 11);
    expect(summary.format).toBe('pcapng');
    expectPlantFlows(summary);
  });

  it('reads concatenated gzip members', async () => {
    const bytes = pcapFile(ethernetPackets());
    const half = 24 + 16 + ethernetPackets()[0]!.data.length;
    const summary = await analyzeBytes(
      concatBytes([gzipSync(bytes.subarray(0, half)), gzipSync(bytes.subarray(half))]),
    );
    expectPlantFlows(summary);
  });

  it('reports progress in input bytes', () => {
    const bytes = gzipSync(pcapFile(ethernetPackets()));
    const seen: number[] = [];
    let count = 0;
    const reader = new CaptureReader(() => count++);
    for (let at = 0; at < bytes.length; at += 10) {
      reader.push(bytes.subarray(at, at + 10));
      seen.push(reader.bytesConsumed);
    }
    reader.finish();
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(count).toBe(6);
    expect(reader.packetCount).toBe(6);
  });
});
