/**
 * Builders for small synthetic captures (frames, pcap, pcapng) used by the traffic tests and the
 * capture benchmark. Everything is written byte by byte so each field under test is explicit.
 */

export class Bytes {
  private readonly parts: number[] = [];
  u8(value: number): this {
    this.parts.push(value & 0xff);
    return this;
  }
  u16(value: number, littleEndian = false): this {
    return littleEndian ? this.u8(value).u8(value >>> 8) : this.u8(value >>> 8).u8(value);
  }
  u32(value: number, littleEndian = false): this {
    return littleEndian
      ? this.u16(value & 0xffff, true).u16(value >>> 16, true)
      : this.u16(value >>> 16).u16(value & 0xffff);
  }
  bytes(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.parts.push(values[i]! & 0xff);
    return this;
  }
  ascii(text: string): this {
    for (let i = 0; i < text.length; i++) this.parts.push(text.charCodeAt(i));
    return this;
  }
  pad(multiple: number): this {
    while (this.parts.length % multiple !== 0) this.parts.push(0);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  build(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function ipv4(text: string): number[] {
  return text.split('.').map(Number);
}

export function mac(text: string): Uint8Array {
  return hex(text);
}

export const TCP = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10 } as const;

export function tcpSegment(
  srcPort: number,
  dstPort: number,
  flags: number,
  payload: ArrayLike<number> = [],
): Uint8Array {
  return new Bytes()
    .u16(srcPort)
    .u16(dstPort)
    .u32(1000)
    .u32(flags & TCP.ack ? 2000 : 0)
    .u8(0x50)
    .u8(flags)
    .u16(65535)
    .u16(0)
    .u16(0)
    .bytes(payload)
    .build();
}

export function udpDatagram(srcPort: number, dstPort: number, payload: ArrayLike<number> = []): Uint8Array {
  return new Bytes()
    .u16(srcPort)
    .u16(dstPort)
    .u16(8 + payload.length)
    .u16(0)
    .bytes(payload)
    .build();
}

/** An IPv4 packet with a correct header checksum; `fragment` makes it one piece of a fragmented datagram. */
export function ipv4Packet(
  src: string,
  dst: string,
  protocol: number,
  payload: Uint8Array,
  ttl = 64,
  fragment?: { id: number; offsetBytes: number; more: boolean },
): Uint8Array {
  const flags = fragment ? (fragment.more ? 0x2000 : 0) | (fragment.offsetBytes / 8) : 0x4000;
  const header = new Bytes()
    .u8(0x45)
    .u8(0)
    .u16(20 + payload.length)
    .u16(fragment?.id ?? 0x1234)
    .u16(flags)
    .u8(ttl)
    .u8(protocol)
    .u16(0)
    .bytes(ipv4(src))
    .bytes(ipv4(dst))
    .build();
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += (header[i]! << 8) | header[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const checksum = ~sum & 0xffff;
  header[10] = checksum >>> 8;
  header[11] = checksum & 0xff;
  return concatBytes([header, payload]);
}

/** An IPv6 packet, optionally behind a hop-by-hop options header and/or as one fragment of a datagram. */
export function ipv6Packet(
  src: Uint8Array,
  dst: Uint8Array,
  nextHeader: number,
  payload: Uint8Array,
  hopByHop = false,
  fragment?: { id: number; offsetBytes: number; more: boolean },
): Uint8Array {
  const fragmentHeader = fragment
    ? new Bytes()
        .u8(nextHeader)
        .u8(0)
        .u16(fragment.offsetBytes | (fragment.more ? 1 : 0))
        .u32(fragment.id)
        .build()
    : new Uint8Array(0);
  const afterHopByHop = fragment ? 44 : nextHeader;
  const extension = hopByHop
    ? new Bytes().u8(afterHopByHop).u8(0).bytes([1, 4, 0, 0, 0, 0]).build()
    : new Uint8Array(0);
  return new Bytes()
    .u32(0x60000000)
    .u16(extension.length + fragmentHeader.length + payload.length)
    .u8(hopByHop ? 0 : afterHopByHop)
    .u8(64)
    .bytes(src)
    .bytes(dst)
    .bytes(extension)
    .bytes(fragmentHeader)
    .bytes(payload)
    .build();
}

export function ethernetFrame(
  dst: string,
  src: string,
  ethertype: number,
  payload: Uint8Array,
  vlanTags: { tpid: number; id: number }[] = [],
): Uint8Array {
  const frame = new Bytes().bytes(mac(dst)).bytes(mac(src));
  for (const tag of vlanTags) frame.u16(tag.tpid).u16(tag.id);
  frame.u16(ethertype).bytes(payload);
  while (frame.length < 60) frame.u8(0); // Ethernet minimum frame: padding after the IP packet
  return frame.build();
}

export function arpFrame(senderMac: string, senderIp: string, targetIp: string, op = 1): Uint8Array {
  const body = new Bytes()
    .u16(1)
    .u16(0x0800)
    .u8(6)
    .u8(4)
    .u16(op)
    .bytes(mac(senderMac))
    .bytes(ipv4(senderIp))
    .bytes(op === 1 ? [0, 0, 0, 0, 0, 0] : mac('ffffffffffff'))
    .bytes(ipv4(targetIp))
    .build();
  return ethernetFrame('ffffffffffff', senderMac, 0x0806, body);
}

export interface SyntheticPacket {
  /** Seconds since the epoch, with fraction. */
  time: number;
  data: Uint8Array;
  originalLength?: number;
}

export function pcapFile(
  packets: SyntheticPacket[],
  options: { linkType?: number; nanos?: boolean; bigEndian?: boolean; snapLength?: number } = {},
): Uint8Array {
  const le = !options.bigEndian;
  const out = new Bytes()
    .u32(options.nanos ? 0xa1b23c4d : 0xa1b2c3d4, le)
    .u16(2, le)
    .u16(4, le)
    .u32(0, le)
    .u32(0, le)
    .u32(options.snapLength ?? 65535, le)
    .u32(options.linkType ?? 1, le);
  const parts = [out.build()];
  for (const packet of packets) parts.push(pcapRecord(packet, le, options.nanos ?? false));
  return concatBytes(parts);
}

export function pcapRecord(packet: SyntheticPacket, littleEndian = true, nanos = false): Uint8Array {
  const seconds = Math.floor(packet.time);
  const fraction = Math.round((packet.time - seconds) * (nanos ? 1e9 : 1e6));
  return new Bytes()
    .u32(seconds, littleEndian)
    .u32(fraction, littleEndian)
    .u32(packet.data.length, littleEndian)
    .u32(packet.originalLength ?? packet.data.length, littleEndian)
    .bytes(packet.data)
    .build();
}

export interface NgInterface {
  linkType: number;
  snapLength?: number;
  /** if_tsresol option byte; omitted means microseconds. */
  tsresol?: number;
  /** if_tsoffset option: seconds added to every timestamp. */
  tsoffset?: bigint;
}

export type NgBlock =
  | { kind: 'epb' | 'pb'; interfaceId: number; units: bigint; data: Uint8Array; originalLength?: number }
  | { kind: 'spb'; data: Uint8Array; originalLength?: number }
  | { kind: 'raw'; type: number; body: Uint8Array };

export interface NgSection {
  bigEndian?: boolean;
  interfaces: NgInterface[];
  blocks: NgBlock[];
}

function ngBlock(type: number, body: Uint8Array, le: boolean): Uint8Array {
  const padded = new Bytes().bytes(body).pad(4).build();
  const length = 12 + padded.length;
  return new Bytes().u32(type, le).u32(length, le).bytes(padded).u32(length, le).build();
}

export function pcapngFile(sections: NgSection[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const section of sections) {
    const le = !section.bigEndian;
    parts.push(
      ngBlock(
        0x0a0d0d0a,
        new Bytes().u32(0x1a2b3c4d, le).u16(1, le).u16(0, le).u32(0xffffffff, le).u32(0xffffffff, le).build(),
        le,
      ),
    );
    for (const iface of section.interfaces) {
      const body = new Bytes()
        .u16(iface.linkType, le)
        .u16(0, le)
        .u32(iface.snapLength ?? 0, le);
      if (iface.tsresol !== undefined) body.u16(9, le).u16(1, le).u8(iface.tsresol).pad(4);
      if (iface.tsoffset !== undefined) {
        const offset = new Uint8Array(8);
        new DataView(offset.buffer).setBigInt64(0, iface.tsoffset, le);
        body.u16(14, le).u16(8, le).bytes(offset);
      }
      body.u16(0, le).u16(0, le);
      parts.push(ngBlock(1, body.build(), le));
    }
    for (const block of section.blocks) {
      if (block.kind === 'raw') {
        parts.push(ngBlock(block.type, block.body, le));
      } else if (block.kind === 'spb') {
        parts.push(
          ngBlock(
            3,
            new Bytes()
              .u32(block.originalLength ?? block.data.length, le)
              .bytes(block.data)
              .build(),
            le,
          ),
        );
      } else {
        const head = new Bytes();
        if (block.kind === 'epb') head.u32(block.interfaceId, le);
        else head.u16(block.interfaceId, le).u16(0, le);
        head
          .u32(Number(block.units >> 32n), le)
          .u32(Number(block.units & 0xffffffffn), le)
          .u32(block.data.length, le)
          .u32(block.originalLength ?? block.data.length, le)
          .bytes(block.data);
        parts.push(ngBlock(block.kind === 'epb' ? 6 : 2, head.build(), le));
      }
    }
  }
  return concatBytes(parts);
}
