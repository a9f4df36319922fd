import type { Recognition } from '../model/inventory';
import { isInitialTtl, TCP_FLAG, type DecodedPacket } from './decode';
import {
  classifyPayload,
  isRegisteredPort,
  isWellKnownPort,
  protocolForPort,
  type ProtocolSpec,
  type Transport,
} from './protocols';

export type { Recognition };

/** Payload-carrying packets inspected per direction: handshakes come first, so look past them. */
const SAMPLES_PER_DIRECTION = 8;
/** A TPKT header shorter than this (4 bytes TPKT + 3 of COTP) is held for the next segment. */
const TPKT_HEAD = 7;

/** A segment holding only the start of a TPKT header (03 00 …), its COTP part still to come. */
function isPartialTpkt(data: Uint8Array, at: number, length: number): boolean {
  return length < TPKT_HEAD && data[at] === 3 && (length < 2 || data[at + 1] === 0);
}

/** One conversation: an unordered pair of (address, port) endpoints on one transport. */
export class FlowState {
  packets = 0;
  bytes = 0;
  firstSeen = Number.NaN;
  lastSeen = Number.NaN;
  /** Side that sent a SYN without ACK (the client), or that answered with SYN+ACK (the server). */
  synFrom: 'a' | 'b' | null = null;
  synAckFrom: 'a' | 'b' | null = null;
  samplesA = 0;
  samplesB = 0;
  match: ProtocolSpec | null = null;
  /** Source MAC seen on each side's packets: -1 none yet, -2 more than one. */
  aMac = -1;
  bMac = -1;
  /** A packet from this side arrived with an initial TTL, i.e. not routed (see isInitialTtl). */
  aUnrouted = false;
  bUnrouted = false;
  /**
   * A TPKT header split across TCP segments, held per direction until the next segment of that
   * direction (as tshark reassembles): at most TPKT_HEAD - 1 bytes each, so memory stays bounded.
   */
  private heldA: Uint8Array | null = null;
  private heldB: Uint8Array | null = null;
  /** A protocol whose session this flow continues (see ProtocolSpec.followsSession). */
  followed: ProtocolSpec | null = null;

  constructor(
    readonly transport: Transport,
    /** `a` is the source of the first packet seen, as in tshark. */
    readonly a: string,
    readonly aPort: number,
    readonly b: string,
    readonly bPort: number,
    /** Identity of endpoint a (address and port) as the aggregator keys it, to tell directions apart. */
    readonly aId: number | string,
    /** Both endpoints are on one subnet, so their packets carry their own MACs. */
    readonly local: boolean,
  ) {}

  add(
    fromA: boolean,
    packet: DecodedPacket,
    data: Uint8Array,
    frameLength: number,
    timestampMs: number,
  ): void {
    this.packets++;
    this.bytes += frameLength;
    if (Number.isNaN(this.firstSeen) || timestampMs < this.firstSeen) this.firstSeen = timestampMs;
    if (Number.isNaN(this.lastSeen) || timestampMs > this.lastSeen) this.lastSeen = timestampMs;
    const side = fromA ? 'a' : 'b';
    const mac = packet.srcMac;
    if (mac >= 0) {
      if (fromA) this.aMac = this.aMac === -1 || this.aMac === mac ? mac : -2;
      else this.bMac = this.bMac === -1 || this.bMac === mac ? mac : -2;
      if (isInitialTtl(packet.ttl)) {
        if (fromA) this.aUnrouted = true;
        else this.bUnrouted = true;
      }
    }
    if (this.transport === 'tcp') {
      const flags = packet.tcpFlags;
      if (flags & TCP_FLAG.syn) {
        if (flags & TCP_FLAG.ack) this.synAckFrom ??= side;
        else this.synFrom ??= side;
      }
    }
    if (packet.payloadLength <= 0 || (this.match && !this.match.provisional)) return;
    if (fromA ? this.samplesA >= SAMPLES_PER_DIRECTION : this.samplesB >= SAMPLES_PER_DIRECTION) return;
    if (fromA) this.samplesA++;
    else this.samplesB++;
    this.classify(fromA, packet, data);
  }

  private classify(fromA: boolean, packet: DecodedPacket, data: Uint8Array): void {
    let bytes = data;
    let at = packet.payloadOffset;
    let length = packet.payloadLength;
    if (this.transport === 'tcp') {
      const held = fromA ? this.heldA : this.heldB;
      if (fromA) this.heldA = null;
      else this.heldB = null;
      if (held) {
        bytes = new Uint8Array(held.length + length);
        bytes.set(held);
        bytes.set(data.subarray(at, at + length), held.length);
        at = 0;
        length = bytes.length;
      } else if (isPartialTpkt(data, at, length)) {
        const copy = data.slice(at, at + length);
        if (fromA) this.heldA = copy;
        else this.heldB = copy;
        return;
      }
    }
    // Weak checks only on the server's port once a SYN tells which it is: client ports mislead.
    const server = (this.synFrom ?? this.synAckFrom) ? this.server : null;
    const ports =
      server === null ? [packet.dstPort, packet.srcPort] : [server === 'a' ? this.aPort : this.bPort];
    let spec = classifyPayload(this.transport, bytes, at, length, ports);
    if (!spec && this.followed?.check!(bytes, at, length, this.transport)) spec = this.followed;
    if (spec && (!this.match || this.match.provisional)) this.match = spec;
  }

  /** Which side serves: the SYN's receiver; else the side on a well-known port; else the lower port. */
  get server(): 'a' | 'b' | null {
    if (this.synFrom) return this.synFrom === 'a' ? 'b' : 'a';
    if (this.synAckFrom) return this.synAckFrom;
    const aKnown = isWellKnownPort(this.transport, this.aPort);
    const bKnown = isWellKnownPort(this.transport, this.bPort);
    if (aKnown !== bKnown) return aKnown ? 'a' : 'b';
    if (this.aPort === this.bPort) return null;
    return this.aPort < this.bPort ? 'a' : 'b';
  }

  get serverPort(): number | null {
    const server = this.server;
    return server === null ? null : server === 'a' ? this.aPort : this.bPort;
  }

  /** The protocol and how it was recognised. */
  get protocol(): { name: string | null; recognizedBy: Recognition | null } {
    const serverPort = this.serverPort;
    const ports = serverPort === null ? [this.aPort, this.bPort] : [serverPort];
    const match = this.match;
    if (match && !match.provisional) {
      const standard =
        match === this.followed || ports.some((port) => isRegisteredPort(this.transport, port, match.name));
      return { name: match.name, recognizedBy: standard ? 'payload' : 'payload-nonstandard-port' };
    }
    for (const port of ports) {
      const name = protocolForPort(this.transport, port);
      if (name) return { name, recognizedBy: 'port' };
    }
    if (match) return { name: match.name, recognizedBy: 'payload-nonstandard-port' };
    return { name: null, recognizedBy: null };
  }
}
