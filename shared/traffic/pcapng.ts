import { CaptureError } from './errors';
import type { RecordFormat } from './framer';
import { MAX_PACKET_LENGTH, newRawPacket, type PacketSink } from './packet';

export const PCAPNG_SHB_MAGIC = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** Largest block accepted: Wireshark's own limit is 16 MiB, which no real block comes near. */
export const MAX_BLOCK_LENGTH = 16 * 1024 * 1024;
/** Interfaces per section; a real capture has a handful. Bounds memory on hostile input. */
const MAX_INTERFACES = 65_536;

const BLOCK = {
  sectionHeader: PCAPNG_SHB_MAGIC,
  interfaceDescription: 1,
  obsoletePacket: 2,
  simplePacket: 3,
  enhancedPacket: 6,
} as const;

interface Interface {
  linkType: number;
  snapLength: number;
  /** Timestamp units per millisecond. */
  unitsPerMs: number;
  offsetMs: number;
}

/** pcapng: blocks of (type, length, body, length), in sections that each set their byte order and interfaces. */
export class PcapngFormat implements RecordFormat {
  // Every block is at least 12 bytes, and 12 are needed to read a section header's byte-order magic.
  readonly headerLength = 12;
  private littleEndian = true;
  private inSection = false;
  private sectionIndex = -1;
  private interfaces: Interface[] = [];
  private readonly packet = newRawPacket();

  constructor(private readonly sink: PacketSink) {}

  get packetCount(): number {
    return this.packet.index;
  }

  recordLength(view: DataView, pos: number, fileOffset: number): number {
    const type = view.getUint32(pos, this.littleEndian);
    if (type === BLOCK.sectionHeader) {
      const order = view.getUint32(pos + 8, false);
      if (order === BYTE_ORDER_MAGIC) this.littleEndian = false;
      else if (order === 0x4d3c2b1a) this.littleEndian = true;
      else {
        throw new CaptureError(
          `pcapng section header has an invalid byte-order magic ${order.toString(16).padStart(8, '0')}`,
          fileOffset + 8,
        );
      }
    } else if (!this.inSection) {
      throw new CaptureError('pcapng file does not start with a section header block', fileOffset);
    }
    const length = view.getUint32(pos + 4, this.littleEndian);
    const name = blockName(type);
    if (length > MAX_BLOCK_LENGTH) {
      throw new CaptureError(
        `pcapng ${name} has length ${length} bytes, larger than the ${MAX_BLOCK_LENGTH}-byte limit`,
        fileOffset + 4,
        this.packet.index,
      );
    }
    if (length < 12 || length % 4 !== 0) {
      throw new CaptureError(
        `pcapng ${name} has invalid length ${length} (must be a multiple of 4, at least 12)`,
        fileOffset + 4,
        this.packet.index,
      );
    }
    return length;
  }

  onRecord(data: Uint8Array, view: DataView, pos: number, length: number, fileOffset: number): void {
    const le = this.littleEndian;
    const type = view.getUint32(pos, le);
    const trailing = view.getUint32(pos + length - 4, le);
    if (trailing !== length) {
      throw new CaptureError(
        `pcapng ${blockName(type)} has length ${length} at its start but ${trailing} at its end`,
        fileOffset + length - 4,
        this.packet.index,
      );
    }
    switch (type) {
      case BLOCK.sectionHeader:
        this.readSectionHeader(view, pos, length, fileOffset);
        return;
      case BLOCK.interfaceDescription:
        this.readInterface(data, view, pos, length, fileOffset);
        return;
      case BLOCK.enhancedPacket:
        this.readPacket(data, view, pos, length, fileOffset, view.getUint32(pos + 8, le), true);
        return;
      case BLOCK.obsoletePacket:
        this.readPacket(data, view, pos, length, fileOffset, view.getUint16(pos + 8, le), false);
        return;
      case BLOCK.simplePacket:
        this.readSimplePacket(data, view, pos, length, fileOffset);
        return;
      default:
        return; // name resolution, statistics, custom, decryption secrets...: not needed here
    }
  }

  describeIncomplete(fileOffset: number): string {
    return `pcapng block at byte ${fileOffset}`;
  }

  private readSectionHeader(view: DataView, pos: number, length: number, fileOffset: number): void {
    if (length < 28)
      throw new CaptureError(`pcapng section header block too short (${length} bytes)`, fileOffset);
    const major = view.getUint16(pos + 12, this.littleEndian);
    if (major !== 1)
      throw new CaptureError(`unsupported pcapng version ${major} (expected 1)`, fileOffset + 12);
    this.inSection = true;
    this.sectionIndex++;
    this.interfaces = [];
  }

