import { unzipSync } from 'fflate';
import { excerptList } from '../../text/excerpt';
import { emitAsset, emitFlow } from '../build';
import type { ImportContext } from '../context';
import type { RecordImporter, SourceRecord } from '../importer';
import { decodeText } from '../decode';
import { childrenNamed, firstChild, parseXml, XmlError, type XmlElement } from '../xml';
import { ImportError } from '../types';
import { parseAddress, parseCount, parsePort } from '../values';
import { defineSource, recordReader, type DetectionSample, type Sniffed } from '../source';

/** GRASSMARLIN group values: several joined by newlines, each "value (confidence)". */
export function groupValues(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/\r\n|\n|\r/)
    .map((v) => v.replace(/\s*\(\d+(\.\d+)?\)\s*$/, '').trim())
    .filter((v) => v !== '');
}

/** Picks a group by any of its names, case-insensitively. */
function group(groups: Record<string, string>, ...names: string[]): string[] {
  for (const name of names) {
    const key = Object.keys(groups).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) {
      const values = groupValues(groups[key]);
      if (values.length > 0) return values;
    }
  }
  return [];
}

function emitNode(ctx: ImportContext, label: string, ip: unknown, groups: Record<string, string>): void {
  emitAsset(ctx, label, {
    ips: ip,
    macs: group(groups, 'MAC', 'Mac Address'),
    vendor: group(groups, 'Vendor', 'Manufacturer')[0],
    model: group(groups, 'Model', 'Product')[0],
    firmware: group(groups, 'Firmware')[0],
    os: group(groups, 'OS', 'Operating System')[0],
    type: group(groups, 'Role', 'Category')[0],
    hostnames: group(groups, 'Hostname', 'DNS'),
    protocols: group(groups, 'Protocol', 'Protocols'),
  });
}

const IP_PROTOCOLS: Record<string, string> = { '6': 'tcp', '17': 'udp' };

interface FrameTotals {
  packets: number;
  bytes: number;
  first: number | null;
  last: number | null;
  protocol: string;
  port: number | null;
}

/** Frames of one edge, per IP protocol and destination port. Only "destination" blocks count:
 * GRASSMARLIN's "source" block re-emits the same frames. */
function edgeFrames(edge: XmlElement): FrameTotals[] {
  const totals = new Map<string, FrameTotals>();
  for (const details of childrenNamed(edge, 'details')) {
    if ((details.attributes.direction ?? 'destination') !== 'destination') continue;
    for (const source of childrenNamed(details, 'source')) {
      for (const frame of childrenNamed(source, 'frame')) {
        const protocol = frame.attributes.protocol ?? '';
        const port = parsePort(frame.attributes.dstPort);
        const key = `${protocol}|${port}`;
        const t = totals.get(key) ?? { packets: 0, bytes: 0, first: null, last: null, protocol, port };
        t.packets++;
        t.bytes += parseCount(frame.attributes.bytes) ?? 0;
        const time = parseCount(frame.attributes.time);
        if (time !== null) {
          t.first = t.first === null ? time : Math.min(t.first, time);
          t.last = t.last === null ? time : Math.max(t.last, time);
        }
        totals.set(key, t);
      }
    }
  }
  return [...totals.values()];
}

