import { formatIpv6Groups } from '../model/ip-address';
import type { RawPacket } from './packet';

export const LINKTYPE = {
  null: 0,
  ethernet: 1,
  raw: 101,
  linuxSll: 113,
  ipv4: 228,
  ipv6: 229,
  linuxSll2: 276,
} as const;

export const ETHERTYPE = {
  ipv4: 0x0800,
  arp: 0x0806,
  vlan: 0x8100,
  qinq: 0x88a8,
  qinqOld: 0x9100,
  ipv6: 0x86dd,
} as const;

const MAX_VLAN_TAGS = 8;
const MAX_IPV6_EXTENSIONS = 16;

/**
 * What one packet holds, down to TCP/UDP. One instance is reused for every packet; numeric fields are
 * -1 (or 0 for ipVersion/transport) when the layer is absent. MACs are 48-bit numbers.
 */
export class DecodedPacket {
  srcMac = -1;
  dstMac = -1;
  /** Ethertype of the innermost layer-2 header, -1 for 802.3 length frames and link types without one. */
  ethertype = -1;
  /** Where the layer-2 payload (after the ethertype and VLAN tags) starts. */
  l2PayloadOffset = 0;
  ipVersion: 0 | 4 | 6 = 0;
  /** IPv4 addresses as unsigned 32-bit numbers. */
  src4 = 0;
  dst4 = 0;
  src6 = '';
  dst6 = '';
  /** IPv4 TTL or IPv6 hop limit. */
  ttl = 0;
  /** IPv4/IPv6 fragmentation: which piece of a datagram this is (FRAGMENT.none when it is whole). */
  fragment: number = FRAGMENT.none;
  ipId = 0;
  ipProtocol = 0;
  /** 6 (TCP), 17 (UDP) or 0. */
  transport = 0;
  srcPort = 0;
  dstPort = 0;
  tcpFlags = 0;
  payloadOffset = 0;
  payloadLength = 0;
  /** ARP (Ethernet/IPv4 only): operation, sender MAC and IPv4; arpOp is 0 when the packet is not ARP. */
  arpOp = 0;
  arpSenderMac = -1;
  arpSenderIp = 0;

  reset(): void {
    this.srcMac = -1;
    this.dstMac = -1;
    this.ethertype = -1;
    this.ipVersion = 0;
    this.fragment = FRAGMENT.none;
    this.transport = 0;
    this.arpOp = 0;
    this.payloadLength = 0;
  }
}

/**
 * TTLs that IP stacks start with (30: Siemens S7 PLCs; 60: some embedded stacks). A packet still carrying
 * one has not crossed a router, so its source MAC is the sender's own.
 */
const INITIAL_TTLS = new Uint8Array(256);
for (const ttl of [30, 32, 60, 64, 128, 255]) INITIAL_TTLS[ttl] = 1;

export function isInitialTtl(ttl: number): boolean {
  return INITIAL_TTLS[ttl] === 1;
}

export const FRAGMENT = { none: 0, first: 1, middle: 2, last: 3 } as const;

export const TCP_FLAG = { fin: 0x01, syn: 0x02, rst: 0x04, ack: 0x10 } as const;

/** Decodes the packet's layers into `out`; never throws, stops at the first layer it cannot read. */
export function decodePacket(packet: RawPacket, out: DecodedPacket): void {
  out.reset();
  const data = packet.data;
  const view = packet.view;
  const start = packet.offset;
  const end = start + packet.capturedLength;
  switch (packet.linkType) {
    case LINKTYPE.ethernet:
      decodeEthernet(data, view, start, end, out);
      return;
    case LINKTYPE.raw:
      decodeRawIp(data, view, start, end, out);
      return;
    case LINKTYPE.ipv4:
      if (end - start >= 1 && data[start]! >> 4 === 4) decodeIpv4(data, view, start, end, out);
      return;
    case LINKTYPE.ipv6:
      if (end - start >= 1 && data[start]! >> 4 === 6) decodeIpv6(data, view, start, end, out);
      return;
    case LINKTYPE.null:
      decodeBsdLoopback(view, start, end, data, out);
      return;
    case LINKTYPE.linuxSll:
      decodeSll(data, view, start, end, out);
      return;
    case LINKTYPE.linuxSll2:
      decodeSll2(data, view, start, end, out);
      return;
    default:
      return;
  }
}

function readMac(view: DataView, at: number): number {
  return view.getUint16(at) * 4294967296 + view.getUint32(at + 2);
}

