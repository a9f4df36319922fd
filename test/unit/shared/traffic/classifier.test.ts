import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureFlow } from '../../../../shared/traffic/analyzer';
import { analyzeBytes } from './read-file';
import {
  Bytes,
  concatBytes,
  ethernetFrame,
  hex,
  ipv4Packet,
  pcapFile,
  TCP,
  tcpSegment,
  udpDatagram,
} from './synthetic';
import { conversationKey, tsharkAvailable, tsharkProtocolsByConversation } from './tshark';

const hasTshark = tsharkAvailable();
const workDir = mkdtempSync(join(tmpdir(), 'conduit-classifier-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Case {
  protocol: string;
  transport: 'tcp' | 'udp';
  port: number;
  payload: Uint8Array;
  /** Recognised on any port (strong check), or only confirmed on its own port. */
  strong: boolean;
  /** The tshark dissector that must see the same payload on the standard port (null: tshark 4.0 has none). */
  tshark: string | null;
}

const ascii = (text: string) => new TextEncoder().encode(text);

const dhcp = (() => {
  const b = new Bytes().u8(1).u8(1).u8(6).u8(0).u32(0x3903f326).u16(0).u16(0x8000);
  for (let i = 0; i < 4; i++) b.u32(0);
  b.bytes(hex('000b82 01fc42')).bytes(new Uint8Array(10 + 64 + 128));
  return b.u32(0x63825363).bytes([53, 1, 1, 255]).build();
})();

const profinetCm = new Bytes()
  .bytes([4, 0, 0x20, 0, 0x10, 0, 0, 0])
  .bytes(new Uint8Array(16)) // object UUID
  .bytes(hex('0100a0de 976c d111 8271 00a02442df7d'))
  .bytes(new Uint8Array(16))
  .u32(0, true)
  .u32(1, true)
  .u32(0, true)
  .u16(0, true)
  .u16(0xffff, true)
  .u16(0xffff, true)
  .u16(0, true)
  .u16(0, true)
  .u8(0)
  .u8(0)
  .build();

const CASES: Case[] = [
  {
    protocol: 'Modbus/TCP',
    transport: 'tcp',
    port: 502,
    payload: hex('0001 0000 0006 01 03 0000 000a'),
    strong: true,
    tshark: 'mbtcp',
  },
  {
    protocol: 'S7comm',
    transport: 'tcp',
    port: 102,
    payload: hex('0300 0019 02f080 32 01 0000 0001 0008 0000 f0 00 0001 0001 01e0'),
    strong: true,
    tshark: 's7comm',
  },
  {
    protocol: 'S7comm-plus',
    transport: 'tcp',
    port: 102,
    payload: hex('0300 0017 02f080 72 01 000c 31 0000 04ca 0000 0002 0000 0120 72 01 0000'),
    strong: true,
    tshark: null,
  },
  {
    protocol: 'MMS',
    transport: 'tcp',
    port: 102,
    payload: hex('0300 0009 02f080 0d00'),
    strong: true,
    tshark: 'ses',
  },
  {
    protocol: 'EtherNet/IP',
    transport: 'tcp',
    port: 44818,
    payload: hex('6300 0000 00000000 00000000 0000000000000000 00000000'),
    strong: true,
    tshark: 'enip',
  },
  {
    protocol: 'CIP I/O',
    transport: 'udp',
    port: 2222,
    payload: hex('0200 0280 0800 01000000 05000000 b100 0600 0100 00000000'),
    strong: false,
    tshark: 'cipio',
  },
  {
    protocol: 'DNP3',
    transport: 'tcp',
    port: 20000,
    payload: hex('0564 05c0 0100 0004 e921'),
    strong: true,
    tshark: 'dnp3',
  },
  {
    protocol: 'BACnet/IP',
    transport: 'udp',
    port: 47808,
    payload: hex('810b 000c 0120 ffff 00ff 1008'),
    strong: true,
    tshark: 'bvlc',
  },
  {
    protocol: 'OPC UA',
    transport: 'tcp',
    port: 4840,
    payload: concatBytes([
      ascii('HELF'),
      hex('20000000 00000000 00000100 00000100 00000000 00000000 ffffffff'),
    ]),
    strong: true,
    tshark: 'opcua',
  },
  {
    protocol: 'IEC 60870-5-104',
    transport: 'tcp',
    port: 2404,
    payload: hex('6804 0700 0000'),
    strong: true,
    tshark: 'iec60870_104',
  },
  {
    protocol: 'PROFINET CM',
    transport: 'udp',
    port: 34964,
    payload: profinetCm,
    strong: true,
    tshark: 'dcerpc',
  },
  {
    protocol: 'MQTT',
    transport: 'tcp',
    port: 1883,
    payload: concatBytes([hex('1010 0004'), ascii('MQTT'), hex('04 02 003c 0004'), ascii('test')]),
    strong: true,
    tshark: 'mqtt',
  },
  {
    protocol: 'Niagara Fox',
    transport: 'tcp',
    port: 1911,
    payload: ascii('fox a 1 -1 fox hello\n{\nfox.version=s:1.0\n};;\n'),
    strong: true,
    tshark: null,
  },
  {
    protocol: 'GE-SRTP',
    transport: 'tcp',
    port: 18245,
    payload: concatBytes([hex('02 00'), new Uint8Array(54)]),
    strong: false,
    tshark: null,
  },
  {
    protocol: 'GE EGD',
    transport: 'udp',
    port: 18246,
    payload: concatBytes([hex('0d01 0100 0a000001 01000000'), new Uint8Array(20)]),
    strong: false,
    tshark: 'egd',
  },
  {
    protocol: 'Omron FINS',
    transport: 'udp',
    port: 9600,
    payload: hex('8000 0200 0100 000a 0001 0101 8200 0000 0001'),
    strong: false,
    tshark: 'omron',
  },
  {
    protocol: 'HART-IP',
    transport: 'udp',
    port: 5094,
    payload: hex('0100 0000 0001 000d 01 0000ea60'),
    strong: false,
    tshark: 'hart_ip',
  },
  {
    protocol: 'CODESYS',
    transport: 'tcp',
    port: 11740,
    payload: hex('0001 17e8 1000 0000 0000 0000 0000 0000'),
    strong: true,
    tshark: null,
  },
  {
    protocol: 'IEEE C37.118',
    transport: 'udp',
    port: 4713,
    payload: hex('aa41 0012 0001 5f5e1000 00000000 0002 0000'),
    strong: true,
    tshark: 'synphasor',
  },
  {
    protocol: 'DNS',
    transport: 'udp',
    port: 53,
    payload: concatBytes([
      hex('1234 0100 0001 0000 0000 0000 07'),
      ascii('example'),
      hex('03'),
      ascii('com'),
      hex('00 0001 0001'),
    ]),
    strong: false,
    tshark: 'dns',
  },
  {
    protocol: 'HTTP',
    transport: 'tcp',
    port: 80,
    payload: ascii('GET / HTTP/1.1\r\nHost: plc\r\n\r\n'),
    strong: true,
    tshark: 'http',
  },
  {
    protocol: 'TLS',
    transport: 'tcp',
    port: 443,
    payload: concatBytes([hex('1603 0100 2d 01 000029 0303'), new Uint8Array(32), hex('00 0002 002f 0100')]),
    strong: true,
    tshark: 'tls',
  },
  {
    protocol: 'SMB',
    transport: 'tcp',
    port: 445,
    payload: concatBytes([hex('0000 0040 fe534d42 4000'), new Uint8Array(58)]),
    strong: true,
    tshark: 'smb2',
  },
  {
    protocol: 'NetBIOS',
    transport: 'udp',
    port: 137,
    payload: concatBytes([
      hex('8001 0110 0001 0000 0000 0000 20'),
      ascii('EMEBFDEFFCEPEOFDCACACACACACACAAA'),
      hex('00 0020 0001'),
    ]),
    strong: false,
    tshark: 'nbns',
  },
  {
    protocol: 'SNMP',
    transport: 'udp',
    port: 161,
    payload: concatBytes([
      hex('3029 020101 0406'),
      ascii('public'),
      hex('a01c 020400000001 020100 020100 300e 300c 06082b06010201010100 0500'),
    ]),
    strong: false,
    tshark: 'snmp',
  },
  {
    protocol: 'NTP',
    transport: 'udp',
    port: 123,
    payload: concatBytes([hex('23'), new Uint8Array(47)]),
    strong: false,
    tshark: 'ntp',
  },
  { protocol: 'DHCP', transport: 'udp', port: 67, payload: dhcp, strong: true, tshark: 'dhcp' },
];

const CLIENT = '10.0.0.5';
const SERVER = '10.0.0.20';

function frame(transport: 'tcp' | 'udp', srcPort: number, dstPort: number, payload: Uint8Array): Uint8Array {
  const segment =
    transport === 'tcp'
      ? tcpSegment(srcPort, dstPort, TCP.ack | TCP.psh, payload)
      : udpDatagram(srcPort, dstPort, payload);
  return ethernetFrame(
    '000e8c112233',
    '001b21445566',
    0x0800,
    ipv4Packet(CLIENT, SERVER, transport === 'tcp' ? 6 : 17, segment),
  );
}

/** One capture: each case once on its own port (client port 40000 + i), once between two unregistered ports. */
function capture(): Uint8Array {
  const packets = CASES.flatMap((c, i) => [
    { time: 1000 + i, data: frame(c.transport, 40000 + i, c.port, c.payload) },
    { time: 2000 + i, data: frame(c.transport, 41000 + i, 39000 + i, c.payload) },
  ]);
  return pcapFile(packets);
}

describe('payload checks on each protocol', () => {
  let flows: CaptureFlow[] = [];
  const bytes = capture();
  const find = (clientPort: number) => flows.find((f) => f.aPort === clientPort)!;

  it('reads the capture', async () => {
    flows = (await analyzeBytes(bytes)).flows;
    expect(flows).toHaveLength(CASES.length * 2);
  });

  for (const [i, c] of CASES.entries()) {
    it(`${c.protocol} over ${c.transport.toUpperCase()} ${c.port}`, () => {
      expect(find(40000 + i)).toMatchObject({ protocol: c.protocol, recognizedBy: 'payload', server: 'b' });
      const elsewhere = find(41000 + i);
      if (c.strong)
        expect(elsewhere).toMatchObject({ protocol: c.protocol, recognizedBy: 'payload-nonstandard-port' });
      else expect(elsewhere.protocol).toBeNull();
    });
  }

  it.runIf(hasTshark)('tshark dissects the same payloads as the same protocols', () => {
    const path = join(workDir, 'protocols.pcap');
    writeFileSync(path, bytes);
    const theirs = tsharkProtocolsByConversation(path);
    const disagreements: string[] = [];
    for (const [i, c] of CASES.entries()) {
      if (!c.tshark) continue;
      const dissectors = [
        ...(theirs.get(conversationKey(c.transport, CLIENT, 40000 + i, SERVER, c.port)) ?? []),
      ];
      if (!dissectors.includes(c.tshark))
        disagreements.push(`${c.protocol}: tshark saw ${dissectors.join(':')}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('protocol by port only, and which side serves', () => {
  it('does not confirm a weak check on the client side of a connection', async () => {
    const segment = (sp: number, dp: number, flags: number, payload?: Uint8Array) =>
      ethernetFrame(
        '000e8c112233',
        '001b21445566',
        0x0800,
        ipv4Packet(CLIENT, SERVER, 6, tcpSegment(sp, dp, flags, payload)),
      );
    // A MELSEC-looking payload from a client that happens to use port 5006 towards an unregistered port.
    const melsec = hex('5000 00ff 03ff 0000 0c00 1000 0104 0000 0000 00a8 0100');
    const summary = await analyzeBytes(
      pcapFile([
        { time: 1, data: segment(5006, 7777, TCP.syn) },
        { time: 2, data: segment(5006, 7777, TCP.ack | TCP.psh, melsec) },
        // The same payload towards the registered port: confirmed.
        { time: 3, data: segment(40000, 5006, TCP.syn) },
        { time: 4, data: segment(40000, 5006, TCP.ack | TCP.psh, melsec) },
      ]),
    );
    expect(summary.flows.find((f) => f.bPort === 7777)).toMatchObject({
      server: 'b',
      protocol: null,
      recognizedBy: null,
    });
    expect(summary.flows.find((f) => f.bPort === 5006)).toMatchObject({
      server: 'b',
      protocol: 'MELSEC',
      recognizedBy: 'payload',
    });
  });

  it('names a payload-less conversation by the server port and marks it "port"', async () => {
    const syn = (sp: number, dp: number, flags: number) =>
      ethernetFrame(
        '000e8c112233',
        '001b21445566',
        0x0800,
        ipv4Packet(CLIENT, SERVER, 6, tcpSegment(sp, dp, flags)),
      );
    const summary = await analyzeBytes(
      pcapFile([
        { time: 1, data: syn(50000, 502, TCP.syn) },
        // No SYN seen: the registered port (44818) serves, even though it is the higher one.
        { time: 2, data: syn(44818, 3000, TCP.ack) },
        // Neither registered: the lower port serves.
        { time: 3, data: syn(50001, 50002, TCP.ack) },
        // Only the SYN+ACK seen: its sender serves.
        { time: 4, data: syn(40000, 39999, TCP.syn | TCP.ack) },
      ]),
    );
    const byPort = (port: number) => summary.flows.find((f) => f.aPort === port)!;
    expect(byPort(50000)).toMatchObject({ server: 'b', protocol: 'Modbus/TCP', recognizedBy: 'port' });
    expect(byPort(44818)).toMatchObject({ server: 'a', protocol: 'EtherNet/IP', recognizedBy: 'port' });
    expect(byPort(50001)).toMatchObject({ server: 'a', protocol: null, recognizedBy: null });
    expect(byPort(40000)).toMatchObject({ server: 'a', protocol: null });
  });
});
