/**
 * Protocol names with their registered ports and a cheap payload check, from the facts in
 * shared/traffic/PROTOCOLS.md. A "strong" check is specific enough to name the protocol on any port;
 * a weak one only confirms the protocol on its own port.
 */
export type Transport = 'tcp' | 'udp';

/** A check sees one transport payload: p[at .. at + length). */
export type PayloadCheck = (p: Uint8Array, at: number, length: number, transport: Transport) => boolean;

export interface ProtocolSpec {
  name: string;
  tcp?: readonly (number | readonly [number, number])[];
  udp?: readonly (number | readonly [number, number])[];
  check?: PayloadCheck;
  strong?: boolean;
  /** When the check matches a handshake that does not decide the protocol (COTP connect), keep looking. */
  provisional?: boolean;
  /**
   * The server answers from another port than the one asked (HART-IP: a session opened on UDP 5094
   * goes on from 5095): datagrams between the server and the client's address and port that pass the
   * check carry the same protocol, as tshark follows the session.
   */
  followsSession?: boolean;
}

const u16be = (p: Uint8Array, i: number): number => (p[i]! << 8) | p[i + 1]!;
const u16le = (p: Uint8Array, i: number): number => p[i]! | (p[i + 1]! << 8);
const u32le = (p: Uint8Array, i: number): number =>
  (p[i]! | (p[i + 1]! << 8) | (p[i + 2]! << 16) | (p[i + 3]! << 24)) >>> 0;
