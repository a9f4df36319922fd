import { emitAsset, emitFlow } from '../build';
import { isRecord } from '../json-input';
import type { RecordImporter } from '../importer';
import { cleanText, parseAddress } from '../values';
import { defineSource, recordReader } from '../source';
import { csvImporter } from './mapped';

export interface MalcolmLeaf {
  /** One {field, key} per aggregation level, from the root bucket to this leaf. */
  levels: { field: string | null; key: string }[];
  docCount: number;
}

const MAX_DEPTH = 16;

/** Flattens Malcolm's nested values.buckets tree (GET|POST /mapi/agg/<fields>) into root-to-leaf paths. */
export function flattenMalcolmBuckets(doc: unknown): MalcolmLeaf[] | null {
  if (!isRecord(doc) || !isRecord(doc.values) || !Array.isArray(doc.values.buckets)) return null;
  const fields = Array.isArray(doc.fields) ? doc.fields.map((f) => (typeof f === 'string' ? f : null)) : [];
  const leaves: MalcolmLeaf[] = [];
  const walk = (buckets: unknown[], path: MalcolmLeaf['levels']) => {
    for (const bucket of buckets) {
      if (!isRecord(bucket)) continue;
      const key = cleanText(bucket.key, 500) ?? '';
      const levels = [...path, { field: fields[path.length] ?? null, key }];
      const nested =
        isRecord(bucket.values) && Array.isArray(bucket.values.buckets) ? bucket.values.buckets : [];
      if (nested.length > 0 && levels.length < MAX_DEPTH) walk(nested, levels);
      else leaves.push({ levels, docCount: typeof bucket.doc_count === 'number' ? bucket.doc_count : 0 });
    }
  };
  walk(doc.values.buckets, []);
  return leaves;
}

interface Endpoint {
  ip: string;
  roles: string[];
}

interface MalcolmState {
  hosts: Map<string, { roles: Set<string>; record: string }>;
  flows: Map<
    string,
    {
      record: string;
      a: string;
      b: string;
      protocol: string | null;
      transport: string | null;
      port: string | null;
    }
  >;
  sawAddress: boolean;
}

/**
 * Reads one root-to-leaf path. Levels named source.ip / destination.ip are the ends; without field
 * names, the first address is the source and the next the destination, and a key that is not an
 * address is the role of the address before it (how CSET reads the same JSON).
 */
function readPath(leaf: MalcolmLeaf) {
  let source: Endpoint | null = null;
  let destination: Endpoint | null = null;
  let protocol: string | null = null;
  let transport: string | null = null;
  let port: string | null = null;
  let last: Endpoint | null = null;
  for (const { field, key } of leaf.levels) {
    const f = field?.toLowerCase() ?? '';
    const address = parseAddress(key);
    if (f === 'source.ip' || (f === '' && address && !source)) {
      if (address) last = source = { ip: address.ip, roles: [] };
    } else if (f === 'destination.ip' || (f === '' && address && source && !destination)) {
      if (address) last = destination = { ip: address.ip, roles: [] };
    } else if (
      f.endsWith('device.role') ||
      f.endsWith('.role') ||
      (f === '' && !address && key && !/[.:]/.test(key))
    ) {
      const target = f.startsWith('source') ? source : f.startsWith('destination') ? destination : last;
      if (target && key) target.roles.push(key);
    } else if (f.endsWith('protocol')) protocol = key;
    else if (f.endsWith('transport')) transport = key;
    else if (f === 'destination.port') port = key;
  }
  return { source, destination, protocol, transport, port };
}

export const malcolmImporter: RecordImporter<MalcolmState> = {
  records: (doc) => flattenMalcolmBuckets(doc),
  createState: () => ({ hosts: new Map(), flows: new Map(), sawAddress: false }),
  handle(record, label, _ctx, state) {
    const { source, destination, protocol, transport, port } = readPath(record as unknown as MalcolmLeaf);
    for (const end of [source, destination]) {
      if (!end) continue;
      state.sawAddress = true;
      const host = state.hosts.get(end.ip) ?? { roles: new Set<string>(), record: label };
      end.roles.forEach((r) => host.roles.add(r));
      state.hosts.set(end.ip, host);
    }
    if (source && destination) {
      const key = [source.ip, destination.ip, protocol, transport, port].join('|');
      if (!state.flows.has(key)) {
        state.flows.set(key, { record: label, a: source.ip, b: destination.ip, protocol, transport, port });
      }
    }
  },
  finish(ctx, state) {
    if (!state.sawAddress) {
      ctx.warn(
        'file',
        'this aggregation has no source.ip or destination.ip level, so it names no hosts (export /mapi/agg/source.ip,source.device.role,destination.ip,destination.device.role)',
      );
    }
    for (const [ip, host] of state.hosts) {
      emitAsset(ctx, host.record, { ips: ip, type: [...host.roles].join(', ') || undefined });
    }
    for (const flow of state.flows.values()) {
      emitFlow(ctx, flow.record, {
        a: { ip: flow.a },
        b: { ip: flow.b, port: flow.port },
        transport: flow.transport,
        protocol: flow.protocol,
      });
    }
  },
};

export const malcolmSource = defineSource({
  format: 'malcolm',
  label: 'Malcolm',
  detection: {
    signature: ['buckets', 'doc_count', 'sum_other_doc_count', 'doc_count_error_upper_bound'],
  },
  json: {
    reader: recordReader(malcolmImporter),
    shape: 'a /mapi/agg response ({"values": {"buckets": [...]}})',
    singleRecord: false,
    mapped: false,
  },
  // A CSV from Malcolm's dashboards is a plain table: read it through a column mapping.
  csv: { reader: recordReader(csvImporter) },
});
