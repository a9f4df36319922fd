/**
 * One captured packet as the reader hands it out. The object and its `data` buffer are reused for the
 * next packet: a sink must copy whatever it wants to keep.
 */
export interface RawPacket {
  /** 0-based index of the packet in the capture. */
  index: number;
  /** Link-layer header type (LINKTYPE_*), per interface for pcapng. */
  linkType: number;
  /** Milliseconds since the Unix epoch, with a fraction. */
  timestampMs: number;
  /** Length of the packet on the wire. */
  originalLength: number;
  /** Bytes captured, available at data[offset .. offset + capturedLength). */
  capturedLength: number;
  data: Uint8Array;
  view: DataView;
  offset: number;
}

export type PacketSink = (packet: RawPacket) => void;

export function newRawPacket(): RawPacket {
  const empty = new Uint8Array(0);
  return {
    index: 0,
    linkType: 0,
    timestampMs: 0,
    originalLength: 0,
    capturedLength: 0,
    data: empty,
    view: new DataView(empty.buffer),
    offset: 0,
  };
}

/** Largest captured packet accepted, as libpcap and Wireshark do (WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_PACKET_LENGTH = 262_144;
