import { DecodedPacket, decodePacket, formatIpv4, formatMac, FRAGMENT, isInitialTtl } from './decode';
import { FlowState, type Recognition } from './flows';
import { l2Protocol } from './l2';
import { isRegisteredPort, type ProtocolSpec } from './protocols';
import type { OuiTable } from './oui';
import type { RawPacket } from './packet';
import { CaptureReader, type CaptureFormat } from './reader';
import { isoFromMs } from './time';

export interface CaptureFlow {
  a: string;
  aPort: number;
  b: string;
  bPort: number;
  transport: 'tcp' | 'udp';
  server: 'a' | 'b' | null;
  protocol: string | null;
  recognizedBy: Recognition | null;
  packets: number;
  bytes: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface CaptureAsset {
  ip: string;
  mac: string | null;
  vendor: string | null;
  protocols: string[];
  role: 'client' | 'server' | 'both' | null;
}

export interface CaptureL2 {
  src: string;
  dst: string;
  ethertype: number;
  protocol: string;
  frames: number;
}

export interface CaptureSummary {
  format: CaptureFormat | null;
  compressed: boolean;
  packets: number;
  flows: CaptureFlow[];
  assets: CaptureAsset[];
  l2: CaptureL2[];
  /** Conversations not kept because the flow limit was reached (their packets are still counted). */
  flowsOverLimit: number;
  /** What the reader could not read whole (a capture cut short mid-record), each saying where. */
  warnings: string[];
}

export interface AnalyzerOptions {
  /** Vendor lookup for asset MACs; without it every vendor is null. */
  oui?: OuiTable | null;
  /** Most conversations kept in memory; further new ones are counted in flowsOverLimit. */
  maxFlows?: number;
}

/** A MAC seen as the source of more distinct IPs than this is a router's, never bound to an IP. */
const GATEWAY_IP_COUNT = 2;
const MAX_L2_PAIRS = 100_000;
/** Fragmented datagrams waiting for their last fragment; more at once than this and the oldest are dropped. */
const MAX_PENDING_FRAGMENTS = 10_000;
const MAX_HOSTS = 1_000_000;
/** Sessions followed to a reply port (HART-IP); more at once than this and the oldest are forgotten. */
const MAX_SESSIONS = 10_000;

interface L2Entry {
  src: number;
  dst: number;
  ethertype: number;
  protocol: string;
  frames: number;
}

/** Other IP traffic (ICMP, IGMP, non-first fragments...): addresses and their MAC, for assets. */
interface HostSighting {
  mac: number;
  local: boolean;
}

/**
 * Reads a capture stream and aggregates it: conversations (like `tshark -z conv,tcp -z conv,udp`),
 * layer-2 industrial frames per MAC pair, and assets. Only aggregates are kept, never packets.
 */
export class CaptureAnalyzer {
  private readonly reader: CaptureReader;
  private readonly decoded = new DecodedPacket();
  private readonly tcp = new Map<string, FlowState>();
  private readonly udp = new Map<string, FlowState>();
  private readonly l2 = new Map<string, L2Entry>();
  private readonly arp = new Map<number, number>();
  private readonly hosts = new Map<string, HostSighting>();
  private readonly fragments = new Map<string, { transport: number; srcPort: number; dstPort: number }>();
  /** `client address|client port|server address` of a session whose server answers from another port. */
  private readonly sessions = new Map<string, ProtocolSpec>();
  private flowCount = 0;
  private flowsOverLimit = 0;
  private readonly maxFlows: number;

  constructor(private readonly options: AnalyzerOptions = {}) {
    this.maxFlows = options.maxFlows ?? 1_000_000;
    this.reader = new CaptureReader((packet) => this.onPacket(packet));
  }

  get bytesConsumed(): number {
    return this.reader.bytesConsumed;
  }

