/**
 * A synthetic plant capture of any size, produced chunk by chunk so it never sits in memory whole. Pure
 * (no Node built-ins): the same generator can fill a Blob in a browser Worker benchmark.
 */
import {
  concatBytes,
  ethernetFrame,
  hex,
  ipv4Packet,
  pcapFile,
  pcapRecord,
  TCP,
  tcpSegment,
  udpDatagram,
} from '../unit/shared/traffic/synthetic';

const MODBUS_REQUEST = hex('0001 0000 0006 01 03 0000 000a');
const MODBUS_RESPONSE = concatBytes([hex('0001 0000 0017 01 03 14'), new Uint8Array(20)]);
const S7_READ = hex('0300 001f 02f080 32 01 0000 0100 000e 0000 04 01 12 0a 10 02 0001 0001 84 000000');
const ENIP_IO = concatBytes(
  [
    hex('6f00 2800 01000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0000 b200 1800'),
  ].concat([new Uint8Array(24)]),
);
const BACNET = hex('810b 000c 0120 ffff 00ff 1008');

function macOf(host: number): string {
  return `000e8c${(host >> 8).toString(16).padStart(2, '0')}${(host & 0xff).toString(16).padStart(2, '0')}01`;
}

function ipOf(host: number): string {
  return `10.${(host >> 8) & 0xff}.${host & 0xff}.${(host % 200) + 10}`;
}

/** Frames of one conversation: a mix of small OT polls and full-size bulk segments. */
function conversationFrames(index: number): Uint8Array[] {
  const client = index % 50;
  const server = 100 + (index % 400);
  const clientPort = 49152 + index;
  const tcp = (fromClient: boolean, dstPort: number, flags: number, payload: Uint8Array) => {
    const [src, dst] = fromClient ? [client, server] : [server, client];
    const segment = fromClient
      ? tcpSegment(clientPort, dstPort, flags, payload)
      : tcpSegment(dstPort, clientPort, flags, payload);
    return ethernetFrame(macOf(dst), macOf(src), 0x0800, ipv4Packet(ipOf(src), ipOf(dst), 6, segment));
  };
  switch (index % 5) {
    case 0:
      return [
        tcp(true, 502, TCP.ack | TCP.psh, MODBUS_REQUEST),
        tcp(false, 502, TCP.ack | TCP.psh, MODBUS_RESPONSE),
      ];
    case 1:
      return [tcp(true, 102, TCP.ack | TCP.psh, S7_READ), tcp(false, 102, TCP.ack, new Uint8Array(0))];
    case 2:
      return [tcp(true, 44818, TCP.ack | TCP.psh, ENIP_IO), tcp(false, 44818, TCP.ack | TCP.psh, ENIP_IO)];
    case 3:
      // Bulk transfer (historian, file share): full-size segments dominate the bytes.
      return [
        tcp(false, 443, TCP.ack, new Uint8Array(1460).fill(0x17)),
        tcp(false, 443, TCP.ack, new Uint8Array(1460).fill(0x17)),
        tcp(true, 443, TCP.ack, new Uint8Array(0)),
      ];
    default: {
      const udp = udpDatagram(47808, 47808, BACNET);
      return [
        ethernetFrame(
          'ffffffffffff',
          macOf(client),
          0x0800,
          ipv4Packet(ipOf(client), '10.0.255.255', 17, udp),
        ),
      ];
    }
  }
}

export interface SyntheticCaptureOptions {
  /** Conversations to spread the packets over. */
  conversations?: number;
  /** Size of each yielded chunk. */
  chunkSize?: number;
}

/** Yields a classic pcap of about `totalBytes` (never less), in chunks of `chunkSize`. */
export function* syntheticCapture(
  totalBytes: number,
  options: SyntheticCaptureOptions = {},
): Generator<Uint8Array> {
  const conversations = options.conversations ?? 5000;
  const chunkSize = options.chunkSize ?? 4 << 20;
  const templates: Uint8Array[] = [];
  for (let i = 0; i < conversations; i++) {
    for (const frame of conversationFrames(i)) templates.push(pcapRecord({ time: 0, data: frame }));
  }
  let chunk = new Uint8Array(chunkSize);
  const header = pcapFile([]);
  chunk.set(header);
  let fill = header.length;
  let written = 0;
  let time = 1_700_000_000 * 1e6;
  for (let i = 0; written + fill < totalBytes; i = (i + 1) % templates.length) {
    const record = templates[i]!;
    if (fill + record.length > chunk.length) {
      yield chunk.subarray(0, fill);
      written += fill;
      chunk = new Uint8Array(chunkSize);
      fill = 0;
    }
    chunk.set(record, fill);
    time += 7;
    const view = new DataView(chunk.buffer, fill, 8);
    view.setUint32(0, Math.floor(time / 1e6), true);
    view.setUint32(4, time % 1e6, true);
    fill += record.length;
  }
  if (fill > 0) yield chunk.subarray(0, fill);
}
