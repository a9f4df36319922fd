import { emitAsset, emitFlow, type EndpointInput } from '../build';
import { findRecordArray } from '../json-input';
import { hasAny, pick, type RecordImporter, type SourceRecord } from '../importer';
import { cleanText, normalizeMac, parseAddress, splitMulti } from '../values';
import { defineSource, recordReader } from '../source';

type NozomiTable = 'assets' | 'nodes' | 'links' | 'sessions' | 'other';

/** Which N2QL table a record comes from; keys with ':' and '.' are literal names, never paths. */
export function nozomiTable(record: SourceRecord): NozomiTable {
  if ('from' in record || 'to' in record) {
    return hasAny(record, ['from_port', 'to_port', 'key', 'status', 'direction_is_known'])
      ? 'sessions'
      : 'links';
  }
  if (
    hasAny(record, ['cve', 'cpe', 'install_location', 'appliance_type', 'n2os_version', 'human_cpe_vendor'])
  ) {
    return 'other';
  }
  if (
    hasAny(record, ['nodes', 'mac_address_level', 'os_or_firmware', 'appliance_hosts']) ||
    Array.isArray(record.ip)
  ) {
    return 'assets';
  }
  return 'nodes';
}

/** Nozomi node ids are IPs for IP nodes and MACs for L2-only nodes. */
function endpoint(id: unknown, port: unknown): EndpointInput {
  const text = cleanText(id, 200);
  if (text === null) return { port };
  if (parseAddress(text)) return { ip: text, port, sourceId: text };
  if (normalizeMac(text)) return { mac: text, port, sourceId: text };
  return { sourceId: text, port };
}

/** "Firmware: v2.9" / "OS: Windows 10" in os_or_firmware. */
function splitOsOrFirmware(value: unknown): { os?: string; firmware?: string } {
  const text = cleanText(value);
  if (!text) return {};
  const m = /^(firmware|os)\s*:\s*(.+)$/i.exec(text);
  if (!m) return {};
  return m[1]!.toLowerCase() === 'os' ? { os: m[2]! } : { firmware: m[2]! };
}

export const nozomiImporter: RecordImporter<null> = {
  records: (doc) => findRecordArray(doc, ['result']),
  createState: () => null,
  handle(record, label, ctx) {
    const table = nozomiTable(record);
    if (table === 'other') {
      ctx.skip(
        label,
        'a Nozomi record of another table (vulnerabilities, software, sensors); import assets, nodes, links or sessions',
      );
      return;
    }
    if (table === 'links' || table === 'sessions') {
      const transports = splitMulti(pick(record, 'transport_protocol', 'transport_protocols'));
      emitFlow(ctx, label, {
        sourceId: pick(record, 'id', 'key'),
        a: endpoint(record.from, table === 'sessions' ? record.from_port : undefined),
        b: endpoint(record.to, table === 'sessions' ? record.to_port : undefined),
        transport: transports[0],
        server: record.direction_is_known === false || record.direction_is_known === 'false' ? null : 'b',
        protocol: record.protocol,
        packets: record['transferred.packets'],
        bytes: record['transferred.bytes'],
        firstSeen: record.first_activity_time,
        lastSeen: record.last_activity_time,
      });
      return;
    }
    const fromCombined = splitOsOrFirmware(record.os_or_firmware);
    emitAsset(ctx, label, {
      sourceId: record.id,
      name: pick(record, 'name', 'label'),
      ips: record.ip,
      macs: record.mac_address,
      vendor: pick(record, 'vendor'),
      model: pick(record, 'product_name'),
      firmware: pick(record, 'firmware_version') ?? fromCombined.firmware,
      os: pick(record, 'os') ?? fromCombined.os,
      serial: record.serial_number,
      type: record.type,
      purdueLevel: record.level,
      protocols: record.protocols,
      firstSeen: pick(record, 'first_activity_time', 'created_at'),
      lastSeen: pick(record, 'last_activity_time', 'time'),
      endOfSupport: record.end_of_support_date,
    });
  },
};

export const nozomiSource = defineSource({
  format: 'nozomi',
  label: 'Nozomi Networks',
  detection: {
    signature: [
      'mac_address_level',
      'os_or_firmware',
      'product_name',
      'firmware_version',
      'appliance_hosts',
      'capture_device',
      'transferred.bytes',
      'transferred.packets',
      'from_zone',
      'to_zone',
      'is_from_public',
      'is_to_public',
      'bpf_filter',
      'mac_vendor',
      'last_activity_time',
      'first_activity_time',
      'links_count',
      'mac_address',
      'technology_category',
      'firmware_version:info',
      'vendor:info',
      'direction_is_known',
      'transport_protocols',
      'result',
      'header',
    ],
  },
  json: {
    reader: recordReader(nozomiImporter),
    shape: 'a /api/open/query/do response ({"result": [...]}) or an array of records',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(nozomiImporter) },
});