  get packets(): number {
    return this.reader.packetCount;
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  finish(): CaptureSummary {
    this.reader.finish();
    return this.summarySoFar();
  }

  /** What was read up to now: after a CaptureError (say, a capture cut short), the packets before it. */
  summarySoFar(): CaptureSummary {
    return this.summary();
  }

  private onPacket(packet: RawPacket): void {
    const d = this.decoded;
    decodePacket(packet, d);
    if (d.fragment !== FRAGMENT.none) this.onFragment(packet, d);
    else if (d.transport !== 0) this.onTransport(packet, d);
    else if (d.ipVersion !== 0) this.onOtherIp(d);
    else if (d.arpOp !== 0) this.onArp(d);
    else if (d.ethertype >= 0) this.onLayer2(packet, d);
  }

  private onTransport(packet: RawPacket, d: DecodedPacket): void {
    let srcId: number | string;
    let dstId: number | string;
    let key: string;
    if (d.ipVersion === 4) {
      srcId = d.src4 * 65536 + d.srcPort;
      dstId = d.dst4 * 65536 + d.dstPort;
      key = srcId < dstId ? `${srcId},${dstId}` : `${dstId},${srcId}`;
    } else {
      srcId = `${d.src6}]${d.srcPort}`;
      dstId = `${d.dst6}]${d.dstPort}`;
      key = srcId < dstId ? `${srcId},${dstId}` : `${dstId},${srcId}`;
    }
    const table = d.transport === 6 ? this.tcp : this.udp;
    let flow = table.get(key);
    if (!flow) {
      if (this.flowCount >= this.maxFlows) {
        this.flowsOverLimit++;
        return;
      }
      const v4 = d.ipVersion === 4;
      flow = new FlowState(
        d.transport === 6 ? 'tcp' : 'udp',
        v4 ? formatIpv4(d.src4) : d.src6,
        d.srcPort,
        v4 ? formatIpv4(d.dst4) : d.dst6,
        d.dstPort,
        srcId,
        v4 ? sameSubnet4(d.src4, d.dst4) : sameSubnet6(d.src6, d.dst6),
      );
      table.set(key, flow);
      this.flowCount++;
      if (flow.transport === 'udp') flow.followed = this.sessionOf(flow);
    }
    const known = flow.match;
    flow.add(srcId === flow.aId, d, packet.data, packet.originalLength, packet.timestampMs);
    if (flow.match !== known && flow.match?.followsSession) this.noteSession(flow, flow.match);
  }

  private sessionOf(flow: FlowState): ProtocolSpec | null {
    return (
      this.sessions.get(`${flow.a}|${flow.aPort}|${flow.b}`) ??
      this.sessions.get(`${flow.b}|${flow.bPort}|${flow.a}`) ??
      null
    );
  }

  /** The client is the side not on the protocol's registered port. */
  private noteSession(flow: FlowState, spec: ProtocolSpec): void {
    if (flow.followed) return;
    const aServes = isRegisteredPort(flow.transport, flow.aPort, spec.name);
    const key = aServes ? `${flow.b}|${flow.bPort}|${flow.a}` : `${flow.a}|${flow.aPort}|${flow.b}`;
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(key, spec);
  }

  /**
   * Like tshark (which reassembles IP by default), a fragmented datagram counts once in its
   * conversation, on the frame of its last fragment; the ports come from the first.
   */
  private onFragment(packet: RawPacket, d: DecodedPacket): void {
    const addresses = d.ipVersion === 4 ? `${d.src4},${d.dst4}` : `${d.src6},${d.dst6}`;
    const key = `${addresses},${d.ipId},${d.ipProtocol}`;
    if (d.fragment === FRAGMENT.first) {
      if (d.transport === 0) return this.onOtherIp(d);
      if (this.fragments.size >= MAX_PENDING_FRAGMENTS)
        this.fragments.delete(this.fragments.keys().next().value!);
      this.fragments.set(key, { transport: d.transport, srcPort: d.srcPort, dstPort: d.dstPort });
    } else if (d.fragment === FRAGMENT.last) {
      const first = this.fragments.get(key);
      if (!first) return this.onOtherIp(d);
      this.fragments.delete(key);
      d.transport = first.transport;
      d.srcPort = first.srcPort;
      d.dstPort = first.dstPort;
      d.tcpFlags = 0;
      d.payloadLength = 0;
      this.onTransport(packet, d);
    }
  }

  private onOtherIp(d: DecodedPacket): void {
    if (this.hosts.size >= MAX_HOSTS) return;
    const v4 = d.ipVersion === 4;
    const src = v4 ? formatIpv4(d.src4) : d.src6;
    const local = (v4 ? sameSubnet4(d.src4, d.dst4) : sameSubnet6(d.src6, d.dst6)) || isInitialTtl(d.ttl);
    const seen = this.hosts.get(src);
    if (!seen) this.hosts.set(src, { mac: d.srcMac, local });
    else if (seen.mac !== d.srcMac && d.srcMac >= 0) seen.mac = seen.mac === -1 ? d.srcMac : -2;
    if (seen && local) seen.local = true;
  }

  private onArp(d: DecodedPacket): void {
    if (d.arpSenderIp === 0 || this.arp.size >= MAX_HOSTS) return; // 0.0.0.0: an ARP probe, no address yet
    const known = this.arp.get(d.arpSenderIp);
    if (known === undefined) this.arp.set(d.arpSenderIp, d.arpSenderMac);
    else if (known !== d.arpSenderMac) this.arp.set(d.arpSenderIp, -2);
  }

  private onLayer2(packet: RawPacket, d: DecodedPacket): void {
    const protocol = l2Protocol(
      d.ethertype,
      packet.data,
      d.l2PayloadOffset,
      packet.offset + packet.capturedLength,
    );
    if (protocol === null) return;
    const key = `${d.srcMac},${d.dstMac},${d.ethertype},${protocol}`;
    const entry = this.l2.get(key);
    if (entry) entry.frames++;
    else if (this.l2.size < MAX_L2_PAIRS) {
      this.l2.set(key, { src: d.srcMac, dst: d.dstMac, ethertype: d.ethertype, protocol, frames: 1 });
    }
  }

  private summary(): CaptureSummary {
    const flows = [...this.tcp.values(), ...this.udp.values()];
    return {
      format: this.reader.format,
      compressed: this.reader.compressed,
      packets: this.reader.packetCount,
      flows: flows.map(flowRecord),
      assets: new AssetBuilder(this.options.oui ?? null).build(flows, this.arp, this.hosts),
      l2: [...this.l2.values()].map((entry) => ({
        src: entry.src >= 0 ? formatMac(entry.src) : '',
        dst: entry.dst >= 0 ? formatMac(entry.dst) : '',
        ethertype: entry.ethertype,
        protocol: entry.protocol,
        frames: entry.frames,
      })),
      flowsOverLimit: this.flowsOverLimit,
      warnings: [...this.reader.warnings],
    };
  }
}

function flowRecord(flow: FlowState): CaptureFlow {
  const { name, recognizedBy } = flow.protocol;
  return {
    a: flow.a,
    aPort: flow.aPort,
    b: flow.b,
    bPort: flow.bPort,
    transport: flow.transport,
    server: flow.server,
    protocol: name,
    recognizedBy,
    packets: flow.packets,
    bytes: flow.bytes,
    firstSeen: isoFromMs(flow.firstSeen),
    lastSeen: isoFromMs(flow.lastSeen),
  };
}

/**
 * Without netmasks, one /24 is taken as "the same subnet" (besides an unrouted TTL, see isInitialTtl);
 * a broadcast or multicast goes to the sender's own link.
 */
function sameSubnet4(src: number, dst: number): boolean {
  return (src ^ dst) >>> 8 === 0 || dst === 0xffffffff || dst >>> 28 === 0xe;
}

function sameSubnet6(src: string, dst: string): boolean {
  return src.startsWith('fe80:') || dst.startsWith('ff02:');
}

function isUnicast(ip: string): boolean {
  if (ip.includes(':')) return !ip.startsWith('ff') && ip !== '::';
  const first = Number(ip.slice(0, ip.indexOf('.')));
  return ip !== '0.0.0.0' && first < 224 && !ip.endsWith('.255');
}

interface AssetFacts {
  macs: Map<number, boolean>;
  arpMac: number;
  protocols: Set<string>;
  server: boolean;
  client: boolean;
}

class AssetBuilder {
  private readonly facts = new Map<string, AssetFacts>();
  /** Distinct source IPs of IP packets sent from each MAC: many means a router forwarding for others. */
  private readonly ipsPerMac = new Map<number, Set<string>>();
  /** Distinct IPs each MAC announced in ARP: many means proxy ARP, not the MAC's own addresses. */
  private readonly arpIpsPerMac = new Map<number, Set<string>>();