/** One graph XML: nodes become assets, edges (which point at node positions) become flows. */
export async function readGraphXml(ctx: ImportContext, entryName: string, xml: string): Promise<void> {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError)
      throw new ImportError(`${ctx.fileName}: ${entryName} is not valid XML (${error.message})`);
    throw error;
  }
  const graph = firstChild(root, 'graph');
  if (!graph) return;
  const nodes = firstChild(graph, 'nodes') ? childrenNamed(firstChild(graph, 'nodes')!, 'node') : [];
  const titles: (string | null)[] = [];
  for (const [index, node] of nodes.entries()) {
    const label = `${entryName} node ${index}`;
    const title = node.attributes.title ?? '';
    const address = parseAddress(title);
    titles.push(address ? address.ip : null);
    const groups: Record<string, string> = {};
    for (const g of childrenNamed(node, 'group')) if (g.attributes.name) groups[g.attributes.name] = g.text;
    if (address) emitNode(ctx, label, address.ip, groups);
    else
      ctx.skip(
        label,
        `node "${title.slice(0, 80)}" is not an IP address (physical graph nodes are not imported)`,
      );
    {
      const pause = ctx.recordDone();
      if (pause) await pause;
    }
  }
  const edges = firstChild(graph, 'edges') ? childrenNamed(firstChild(graph, 'edges')!, 'edge') : [];
  for (const [index, edge] of edges.entries()) {
    const label = `${entryName} edge ${index}`;
    const from = parseCount(edge.attributes.from);
    const to = parseCount(edge.attributes.to);
    const a = from !== null ? titles[from] : undefined;
    const b = to !== null ? titles[to] : undefined;
    if (a === undefined || b === undefined) {
      ctx.skip(
        label,
        `edge refers to node ${edge.attributes.from} or ${edge.attributes.to}, which does not exist`,
      );
    } else if (a !== null && b !== null) {
      const frames = edgeFrames(edge);
      if (frames.length === 0) {
        emitFlow(ctx, label, { a: { ip: a }, b: { ip: b }, server: null });
      }
      for (const f of frames) {
        emitFlow(ctx, label, {
          a: { ip: a },
          b: { ip: b, port: f.port },
          transport: IP_PROTOCOLS[f.protocol],
          packets: f.packets,
          bytes: f.bytes,
          firstSeen: f.first,
          lastSeen: f.last,
        });
      }
    }
    {
      const pause = ctx.recordDone();
      if (pause) await pause;
    }
  }
}

const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/** A .gm3 session: a ZIP of XML; the logical graphs hold the hosts and their connections. */
export async function importGm3(bytes: Uint8Array, ctx: ImportContext): Promise<void> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => /(_ngraph|logical)\.xml$/i.test(file.name) && file.originalSize <= MAX_ENTRY_BYTES,
    });
  } catch (error) {
    throw new ImportError(
      `${ctx.fileName}: not a readable GRASSMARLIN session (ZIP: ${(error as Error).message})`,
    );
  }
  const names = Object.keys(entries).sort();
  if (names.length === 0) {
    throw new ImportError(
      `${ctx.fileName}: the ZIP holds no GRASSMARLIN graph (no *_ngraph.xml or logical.xml)`,
    );
  }
  for (const name of names) {
    await readGraphXml(ctx, name, decodeText(entries[name]!).text);
    ctx.setBytesDone((ctx.totalBytes * (names.indexOf(name) + 1)) / names.length);
  }
}

/**
 * GRASSMARLIN's CSV writer quotes a field only when it starts with '"' or holds a comma, so a
 * multi-value group (values joined by newlines) breaks its row. A line that does not start like a
 * record (an IP, or a timestamp for connection details) continues the previous one.
 */
export function repairGrassmarlinCsv(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  const header = lines[0] ?? '';
  const details = /^Timestamp,/i.test(header);
  const startsRecord = (line: string) => {
    const first = line.split(',', 1)[0]!.replace(/^"|"$/g, '').trim();
    // A bare address only: a continued "Network" group value looks like "10.0.0.0/24 (1)".
    return details ? /^\d/.test(first) : /^[0-9a-fA-F:.]+$/.test(first) && parseAddress(first) !== null;
  };
  const out: string[] = [header];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (out.length > 1 && line !== '' && !startsRecord(line)) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out.join('\r\n');
}

export function isGrassmarlinCsvHeader(headers: string[]): boolean {
  const h = headers.map((x) => x.trim().toLowerCase());
  if (h.join(',') === 'source,destination,bytes sent,bytes received') return true;
  if (h[0] === 'timestamp' && h.includes('source ip') && h.includes('pcap file')) return true;
  return (
    h[0] === 'ip' &&
    h.slice(1).some((x) => ['country', 'network', 'manufacturer', 'mac', 'role', 'category'].includes(x))
  );
}