const ascii = (p: Uint8Array, at: number, length: number, text: string): boolean => {
  if (length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (p[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** Modbus/TCP: MBAP headers (protocol id 0, length = bytes that follow) back to back, sane function codes. */
const modbus: PayloadCheck = (p, at, length) => {
  let pos = at;
  const end = at + length;
  if (length < 8) return false;
  while (pos < end) {
    if (end - pos < 8) return false;
    if (p[pos + 2] !== 0 || p[pos + 3] !== 0) return false;
    const follow = u16be(p, pos + 4);
    if (follow < 2 || follow > 254) return false;
    const fn = p[pos + 7]! & 0x7f;
    if (fn === 0) return false;
    pos += 6 + follow;
  }
  return pos === end;
};

/** TPKT (03 00 len) carrying COTP. Returns the COTP PDU type and where its user data starts, or null. */
function cotp(p: Uint8Array, at: number, length: number): { type: number; data: number } | null {
  if (length < 7 || p[at] !== 3 || p[at + 1] !== 0) return null;
  const tpktLength = u16be(p, at + 2);
  if (tpktLength < 7 || tpktLength > length) return null;
  const li = p[at + 4]!;
  if (li < 2 || 5 + li > tpktLength) return null;
  return { type: p[at + 5]! & 0xf0, data: at + 5 + li };
}

const COTP_DATA = 0xf0;
const COTP_CONNECT_REQUEST = 0xe0;
const COTP_CONNECT_CONFIRM = 0xd0;

const cotpPayload =
  (test: (first: number, second: number) => boolean): PayloadCheck =>
  (p, at, length) => {
    const unit = cotp(p, at, length);
    if (!unit || unit.type !== COTP_DATA || unit.data >= at + length) return false;
    return test(p[unit.data]!, p[unit.data + 1] ?? -1);
  };

const cotpConnect: PayloadCheck = (p, at, length) => {
  const unit = cotp(p, at, length);
  return unit !== null && (unit.type === COTP_CONNECT_REQUEST || unit.type === COTP_CONNECT_CONFIRM);
};

/** ISO session SPDU types seen ahead of MMS: give-tokens+data, connect, accept, finish, disconnect, abort. */
const isoSession = (first: number, second: number): boolean =>
  (first === 0x01 && second === 0x00) || [0x0d, 0x0e, 0x09, 0x0a, 0x19, 0x0c].includes(first);

/**
 * MMS PDUs straight on COTP with no session or presentation layer (as some IEC 61850 test tools
 * send them): a BER tag of the MMS PDU CHOICE (confirmed request/response/error, unconfirmed,
 * reject, cancel, initiate, conclude) followed by a definite length.
 */
const MMS_PDU_TAGS = new Set([
  0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x85, 0x86, 0xa7, 0xa8, 0xa9, 0xaa, 0x8b, 0x8c, 0xad,
]);
const mmsPdu = (first: number, second: number): boolean =>
  MMS_PDU_TAGS.has(first) && second >= 0 && (second < 0x80 || second === 0x81 || second === 0x82);

const ENIP_COMMANDS = new Set([0x04, 0x63, 0x64, 0x65, 0x66, 0x6f, 0x70, 0x72, 0x73]);
/** EtherNet/IP encapsulation: 24-byte headers with a known command, zero options, tiling the payload exactly. */
const enip: PayloadCheck = (p, at, length) => {
  let pos = at;
  const end = at + length;
  if (length < 24) return false;
  while (pos < end) {
    if (end - pos < 24) return false;
    if (p[pos + 1] !== 0 || !ENIP_COMMANDS.has(p[pos]!)) return false;
    if (p[pos + 20] !== 0 || p[pos + 21] !== 0 || p[pos + 22] !== 0 || p[pos + 23] !== 0) return false;
    pos += 24 + u16le(p, pos + 2);
  }
  return pos === end;
};

/** CIP I/O (class 0/1 over UDP): common packet format items whose lengths fill the datagram exactly. */
const cipIo: PayloadCheck = (p, at, length) => {
  if (length < 6) return false;
  const count = u16le(p, at);
  if (count < 1 || count > 8) return false;
  let pos = at + 2;
  const end = at + length;
  for (let i = 0; i < count; i++) {
    if (end - pos < 4) return false;
    pos += 4 + u16le(p, pos + 2);
  }
  return pos === end;
};

/** DNP3 link layer: 05 64, length ≥ 5, and enough bytes for the frame with its CRCs. */
const dnp3: PayloadCheck = (p, at, length) => {
  if (length < 10 || p[at] !== 0x05 || p[at + 1] !== 0x64) return false;
  const linkLength = p[at + 2]!;
  if (linkLength < 5) return false;
  const user = linkLength - 5;
  return length >= 10 + user + 2 * Math.ceil(user / 16);
};

const bacnet: PayloadCheck = (p, at, length) =>
  length >= 4 && p[at] === 0x81 && p[at + 1]! <= 0x0b && u16be(p, at + 2) === length;

const OPCUA_TYPES = ['HEL', 'ACK', 'OPN', 'MSG', 'CLO', 'ERR', 'RHE'];
const opcua: PayloadCheck = (p, at, length) => {
  if (length < 8) return false;
  const chunk = p[at + 3];
  if (chunk !== 0x46 && chunk !== 0x43 && chunk !== 0x41) return false; // F, C, A
  if (!OPCUA_TYPES.some((type) => ascii(p, at, length, type))) return false;
  const size = u32le(p, at + 4);
  return size >= 8 && size <= length;
};

/** IEC 60870-5-104 APDUs: 68 len (4..253), back to back, filling the segment exactly. */
const iec104: PayloadCheck = (p, at, length) => {
  let pos = at;
  const end = at + length;
  if (length < 6) return false;
  while (pos < end) {
    if (end - pos < 6 || p[pos] !== 0x68) return false;
    const apdu = p[pos + 1]!;
    if (apdu < 4 || apdu > 253) return false;
    pos += 2 + apdu;
  }
  return pos === end;
};

/** DCE/RPC v4 (connectionless) whose interface UUID is one of PROFINET IO's DEA0000x-6C97-11D1-8271-00A02442DF7D. */
const profinetCm: PayloadCheck = (p, at, length) => {
  if (length < 80 || p[at] !== 4) return false;
  const littleEndian = (p[at + 4]! & 0x10) !== 0;
  const uuid = at + 24;
  const head = littleEndian ? [p[uuid + 3], p[uuid + 2], p[uuid + 1]] : [p[uuid], p[uuid + 1], p[uuid + 2]];
  if (head[0] !== 0xde || head[1] !== 0xa0 || head[2] !== 0x00) return false;
  const tail = [0x82, 0x71, 0x00, 0xa0, 0x24, 0x42, 0xdf, 0x7d];
  return tail.every((byte, i) => p[uuid + 8 + i] === byte);
};

const mqtt: PayloadCheck = (p, at, length) => {
  if (length < 12 || p[at] !== 0x10) return false;
  let pos = at + 1;
  for (let i = 0; i < 4 && p[pos]! & 0x80; i++) pos++;
  pos++;
  const rest = at + length - pos;
  return (
    (p[pos] === 0 && p[pos + 1] === 4 && ascii(p, pos + 2, rest - 2, 'MQTT')) ||
    (p[pos] === 0 && p[pos + 1] === 6 && ascii(p, pos + 2, rest - 2, 'MQIsdp'))
  );
};

const TLS_CONTENT_TYPES = new Set([0x14, 0x15, 0x16, 0x17]);
const tls: PayloadCheck = (p, at, length) =>
  length >= 6 &&
  TLS_CONTENT_TYPES.has(p[at]!) &&
  p[at + 1] === 3 &&
  p[at + 2]! <= 4 &&
  u16be(p, at + 3) > 0 &&
  u16be(p, at + 3) <= 18_432 &&
  (p[at] !== 0x16 || p[at + 5]! <= 24);

const HTTP_STARTS = [
  'GET ',
  'POST ',
  'PUT ',
  'HEAD ',
  'DELETE ',
  'OPTIONS ',
  'PATCH ',
  'CONNECT ',
  'HTTP/1.',
];
const http: PayloadCheck = (p, at, length) => HTTP_STARTS.some((start) => ascii(p, at, length, start));

/** SMB over NetBIOS session service: 00 + 24-bit length, then \xFFSMB or \xFESMB (or \xFDSMB, encrypted). */
const smb: PayloadCheck = (p, at, length) =>
  length >= 8 &&
  p[at] === 0 &&
  (p[at + 4] === 0xff || p[at + 4] === 0xfe || p[at + 4] === 0xfd) &&
  ascii(p, at + 5, length - 5, 'SMB');

const dhcp: PayloadCheck = (p, at, length) =>
  length >= 240 &&
  (p[at] === 1 || p[at] === 2) &&
  p[at + 236] === 0x63 &&
  p[at + 237] === 0x82 &&
  p[at + 238] === 0x53 &&
  p[at + 239] === 0x63;

/** DNS header: at most a few questions, opcode query/notify/update, and counts that fit the message. */
const dns: PayloadCheck = (p, at, length, transport) => {
  const base = transport === 'tcp' ? at + 2 : at;
  const size = transport === 'tcp' ? length - 2 : length;
  if (size < 12) return false;
  const opcode = (p[base + 2]! >> 3) & 0x0f;
  const questions = u16be(p, base + 4);
  return (opcode === 0 || opcode === 4 || opcode === 5) && questions <= 16 && u16be(p, base + 6) <= 256;
};

/** SNMP: a BER SEQUENCE holding INTEGER version 0, 1 or 3. */
const snmp: PayloadCheck = (p, at, length) => {
  if (length < 8 || p[at] !== 0x30) return false;
  let pos = at + 2;
  if (p[at + 1]! & 0x80) pos += p[at + 1]! & 0x7f;
  return p[pos] === 0x02 && p[pos + 1] === 0x01 && [0, 1, 3].includes(p[pos + 2]!);
};

const ntp: PayloadCheck = (p, at, length) => {
  if (length < 48) return false;
  const version = (p[at]! >> 3) & 0x07;
  const mode = p[at]! & 0x07;
  return version >= 1 && version <= 4 && mode >= 1 && mode <= 5;
};

/** NetBIOS name service: a DNS-like header, questions/answers that fit. */
const nbns: PayloadCheck = (p, at, length) => length >= 12 && u16be(p, at + 4) <= 1 && u16be(p, at + 6) <= 1;

const dceRpc: PayloadCheck = (p, at, length) =>
  length >= 16 && p[at] === 5 && p[at + 1]! <= 1 && p[at + 2]! <= 19;

const hartIp: PayloadCheck = (p, at, length) =>
  length >= 8 && (p[at] === 1 || p[at] === 2) && p[at + 1]! <= 3 && u16be(p, at + 6) === length;

const c37118: PayloadCheck = (p, at, length, transport) => {
  if (length < 16 || p[at] !== 0xaa) return false;
  const kind = (p[at + 1]! >> 4) & 0x07;
  const version = p[at + 1]! & 0x0f;
  const size = u16be(p, at + 2);
  return (
    kind <= 5 && version >= 1 && version <= 3 && (transport === 'udp' ? size === length : size <= length)
  );
};

const finsUdp: PayloadCheck = (p, at, length) =>
  length >= 10 && [0x80, 0x81, 0xc0, 0xc1].includes(p[at]!) && p[at + 1] === 0 && p[at + 2] === 2;

const finsTcp: PayloadCheck = (p, at, length) => ascii(p, at, length, 'FINS');

const codesysV3Tcp: PayloadCheck = (p, at, length) =>
  length >= 8 && p[at] === 0x00 && p[at + 1] === 0x01 && p[at + 2] === 0x17 && p[at + 3] === 0xe8;

/** MELSEC MC protocol / SLMP binary 3E and 4E frames (requests and responses). */
const melsec: PayloadCheck = (p, at, length) =>
  length >= 11 &&
  (p[at] === 0x50 || p[at] === 0xd0 || p[at] === 0x54 || p[at] === 0xd4) &&
  p[at + 1] === 0x00;

export const PROTOCOLS: readonly ProtocolSpec[] = [
  { name: 'Modbus/TCP', tcp: [502], check: modbus, strong: true },
  // Port 102 alone says ISO transport (S7comm, S7comm-plus or MMS), not which of them.
  { name: 'ISO-TSAP', tcp: [102] },
  { name: 'S7comm', tcp: [102], check: cotpPayload((first) => first === 0x32), strong: true },
  { name: 'S7comm-plus', tcp: [102], check: cotpPayload((first) => first === 0x72), strong: true },
  {
    name: 'MMS',
    tcp: [102],
    check: cotpPayload((first, second) => isoSession(first, second) || mmsPdu(first, second)),
    strong: true,
  },
  { name: 'COTP', tcp: [102], check: cotpConnect, strong: true, provisional: true },
  { name: 'EtherNet/IP', tcp: [44818], udp: [44818], check: enip, strong: true },
  { name: 'CIP I/O', udp: [2222], check: cipIo },
  { name: 'DNP3', tcp: [20000], udp: [20000], check: dnp3, strong: true },
  { name: 'BACnet/IP', udp: [[47808, 47823]], check: bacnet, strong: true },
  { name: 'OPC UA', tcp: [4840], check: opcua, strong: true },
  { name: 'IEC 60870-5-104', tcp: [2404], check: iec104, strong: true },
  { name: 'PROFINET CM', udp: [34964], check: profinetCm, strong: true },
  { name: 'MQTT', tcp: [1883], check: mqtt, strong: true },
  {
    name: 'Niagara Fox',
    tcp: [1911],
    check: (p, at, length) => ascii(p, at, length, 'fox a '),
    strong: true,
  },
  { name: 'GE-SRTP', tcp: [18245], check: (p, at, length) => length >= 56 && (p[at] === 2 || p[at] === 3) },
  {
    name: 'GE EGD',
    udp: [18246],
    check: (p, at, length) => length >= 2 && p[at] === 0x0d && p[at + 1] === 0x01,
  },
  { name: 'Omron FINS', tcp: [9600], check: finsTcp, strong: true },
  { name: 'Omron FINS', udp: [9600], check: finsUdp },
  { name: 'MELSEC', tcp: [5006, 5007, 4999, 1025, 5001], udp: [5006, 5007], check: melsec },
  { name: 'HART-IP', tcp: [5094], udp: [5094], check: hartIp, followsSession: true },
  { name: 'CODESYS', tcp: [[11740, 11743]], check: codesysV3Tcp, strong: true },
  {
    name: 'CODESYS',
    tcp: [1200, 2455],
    udp: [[1740, 1743]],
    check: (p, at, length) => length >= 4 && (p[at] === 0xc5 || p[at] === 0xbb),
  },
  { name: 'IEEE C37.118', tcp: [4712], udp: [4713], check: c37118, strong: true },
  { name: 'SSH', tcp: [22], check: (p, at, length) => ascii(p, at, length, 'SSH-'), strong: true },
  { name: 'HTTP', tcp: [80, 8080, 8000, 8008, 8888], check: http, strong: true },
  {
    name: 'TLS',
    tcp: [443, 8443, 4843, 8883, 4911, 636, 993, 995, 465, 853, 3269, 5986, 9443],
    check: tls,
    strong: true,
  },
  { name: 'SMB', tcp: [445, 139], check: smb, strong: true },
  { name: 'VNC', tcp: [[5900, 5910]], check: (p, at, length) => ascii(p, at, length, 'RFB 0'), strong: true },
  { name: 'DHCP', udp: [67, 68], check: dhcp, strong: true },
  { name: 'DNS', tcp: [53], udp: [53], check: dns },
  { name: 'mDNS', udp: [5353], check: dns },
  { name: 'LLMNR', udp: [5355], check: dns },
  { name: 'NetBIOS', udp: [137, 138], tcp: [139], check: nbns },
  { name: 'SNMP', udp: [161, 162], check: snmp },
  { name: 'NTP', udp: [123], check: ntp },
  { name: 'DCE/RPC', tcp: [135], udp: [135], check: dceRpc },
  {
    name: 'SSDP',
    udp: [1900],
    check: (p, at, length) =>
      http(p, at, length, 'udp') || ascii(p, at, length, 'M-SEARCH ') || ascii(p, at, length, 'NOTIFY '),
  },
  { name: 'Syslog', udp: [514], check: (p, at, length) => length > 3 && p[at] === 0x3c },
  { name: 'RDP', tcp: [3389] },
  { name: 'Telnet', tcp: [23] },
  { name: 'FTP', tcp: [21] },
  { name: 'SMTP', tcp: [25, 587] },
  { name: 'LDAP', tcp: [389], udp: [389] },
  { name: 'Kerberos', tcp: [88], udp: [88] },
  { name: 'TFTP', udp: [69] },
  { name: 'RADIUS', udp: [1812, 1813] },
  { name: 'MS SQL', tcp: [1433] },
  { name: 'MySQL', tcp: [3306] },
  { name: 'PostgreSQL', tcp: [5432] },
  { name: 'WinRM', tcp: [5985] },
  { name: 'Beckhoff ADS', tcp: [48898], udp: [48899] },
  { name: 'KNXnet/IP', udp: [3671] },
];

type PortTable = Map<number, ProtocolSpec[]>;

function buildPortTable(transport: Transport): PortTable {
  const table: PortTable = new Map();
  for (const spec of PROTOCOLS) {
    for (const entry of spec[transport] ?? []) {
      const [from, to] = typeof entry === 'number' ? [entry, entry] : entry;
      for (let port = from; port <= to; port++) {
        const list = table.get(port) ?? [];
        list.push(spec);
        table.set(port, list);
      }
    }
  }
  return table;
}

const PORTS: Record<Transport, PortTable> = { tcp: buildPortTable('tcp'), udp: buildPortTable('udp') };
const STRONG: Record<Transport, ProtocolSpec[]> = {
  tcp: PROTOCOLS.filter((spec) => spec.strong && spec.check && spec.tcp),
  udp: PROTOCOLS.filter((spec) => spec.strong && spec.check && spec.udp),
};

/** Protocols registered on this port, in table order. */
export function protocolsOnPort(transport: Transport, port: number): readonly ProtocolSpec[] {
  return PORTS[transport].get(port) ?? [];
}

/** The protocol name a port alone suggests (the first registered on it), or null. */
export function protocolForPort(transport: Transport, port: number): string | null {
  const spec = PORTS[transport].get(port)?.[0];
  return spec ? spec.name : null;
}

export function isRegisteredPort(transport: Transport, port: number, name: string): boolean {
  return (PORTS[transport].get(port) ?? []).some((spec) => spec.name === name);
}

export function isWellKnownPort(transport: Transport, port: number): boolean {
  return port < 1024 || PORTS[transport].has(port);
}

/**
 * Names the protocol of one payload: first the strong checks (any port), then the weak checks of the
 * protocols registered on the given ports (the server's, when known). Returns the matching spec or null.
 */
export function classifyPayload(
  transport: Transport,
  p: Uint8Array,
  at: number,
  length: number,
  weakCheckPorts: readonly number[],
): ProtocolSpec | null {
  if (length <= 0) return null;
  for (const spec of STRONG[transport]) if (spec.check!(p, at, length, transport)) return spec;
  for (const port of weakCheckPorts) {
    for (const spec of PORTS[transport].get(port) ?? []) {
      if (!spec.strong && spec.check && spec.check(p, at, length, transport)) return spec;
    }
  }
  return null;
}
