import { CaptureError } from './errors';
import type { RecordFormat } from './framer';
import { MAX_PACKET_LENGTH, newRawPacket, type PacketSink } from './packet';

const FILE_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;

/** Classic pcap magic numbers as read big-endian from the first four bytes. */
export const PCAP_MAGICS = {
  microsBigEndian: 0xa1b2c3d4,
  microsLittleEndian: 0xd4c3b2a1,
  nanosBigEndian: 0xa1b23c4d,
  nanosLittleEndian: 0x4d3cb2a1,
} as const;
const MODIFIED_PCAP_MAGICS = new Set([0xa1b2cd34, 0x34cdb2a1]);

export function isPcapMagic(magic: number): boolean {
  return Object.values(PCAP_MAGICS).includes(magic as never) || MODIFIED_PCAP_MAGICS.has(magic);
}

/** Classic libpcap format: a 24-byte file header, then 16-byte record headers each followed by the packet. */
export class PcapFormat implements RecordFormat {
  headerLength = FILE_HEADER_LENGTH;
  private inHeader = true;
  private littleEndian = false;
  private fractionPerMs = 1000;
  private snapLength = 0;
  private linkType = 0;
  private readonly packet = newRawPacket();

  constructor(private readonly sink: PacketSink) {}

  recordLength(view: DataView, pos: number, fileOffset: number): number {
    if (this.inHeader) return FILE_HEADER_LENGTH;
    const captured = view.getUint32(pos + 8, this.littleEndian);
    const index = this.packet.index;
    if (captured === 0) throw new CaptureError('pcap record has a zero-length packet', fileOffset, index);
    if (captured > MAX_PACKET_LENGTH) {
      throw new CaptureError(
        `pcap record claims a ${captured}-byte packet, larger than the ${MAX_PACKET_LENGTH}-byte maximum`,
        fileOffset,
        index,
      );
    }
    if (this.snapLength > 0 && captured > this.snapLength) {
      throw new CaptureError(
        `pcap record has captured length ${captured}, larger than the file's snap length ${this.snapLength}`,
        fileOffset,
        index,
      );
    }
    return RECORD_HEADER_LENGTH + captured;
  }

  onRecord(data: Uint8Array, view: DataView, pos: number, length: number, fileOffset: number): void {
    if (this.inHeader) {
      this.readFileHeader(view, pos);
      this.inHeader = false;
      this.headerLength = RECORD_HEADER_LENGTH;
      return;
    }
    const le = this.littleEndian;
    const packet = this.packet;
    const seconds = view.getUint32(pos, le);
    const fraction = view.getUint32(pos + 4, le);
    const captured = length - RECORD_HEADER_LENGTH;
    const original = view.getUint32(pos + 12, le);
    if (captured > original) {
      throw new CaptureError(
        `pcap record has captured length ${captured}, larger than the packet's length ${original}`,
        fileOffset,
        packet.index,
      );
    }
    packet.linkType = this.linkType;
    packet.timestampMs = seconds * 1000 + fraction / this.fractionPerMs;
    packet.originalLength = original;
    packet.capturedLength = captured;
    packet.data = data;
    packet.view = view;
    packet.offset = pos + RECORD_HEADER_LENGTH;
    this.sink(packet);
    packet.index++;
  }

  describeIncomplete(fileOffset: number): string {
    return this.inHeader
      ? 'the pcap file header'
      : `pcap record ${this.packet.index + 1} at byte ${fileOffset}`;
  }

  get packetCount(): number {
    return this.packet.index;
  }

  private readFileHeader(view: DataView, pos: number): void {
    const magic = view.getUint32(pos, false);
    if (MODIFIED_PCAP_MAGICS.has(magic)) {
      throw new CaptureError('unsupported capture format: Kuznetzov "modified pcap" (magic a1b2cd34)', 0);
    }
    this.littleEndian = magic === PCAP_MAGICS.microsLittleEndian || magic === PCAP_MAGICS.nanosLittleEndian;
    const nanos = magic === PCAP_MAGICS.nanosBigEndian || magic === PCAP_MAGICS.nanosLittleEndian;
    this.fractionPerMs = nanos ? 1_000_000 : 1000;
    const major = view.getUint16(pos + 4, this.littleEndian);
    if (major !== 2) throw new CaptureError(`unsupported pcap version ${major} (expected 2)`, 4);
    this.snapLength = view.getUint32(pos + 16, this.littleEndian);
    // The upper bits of the link-type field carry FCS information, not the link type.
    this.linkType = view.getUint32(pos + 20, this.littleEndian) & 0x0fffffff & 0xffff;
  }
}