function decodeEthernet(
  data: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  out: DecodedPacket,
): void {
  if (end - start < 14) return;
  out.dstMac = readMac(view, start);
  out.srcMac = readMac(view, start + 6);
  decodeEthertype(data, view, view.getUint16(start + 12), start + 14, end, out);
}

/**
 * Decodes what follows an ethertype whose payload starts at `payloadStart`, first skipping 802.1Q / QinQ tags
 * (each: 2-byte tag control, then the next ethertype).
 */
function decodeEthertype(
  data: Uint8Array,
  view: DataView,
  ethertype: number,
  payloadStart: number,
  end: number,
  out: DecodedPacket,
): void {
  let type = ethertype;
  let next = payloadStart;
  for (let tags = 0; isVlan(type) && tags < MAX_VLAN_TAGS; tags++) {
    if (next + 4 > end) return;
    type = view.getUint16(next + 2);
    next += 4;
  }
  if (type < 0x0600) return; // 802.3 length field: LLC/SNAP (STP and friends), not IP
  out.ethertype = type;
  out.l2PayloadOffset = next;
  decodeNetwork(type, data, view, next, end, out);
}

function isVlan(type: number): boolean {
  return type === ETHERTYPE.vlan || type === ETHERTYPE.qinq || type === ETHERTYPE.qinqOld;
}

function decodeNetwork(
  type: number,
  data: Uint8Array,
  view: DataView,
  at: number,
  end: number,
  out: DecodedPacket,
): void {
  if (type === ETHERTYPE.ipv4) decodeIpv4(data, view, at, end, out);
  else if (type === ETHERTYPE.ipv6) decodeIpv6(data, view, at, end, out);
  else if (type === ETHERTYPE.arp) decodeArp(view, at, end, out);
}

function decodeRawIp(data: Uint8Array, view: DataView, start: number, end: number, out: DecodedPacket): void {
  if (end - start < 1) return;
  const version = data[start]! >> 4;
  if (version === 4) decodeIpv4(data, view, start, end, out);
  else if (version === 6) decodeIpv6(data, view, start, end, out);
}

/** DLT_NULL: a 4-byte address family in the capturing host's byte order. */
function decodeBsdLoopback(
  view: DataView,
  start: number,
  end: number,
  data: Uint8Array,
  out: DecodedPacket,
): void {
  if (end - start < 4) return;
  let family = view.getUint32(start, true);
  if (family > 0xffff) family = view.getUint32(start, false);
  if (family === 2) decodeIpv4(data, view, start + 4, end, out);
  else if (family === 24 || family === 28 || family === 30 || family === 10)
    decodeIpv6(data, view, start + 4, end, out);
}

const ARPHRD_ETHER = 1;

/** Linux cooked capture v1: 16-byte header, link-layer source address at 6, protocol at 14. */
function decodeSll(data: Uint8Array, view: DataView, start: number, end: number, out: DecodedPacket): void {
  if (end - start < 16) return;
  if (view.getUint16(start + 2) === ARPHRD_ETHER && view.getUint16(start + 4) === 6) {
    out.srcMac = readMac(view, start + 6);
  }
  decodeEthertype(data, view, view.getUint16(start + 14), start + 16, end, out);
}

/** Linux cooked capture v2: 20-byte header, protocol at 0, address length at 11, address at 12. */
function decodeSll2(data: Uint8Array, view: DataView, start: number, end: number, out: DecodedPacket): void {
  if (end - start < 20) return;
  if (view.getUint16(start + 8) === ARPHRD_ETHER && data[start + 11] === 6)
    out.srcMac = readMac(view, start + 12);
  decodeEthertype(data, view, view.getUint16(start), start + 20, end, out);
}

function decodeArp(view: DataView, at: number, end: number, out: DecodedPacket): void {
  if (end - at < 28) return;
  // Ethernet hardware (1), IPv4 protocol, 6-byte and 4-byte addresses.
  if (view.getUint16(at) !== 1 || view.getUint16(at + 2) !== ETHERTYPE.ipv4) return;
  if (view.getUint8(at + 4) !== 6 || view.getUint8(at + 5) !== 4) return;
  out.arpOp = view.getUint16(at + 6);
  out.arpSenderMac = readMac(view, at + 8);
  out.arpSenderIp = view.getUint32(at + 14);
}

