import { execFileSync, spawnSync } from 'node:child_process';

/** One row of `tshark -q -z conv,tcp -z conv,udp`, with the byte total as a range (tshark prints kB/MB rounded). */
export interface TsharkConversation {
  transport: 'tcp' | 'udp';
  a: string;
  aPort: number;
  b: string;
  bPort: number;
  packets: number;
  bytesMin: number;
  bytesMax: number;
}

export interface TsharkExpectation {
  file: string;
  tshark: string;
  packets: number;
  conversations: TsharkConversation[];
}

export function tsharkAvailable(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function tsharkVersion(): string {
  const out = execFileSync('tshark', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n')[0]?.trim() ?? 'tshark';
}

/**
 * tshark's output. A capture cut short mid-packet makes tshark exit 2 after printing all it read,
 * with a "cut short in the middle of a packet" message: that output stands, any other failure throws.
 */
function tshark(args: string[]): string {
  const run = spawnSync('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status === 0 || /cut short in the middle of a packet/.test(run.stderr)) return run.stdout;
  throw new Error(`tshark ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr}`);
}

/** Runs tshark on a capture: its packet count and its TCP and UDP conversation tables. */
export function runTshark(path: string): { packets: number; conversations: TsharkConversation[] } {
  const conv = tshark(['-n', '-r', path, '-q', '-z', 'conv,tcp', '-z', 'conv,udp']);
  // tshark also lists non-packet pcapng records (custom blocks) as frames, without an encapsulation;
  // they are not packets (capinfos does not count them either).
  const frames = tshark(['-n', '-r', path, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.encap_type']);
  const packets = frames.split('\n').filter((line) => /\t\S/.test(line)).length;
  return { packets, conversations: parseConversations(conv) };
}

const UNITS: Record<string, number> = { bytes: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

export function parseConversations(text: string): TsharkConversation[] {
  const rows: TsharkConversation[] = [];
  let transport: 'tcp' | 'udp' | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('TCP Conversations')) transport = 'tcp';
    else if (line.startsWith('UDP Conversations')) transport = 'udp';
    const tokens = line.trim().split(/\s+/);
    if (!transport || tokens[1] !== '<->') continue;
    const [a, aPort] = endpoint(tokens[0]!);
    const [b, bPort] = endpoint(tokens[2]!);
    // Columns after the endpoints: <- frames, bytes, unit; -> frames, bytes, unit; total frames, bytes, unit.
    const packets = Number(tokens[9]);
    const value = Number(tokens[10]);
    const unit = UNITS[tokens[11]!];
    if (!Number.isFinite(packets) || !Number.isFinite(value) || unit === undefined) {
      throw new Error(`cannot parse tshark conversation line: ${line}`);
    }
    const exact = unit === 1;
    rows.push({
      transport,
      a,
      aPort,
      b,
      bPort,
      packets,
      bytesMin: exact ? value : Math.max(0, (value - 1) * unit),
      bytesMax: exact ? value : (value + 1) * unit,
    });
  }
  return rows;
}

function endpoint(text: string): [string, number] {
  const colon = text.lastIndexOf(':');
  return [text.slice(0, colon), Number(text.slice(colon + 1))];
}

/** Key of an unordered endpoint pair on one transport. */
export function conversationKey(
  transport: string,
  a: string,
  aPort: number,
  b: string,
  bPort: number,
): string {
  const x = `${a}|${aPort}`;
  const y = `${b}|${bPort}`;
  return `${transport} ${x < y ? `${x} ${y}` : `${y} ${x}`}`;
}

/**
 * tshark may split one address/port pair into several rows (a dissector starting a new conversation,
 * e.g. SNMP); a flow here is the pair, so rows are merged by pair, summing packets and byte ranges.
 */
export function mergeByPair(
  rows: TsharkConversation[],
): Map<string, { packets: number; bytesMin: number; bytesMax: number }> {
  const merged = new Map<string, { packets: number; bytesMin: number; bytesMax: number }>();
  for (const row of rows) {
    const key = conversationKey(row.transport, row.a, row.aPort, row.b, row.bPort);
    const entry = merged.get(key) ?? { packets: 0, bytesMin: 0, bytesMax: 0 };
    entry.packets += row.packets;
    entry.bytesMin += row.bytesMin;
    entry.bytesMax += row.bytesMax;
    merged.set(key, entry);
  }
  return merged;
}

/** For each TCP/UDP conversation, the set of dissectors tshark ran on its frames (from frame.protocols). */
export function tsharkProtocolsByConversation(path: string): Map<string, Set<string>> {
  const fields = [
    'ip.src',
    'ip.dst',
    'tcp.srcport',
    'tcp.dstport',
    'udp.srcport',
    'udp.dstport',
    'frame.protocols',
  ];
  const out = tshark([
    '-n',
    '-r',
    path,
    '-T',
    'fields',
    '-E',
    'occurrence=f',
    ...fields.flatMap((f) => ['-e', f]),
  ]);
  const result = new Map<string, Set<string>>();
  for (const line of out.split('\n')) {
    const [src, dst, tcpSrc, tcpDst, udpSrc, udpDst, protocols] = line.split('\t');
    // An ICMP error quotes the datagram it answers: its ports are the quoted packet's, not a conversation.
    if (!src || !dst || !protocols || /(^|:)icmp(v6)?(:|$)/.test(protocols)) continue;
    const transport = tcpSrc ? 'tcp' : udpSrc ? 'udp' : null;
    if (!transport) continue;
    const key = conversationKey(
      transport,
      src,
      Number(transport === 'tcp' ? tcpSrc : udpSrc),
      dst,
      Number(transport === 'tcp' ? tcpDst : udpDst),
    );
    const set = result.get(key) ?? new Set<string>();
    for (const name of protocols.split(':')) set.add(name);
    result.set(key, set);
  }
  return result;
}

/** Layer-2 frames per ethertype-level dissector, e.g. goose or pn_dcp: how many frames tshark saw. */
export function tsharkFrameCount(path: string, filter: string): number {
  const out = execFileSync('tshark', ['-n', '-r', path, '-Y', filter, '-T', 'fields', '-e', 'frame.number'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  return out.split('\n').filter((line) => line.trim() !== '').length;
}
