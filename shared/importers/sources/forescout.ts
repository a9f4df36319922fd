import { emitAsset, emitFlow } from '../build';
import { findRecordArray } from '../json-input';
import { pick, type RecordImporter } from '../importer';
import { cleanText, parseCount } from '../values';
import { defineSource, recordReader } from '../source';

/** "MODBUSTCP (TCP)" -> protocol and transport. */
function splitProto(value: unknown): { protocol?: string; transport?: string } {
  const text = cleanText(value, 200);
  if (!text) return {};
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  return m ? { protocol: m[1]!, transport: m[2]! } : { protocol: text };
}

export const forescoutImporter: RecordImporter<null> = {
  records: (doc) => findRecordArray(doc, ['results']),
  createState: () => null,
  handle(record, label, ctx) {
    if ('src_host_id' in record || 'dst_host_id' in record) {
      const { protocol, transport } = splitProto(record.proto);
      const ports = Array.isArray(record.ports) ? record.ports : [record.ports];
      const tx = parseCount(record.tx_bytes) ?? 0;
      const rx = parseCount(record.rx_bytes) ?? 0;
      emitFlow(ctx, label, {
        sourceId: record.id,
        a: { sourceId: record.src_host_id },
        // The first listed port is the service port the link was classified on.
        b: { sourceId: record.dst_host_id, port: ports[0] },
        transport,
        protocol,
        bytes: tx + rx,
        firstSeen: record.first_seen,
        lastSeen: record.last_seen,
      });
      return;
    }
    emitAsset(ctx, label, {
      sourceId: record.id,
      name: pick(record, 'main_name', 'name'),
      ips: record.ip,
      macs: [record.mac_addresses, record.host_mac_addresses],
      vendor: record.vendor,
      model: pick(record, 'vendor_model', 'model'),
      firmware: record.firmware_version,
      os: record.os_version ?? record.os,
      serial: record.serial_number,
      type: pick(record, 'role', 'type'),
      purdueLevel: record.purdue_level,
      criticality: record.criticality,
      protocols: record.protocols,
      firstSeen: record.first_seen,
      lastSeen: record.last_seen,
    });
  },
};

export const forescoutSource = defineSource({
  format: 'forescout',
  label: 'Forescout eyeInspect',
  detection: {
    signature: [
      'ip_reuse_domain_id',
      'nested_address',
      'host_mac_addresses',
      'mac_addresses',
      'sensor_ids',
      'src_host_id',
      'dst_host_id',
      'tx_bytes',
      'rx_bytes',
      'total_count',
      'main_name',
      'vendor_model',
    ],
  },
  json: {
    reader: recordReader(forescoutImporter),
    shape: 'a hosts or links response ({"results": [...]})',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(forescoutImporter) },
});
