import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from './read-file';
import { Bytes, ethernetFrame, ipv4Packet, pcapFile, udpDatagram, type SyntheticPacket } from './synthetic';
import { tsharkAvailable } from './tshark';

/**
 * Protocols none of the real samples carry (IEC 61850 Sampled Values, EtherCAT, cyclic PROFINET RT,
 * CIP I/O on UDP 2222), written frame by frame with correct headers; tshark reads the same files and
 * must see the same protocol on the same frames.
 */
const workDir = mkdtempSync(join(tmpdir(), 'conduit-generated-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const MERGING_UNIT = '00:30:a7:01:02:03';
const SV_MULTICAST = '01:0c:cd:04:00:01';
const ECAT_MASTER = '00:01:05:11:22:33';
const PN_DEVICE = '00:0e:8c:aa:bb:cc';
const PN_CONTROLLER = '00:1b:1b:dd:ee:ff';

/** A BER tag-length-value with a short-form length. */
function tlv(tag: number, value: Uint8Array): Uint8Array {
  return new Bytes().u8(tag).u8(value.length).bytes(value).build();
}

/** IEC 61850-9-2 LE: APPID, length, reserved, then savPdu { noASDU 1, seqASDU { ASDU { svID, smpCnt, confRev, smpSynch, seqData } } }. */
function sampledValues(sampleCount: number): Uint8Array {
  const seqData = new Uint8Array(64); // 8 channels: 4-byte value + 4-byte quality each
  const asdu = tlv(
    0x30,
    new Bytes()
      .bytes(tlv(0x80, new Bytes().ascii('MU01_SV01').build()))
      .bytes(tlv(0x82, new Bytes().u16(sampleCount).build()))
      .bytes(tlv(0x83, new Bytes().u32(1).build()))
      .bytes(tlv(0x85, Uint8Array.of(2)))
      .bytes(tlv(0x87, seqData))
      .build(),
  );
  const pdu = tlv(
    0x60,
    new Bytes()
      .bytes(tlv(0x80, Uint8Array.of(1)))
      .bytes(tlv(0xa2, asdu))
      .build(),
  );
  return new Bytes()
    .u16(0x4000)
    .u16(8 + pdu.length)
    .u16(0)
    .u16(0)
    .bytes(pdu)
    .build();
}

/** An EtherCAT frame: header (length, type 1 = commands), one LRW datagram of 4 data bytes and its working counter. */
function etherCat(index: number): Uint8Array {
  const datagram = new Bytes()
    .u8(0x0c) // LRW
    .u8(index)
    .u32(0x00010000, true) // logical address
    .u16(4, true) // data length, last datagram
    .u16(0, true) // IRQ
    .bytes([1, 2, 3, 4])
    .u16(3, true) // working counter
    .build();
  return new Bytes()
    .u16(datagram.length | (1 << 12), true)
    .bytes(datagram)
    .build();
}

/** Cyclic PROFINET RT (RT class 1, frame id 0xC000..0xF7FF): IO data, cycle counter, data status, transfer status. */
function profinetCyclic(frameId: number, cycle: number): Uint8Array {
  return new Bytes()
    .u16(frameId)
    .bytes(new Uint8Array(40))
    .u16(cycle)
    .u8(0x35) // data status: primary, valid, run, no problem
    .u8(0)
    .build();
}

/** CIP class 1 I/O: CPF with a sequenced address item (connection id, sequence) and a connected data item. */
function cipIo(connectionId: number, sequence: number): Uint8Array {
  return new Bytes()
    .u16(2, true)
    .u16(0x8002, true)
    .u16(8, true)
    .u32(connectionId, true)
    .u32(sequence, true)
    .u16(0x00b1, true)
    .u16(2 + 8, true)
    .u16(sequence & 0xffff, true)
    .bytes(new Uint8Array(8))
    .build();
}

function generatedCapture(): SyntheticPacket[] {
  const packets: SyntheticPacket[] = [];
  let time = 1_700_000_000;
  for (let i = 0; i < 12; i++) {
    packets.push({
      time: (time += 0.00025),
      data: ethernetFrame(SV_MULTICAST, MERGING_UNIT, 0x88ba, sampledValues(i)),
    });
  }
  for (let i = 0; i < 9; i++) {
    packets.push({
      time: (time += 0.001),
      data: ethernetFrame('ff:ff:ff:ff:ff:ff', ECAT_MASTER, 0x88a4, etherCat(i)),
    });
  }
  for (let i = 0; i < 7; i++) {
    packets.push({
      time: (time += 0.002),
      data: ethernetFrame(PN_CONTROLLER, PN_DEVICE, 0x8892, profinetCyclic(0xc001, i * 32)),
    });
    packets.push({
      time: (time += 0.002),
      data: ethernetFrame(PN_DEVICE, PN_CONTROLLER, 0x8892, profinetCyclic(0x8001, i * 32)),
    });
  }
  for (let i = 0; i < 10; i++) {
    const toAdapter = i % 2 === 0;
    const [src, dst] = toAdapter ? ['10.1.2.10', '10.1.2.50'] : ['10.1.2.50', '10.1.2.10'];
    const ip = ipv4Packet(src, dst, 17, udpDatagram(2222, 2222, cipIo(toAdapter ? 0x11 : 0x22, i)));
    const [srcMac, dstMac] = toAdapter ? [PN_CONTROLLER, PN_DEVICE] : [PN_DEVICE, PN_CONTROLLER];
    packets.push({ time: (time += 0.01), data: ethernetFrame(dstMac, srcMac, 0x0800, ip) });
  }
  return packets;
}

/** tshark's frame.protocols for each frame of the file. */
function tsharkProtocols(path: string): string[] {
  return execFileSync('tshark', ['-n', '-r', path, '-T', 'fields', '-e', 'frame.protocols'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe.runIf(tsharkAvailable())(
  'generated captures: protocols no real sample carries, against tshark',
  () => {
    const bytes = pcapFile(generatedCapture());
    const path = join(workDir, 'generated.pcap');
    writeFileSync(path, bytes);

    it('names Sampled Values, EtherCAT, cyclic PROFINET RT and CIP I/O on the frames tshark dissects as them', async () => {
      const summary = await analyzeBytes(bytes, 333);
      const protocols = tsharkProtocols(path);
      const framesWith = (dissector: string) =>
        protocols.filter((line) => line.split(':').includes(dissector)).length;
      expect(summary.packets).toBe(protocols.length);
      const l2Frames = (name: string) =>
        summary.l2.filter((entry) => entry.protocol === name).reduce((n, entry) => n + entry.frames, 0);
      expect(framesWith('sv')).toBe(12);
      expect(l2Frames('Sampled Values')).toBe(framesWith('sv'));
      expect(framesWith('ecat')).toBe(9);
      expect(l2Frames('EtherCAT')).toBe(framesWith('ecat'));
      expect(framesWith('pn_rt')).toBe(14);
      expect(framesWith('pn_io')).toBe(14); // cyclic IO data, as tshark decodes it
      expect(l2Frames('PROFINET RT')).toBe(framesWith('pn_rt'));
      expect(summary.l2.find((entry) => entry.protocol === 'Sampled Values')).toMatchObject({
        src: MERGING_UNIT,
        dst: SV_MULTICAST,
        ethertype: 0x88ba,
      });
      // tshark's ENIP dissector takes UDP 2222 as CIP class 0/1 I/O (cipio).
      expect(framesWith('cipio')).toBe(10);
      expect(summary.flows).toEqual([
        expect.objectContaining({
          transport: 'udp',
          aPort: 2222,
          bPort: 2222,
          protocol: 'CIP I/O',
          recognizedBy: 'payload',
          packets: 10,
        }),
      ]);
    });
  },
);