  constructor(private readonly oui: OuiTable | null) {}

  build(flows: FlowState[], arp: Map<number, number>, hosts: Map<string, HostSighting>): CaptureAsset[] {
    for (const [ip, mac] of arp) {
      const text = formatIpv4(ip);
      const facts = this.factsOf(text);
      if (facts) facts.arpMac = mac;
      if (mac >= 0) noteIp(this.arpIpsPerMac, mac, text);
    }
    for (const flow of flows) {
      const { name } = flow.protocol;
      const server = flow.server;
      const a = server === null ? null : server === 'a';
      const b = server === null ? null : server === 'b';
      this.fromFlowSide(flow.a, flow.aMac, flow.local || flow.aUnrouted, name, a);
      this.fromFlowSide(flow.b, flow.bMac, flow.local || flow.bUnrouted, name, b);
    }
    for (const [ip, sighting] of hosts) {
      const facts = this.factsOf(ip);
      if (sighting.mac >= 0) {
        noteIp(this.ipsPerMac, sighting.mac, ip);
        if (facts) facts.macs.set(sighting.mac, (facts.macs.get(sighting.mac) ?? false) || sighting.local);
      }
    }
    const assets: CaptureAsset[] = [];
    for (const [ip, facts] of this.facts) {
      const mac = this.boundMac(facts);
      const text = mac === null ? null : formatMac(mac);
      assets.push({
        ip,
        mac: text,
        vendor: text && this.oui ? this.oui.vendorOf(text) : null,
        protocols: [...facts.protocols].sort(),
        role:
          facts.server && facts.client ? 'both' : facts.server ? 'server' : facts.client ? 'client' : null,
      });
    }
    return assets.sort((x, y) => compareIps(x.ip, y.ip));
  }