interface GmCsvState {
  connections: Map<
    string,
    {
      record: string;
      a: string;
      b: string;
      port: unknown;
      protocol: string;
      packets: number;
      bytes: number;
      first: string | null;
      last: string | null;
    }
  >;
}

export const grassmarlinCsvImporter: RecordImporter<GmCsvState> = {
  records: () => null,
  createState: () => ({ connections: new Map() }),
  handle(record: SourceRecord, label, ctx, state) {
    if ('IP' in record) {
      const groups: Record<string, string> = {};
      for (const [k, v] of Object.entries(record)) if (k !== 'IP' && typeof v === 'string') groups[k] = v;
      emitNode(ctx, label, record.IP, groups);
    } else if ('Bytes Sent' in record) {
      const sent = parseCount(record['Bytes Sent']) ?? 0;
      const received = parseCount(record['Bytes Received']) ?? 0;
      emitFlow(ctx, label, {
        a: { ip: record.Source },
        b: { ip: record.Destination },
        server: null,
        bytes: sent + received,
      });
    } else if ('Source IP' in record) {
      const a = parseAddress(record['Source IP'])?.ip;
      const b = parseAddress(record['Destination IP'])?.ip;
      if (!a || !b) {
        ctx.skip(label, 'a connection row without valid source and destination IPs');
        return;
      }
      const protocol = String(record.Protocol ?? '');
      const key = `${a}|${b}|${record['Destination Port']}|${protocol}`;
      const time = typeof record.Timestamp === 'string' ? record.Timestamp : null;
      const entry = state.connections.get(key) ?? {
        record: label,
        a,
        b,
        port: record['Destination Port'],
        protocol,
        packets: 0,
        bytes: 0,
        first: time,
        last: time,
      };
      entry.packets++;
      entry.bytes += parseCount(record.Size) ?? 0;
      if (time !== null) {
        if (entry.first === null || time < entry.first) entry.first = time;
        if (entry.last === null || time > entry.last) entry.last = time;
      }
      state.connections.set(key, entry);
    } else {
      ctx.skip(label, 'not a GRASSMARLIN node, edge or connection row');
    }
  },
  finish(ctx, state) {
    for (const c of state.connections.values()) {
      emitFlow(ctx, c.record, {
        a: { ip: c.a },
        b: { ip: c.b, port: c.port },
        transport: IP_PROTOCOLS[c.protocol] ?? c.protocol,
        protocol: IP_PROTOCOLS[c.protocol] ? null : c.protocol,
        packets: c.packets,
        bytes: c.bytes,
        firstSeen: c.first,
        lastSeen: c.last,
      });
    }
  },
};

/** A GRASSMARLIN graph export: `<graph>` at the top, after an optional XML declaration. */
export function isGraphXml(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?<graph[\s>]/.test(text.slice(0, 4096));
}

function isZip(bytes: Uint8Array | null): boolean {
  return (
    bytes !== null &&
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 3 &&
    bytes[3] === 4
  );
}

/** A .gm3 session (ZIP), a graph XML or one of its CSV reports. */
function sniffGrassmarlin({ bytes, text, headers }: DetectionSample): Sniffed | null {
  if (isZip(bytes))
    return { confidence: 0.9, reason: 'a ZIP archive (GRASSMARLIN .gm3 session)', container: 'zip' };
  if (isGraphXml(text)) return { confidence: 0.8, reason: 'a GRASSMARLIN graph XML', container: 'xml' };
  if (headers && isGrassmarlinCsvHeader(headers)) {
    return {
      confidence: 0.9,
      reason: `GRASSMARLIN report columns (${excerptList(headers.slice(0, 4), 120)})`,
      container: 'csv',
    };
  }
  return null;
}

export const grassmarlinSource = defineSource({
  format: 'grassmarlin',
  label: 'GRASSMARLIN 3',
  detection: { sniff: sniffGrassmarlin },
  json: null,
  csv: { reader: recordReader(grassmarlinCsvImporter), repair: repairGrassmarlinCsv },
  archive: importGm3,
  xml: { matches: isGraphXml, read: readGraphXml },
});