function decodeIpv4(data: Uint8Array, view: DataView, at: number, end: number, out: DecodedPacket): void {
  if (end - at < 20) return;
  const first = data[at]!;
  if (first >> 4 !== 4) return;
  const headerLength = (first & 0x0f) * 4;
  if (headerLength < 20 || at + headerLength > end) return;
  const totalLength = view.getUint16(at + 2);
  // Total length 0 happens with TCP segmentation offload; otherwise it bounds away Ethernet padding.
  let ipEnd = end;
  if (totalLength !== 0) {
    if (totalLength < headerLength) return;
    ipEnd = Math.min(end, at + totalLength);
  }
  out.ipVersion = 4;
  out.ttl = data[at + 8]!;
  out.src4 = view.getUint32(at + 12);
  out.dst4 = view.getUint32(at + 16);
  const flags = view.getUint16(at + 6);
  const offset = flags & 0x1fff;
  const more = (flags & 0x2000) !== 0;
  out.ipProtocol = data[at + 9]!;
  if (offset !== 0 || more) {
    out.fragment = offset === 0 ? FRAGMENT.first : more ? FRAGMENT.middle : FRAGMENT.last;
    out.ipId = view.getUint16(at + 4);
  }
  // Only the first fragment carries the transport header.
  if (offset !== 0) return;
  decodeTransport(out.ipProtocol, data, view, at + headerLength, ipEnd, out);
}

const IPV6_EXTENSION = new Set([0, 43, 60, 135, 139, 140]);

function decodeIpv6(data: Uint8Array, view: DataView, at: number, end: number, out: DecodedPacket): void {
  if (end - at < 40) return;
  if (data[at]! >> 4 !== 6) return;
  const payloadLength = view.getUint16(at + 4);
  const ipEnd = payloadLength === 0 ? end : Math.min(end, at + 40 + payloadLength);
  out.ipVersion = 6;
  out.ttl = data[at + 7]!;
  out.src6 = formatIpv6(data, at + 8);
  out.dst6 = formatIpv6(data, at + 24);
  let next = data[at + 6]!;
  let pos = at + 40;
  for (let hops = 0; hops < MAX_IPV6_EXTENSIONS; hops++) {
    if (IPV6_EXTENSION.has(next)) {
      if (pos + 8 > ipEnd) return;
      const following = data[pos]!;
      pos += (data[pos + 1]! + 1) * 8;
      next = following;
    } else if (next === 44) {
      if (pos + 8 > ipEnd) return;
      const offsetAndMore = view.getUint16(pos + 2);
      const offset = offsetAndMore & 0xfff8;
      const more = (offsetAndMore & 1) !== 0;
      next = data[pos]!;
      out.ipProtocol = next;
      out.ipId = view.getUint32(pos + 4);
      out.fragment =
        offset === 0 ? (more ? FRAGMENT.first : FRAGMENT.none) : more ? FRAGMENT.middle : FRAGMENT.last;
      if (offset !== 0) return; // only the first fragment carries the transport header
      pos += 8;
    } else if (next === 51) {
      if (pos + 8 > ipEnd) return;
      const following = data[pos]!;
      pos += (data[pos + 1]! + 2) * 4;
      next = following;
    } else break;
  }
  if (pos > ipEnd) return;
  decodeTransport(next, data, view, pos, ipEnd, out);
}

function decodeTransport(
  protocol: number,
  data: Uint8Array,
  view: DataView,
  at: number,
  end: number,
  out: DecodedPacket,
): void {
  if (protocol === 6) {
    if (end - at < 20) return;
    const headerLength = (data[at + 12]! >> 4) * 4;
    if (headerLength < 20 || at + headerLength > end) return;
    out.transport = 6;
    out.srcPort = view.getUint16(at);
    out.dstPort = view.getUint16(at + 2);
    out.tcpFlags = data[at + 13]!;
    out.payloadOffset = at + headerLength;
    out.payloadLength = end - at - headerLength;
  } else if (protocol === 17) {
    if (end - at < 8) return;
    const length = view.getUint16(at + 4);
    out.transport = 17;
    out.srcPort = view.getUint16(at);
    out.dstPort = view.getUint16(at + 2);
    out.payloadOffset = at + 8;
    // The UDP length bounds the payload too (0 is used for IPv6 jumbograms).
    out.payloadLength = length >= 8 ? Math.min(end, at + length) - at - 8 : Math.max(0, end - at - 8);
    if (out.payloadLength < 0) out.payloadLength = 0;
  }
}

export function formatIpv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
}

/** RFC 5952 text form: lower case, leading zeros dropped, the longest run of 2+ zero groups as "::". */
export function formatIpv6(data: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((data[at + 2 * i]! << 8) | data[at + 2 * i + 1]!);
  return formatIpv6Groups(groups);
}

export function formatMac(mac: number): string {
  const hex = mac.toString(16).padStart(12, '0');
  return hex.replace(/(..)(?!$)/g, '$1:');
}