  private fromFlowSide(
    ip: string,
    mac: number,
    local: boolean,
    protocol: string | null,
    isServer: boolean | null,
  ): void {
    if (mac >= 0) noteIp(this.ipsPerMac, mac, ip);
    const facts = this.factsOf(ip);
    if (!facts) return;
    if (mac >= 0) facts.macs.set(mac, (facts.macs.get(mac) ?? false) || local);
    if (mac === -2) facts.macs.set(-2, false);
    if (protocol) facts.protocols.add(protocol);
    if (isServer === true) facts.server = true;
    if (isServer === false) facts.client = true;
  }

  /**
   * ARP first (a MAC's own announcement, unless it announces many IPs: proxy ARP); else the one MAC seen
   * on same-subnet or unrouted traffic, unless that MAC sends for many IPs (a gateway).
   */
  private boundMac(facts: AssetFacts): number | null {
    if (facts.arpMac >= 0 && !fronts(this.arpIpsPerMac, facts.arpMac)) return facts.arpMac;
    if (facts.arpMac === -2) return null;
    const local = [...facts.macs].filter(([, isLocal]) => isLocal).map(([mac]) => mac);
    if (local.length !== 1 || facts.macs.has(-2)) return null;
    const mac = local[0]!;
    return fronts(this.ipsPerMac, mac) ? null : mac;
  }

  private factsOf(ip: string): AssetFacts | null {
    if (!isUnicast(ip)) return null;
    let facts = this.facts.get(ip);
    if (!facts) {
      facts = { macs: new Map(), arpMac: -1, protocols: new Set(), server: false, client: false };
      this.facts.set(ip, facts);
    }
    return facts;
  }
}

function noteIp(ipsPerMac: Map<number, Set<string>>, mac: number, ip: string): void {
  let ips = ipsPerMac.get(mac);
  if (!ips) ipsPerMac.set(mac, (ips = new Set()));
  if (ips.size <= GATEWAY_IP_COUNT) ips.add(ip);
}

/** The MAC stands for more IPs than one host plausibly has. */
function fronts(ipsPerMac: Map<number, Set<string>>, mac: number): boolean {
  return (ipsPerMac.get(mac)?.size ?? 0) > GATEWAY_IP_COUNT;
}

function compareIps(x: string, y: string): number {
  const xv6 = x.includes(':');
  const yv6 = y.includes(':');
  if (xv6 !== yv6) return xv6 ? 1 : -1;
  if (xv6) return x < y ? -1 : x > y ? 1 : 0;
  const xs = x.split('.').map(Number);
  const ys = y.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (xs[i] !== ys[i]) return xs[i]! - ys[i]!;
  return 0;
}

/** Streams chunks (a file read stream, Blob.slice reads in a Worker...) through an analyzer. */
export async function analyzeCapture(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: AnalyzerOptions & { onProgress?: (bytesConsumed: number) => void; signal?: AbortSignal } = {},
): Promise<CaptureSummary> {
  const analyzer = new CaptureAnalyzer(options);
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    analyzer.push(chunk);
    options.onProgress?.(analyzer.bytesConsumed);
  }
  return analyzer.finish();
}