  private readInterface(
    data: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
  ): void {
    const le = this.littleEndian;
    if (length < 20) throw new CaptureError(`pcapng interface block too short (${length} bytes)`, fileOffset);
    if (this.interfaces.length >= MAX_INTERFACES) {
      throw new CaptureError(`pcapng section has more than ${MAX_INTERFACES} interfaces`, fileOffset);
    }
    const iface: Interface = {
      linkType: view.getUint16(pos + 8, le),
      snapLength: view.getUint32(pos + 12, le),
      unitsPerMs: 1000,
      offsetMs: 0,
    };
    // Options: (code u16, length u16, value padded to 4) until opt_endofopt or the block's end.
    const end = pos + length - 4;
    let at = pos + 16;
    while (at + 4 <= end) {
      const code = view.getUint16(at, le);
      const optionLength = view.getUint16(at + 2, le);
      const value = at + 4;
      if (code === 0) break;
      if (value + optionLength > end) {
        throw new CaptureError(
          `pcapng interface option ${code} runs past the end of its block`,
          fileOffset + at - pos,
        );
      }
      if (code === 9 && optionLength >= 1) iface.unitsPerMs = unitsPerMs(data[value] ?? 6);
      // if_tsoffset: signed seconds added to every timestamp of the interface.
      if (code === 14 && optionLength >= 8) iface.offsetMs = Number(view.getBigInt64(value, le)) * 1000;
      at = value + ((optionLength + 3) & ~3);
    }
    this.interfaces.push(iface);
  }

  private interfaceOf(id: number, fileOffset: number): Interface {
    const iface = this.interfaces[id];
    if (!iface) {
      throw new CaptureError(
        `pcapng packet refers to interface ${id}, but section ${this.sectionIndex + 1} defines ${this.interfaces.length}`,
        fileOffset,
        this.packet.index,
      );
    }
    return iface;
  }

  private readPacket(
    data: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
    interfaceId: number,
    enhanced: boolean,
  ): void {
    const le = this.littleEndian;
    const index = this.packet.index;
    const kind = enhanced ? 'enhanced packet block' : 'packet block';
    if (length < 32) throw new CaptureError(`pcapng ${kind} too short (${length} bytes)`, fileOffset, index);
    const iface = this.interfaceOf(interfaceId, fileOffset);
    const captured = view.getUint32(pos + 20, le);
    const original = view.getUint32(pos + 24, le);
    this.checkLengths(kind, captured, original, length - 32, iface, fileOffset);
    const units = view.getUint32(pos + 12, le) * 4294967296 + view.getUint32(pos + 16, le);
    this.emit(data, view, pos + 28, captured, original, iface, units / iface.unitsPerMs + iface.offsetMs);
  }

  private readSimplePacket(
    data: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
  ): void {
    const index = this.packet.index;
    if (length < 16)
      throw new CaptureError(`pcapng simple packet block too short (${length} bytes)`, fileOffset, index);
    const iface = this.interfaceOf(0, fileOffset);
    const original = view.getUint32(pos + 8, this.littleEndian);
    const room = length - 16;
    const captured = Math.min(original, room, iface.snapLength > 0 ? iface.snapLength : room);
    this.checkLengths('simple packet block', captured, original, room, iface, fileOffset);
    this.emit(data, view, pos + 12, captured, original, iface, Number.NaN);
  }

  private checkLengths(
    kind: string,
    captured: number,
    original: number,
    room: number,
    iface: Interface,
    fileOffset: number,
  ): void {
    const index = this.packet.index;
    if (captured === 0) throw new CaptureError(`pcapng ${kind} has a zero-length packet`, fileOffset, index);
    if (captured > room) {
      throw new CaptureError(
        `pcapng ${kind} has captured length ${captured}, larger than the ${room} bytes its block holds`,
        fileOffset,
        index,
      );
    }
    if (captured > MAX_PACKET_LENGTH) {
      throw new CaptureError(
        `pcapng ${kind} has a ${captured}-byte packet, larger than the ${MAX_PACKET_LENGTH}-byte maximum`,
        fileOffset,
        index,
      );
    }
    if (captured > original) {
      throw new CaptureError(
        `pcapng ${kind} has captured length ${captured}, larger than the packet's length ${original}`,
        fileOffset,
        index,
      );
    }
    if (iface.snapLength > 0 && captured > iface.snapLength) {
      throw new CaptureError(
        `pcapng ${kind} has captured length ${captured}, larger than its interface's snap length ${iface.snapLength}`,
        fileOffset,
        index,
      );
    }
  }

  private emit(
    data: Uint8Array,
    view: DataView,
    offset: number,
    captured: number,
    original: number,
    iface: Interface,
    timestampMs: number,
  ): void {
    const packet = this.packet;
    packet.linkType = iface.linkType;
    packet.timestampMs = timestampMs;
    packet.originalLength = original;
    packet.capturedLength = captured;
    packet.data = data;
    packet.view = view;
    packet.offset = offset;
    this.sink(packet);
    packet.index++;
  }
}

/** if_tsresol: high bit clear = 10^-n seconds, set = 2^-n seconds. */
function unitsPerMs(tsresol: number): number {
  const exponent = tsresol & 0x7f;
  const perSecond = tsresol & 0x80 ? 2 ** exponent : 10 ** exponent;
  return perSecond / 1000;
}

function blockName(type: number): string {
  switch (type) {
    case BLOCK.sectionHeader:
      return 'section header block';
    case BLOCK.interfaceDescription:
      return 'interface description block';
    case BLOCK.enhancedPacket:
      return 'enhanced packet block';
    case BLOCK.simplePacket:
      return 'simple packet block';
    case BLOCK.obsoletePacket:
      return 'packet block';
    default:
      return `block of type 0x${type.toString(16)}`;
  }
}
