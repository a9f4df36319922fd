import { emitAsset, emitFlow } from '../build';
import { findRecordArray } from '../json-input';
import { asRecord, pick, type RecordImporter } from '../importer';
import { cleanText, isUnknown } from '../values';
import { defineSource, recordReader } from '../source';

function protocolNames(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  return value
    .map((p) => (typeof p === 'string' ? p : cleanText(asRecord(p)?.name, 100)))
    .filter((p): p is string => p !== null && p !== '');
}

export const defenderIotImporter: RecordImporter<null> = {
  records: (doc) => findRecordArray(doc, ['devices', 'connections', 'value', 'results']),
  createState: () => null,
  handle(record, label, ctx) {
    if ('firstDeviceId' in record || 'secondDeviceId' in record) {
      // Connections are undirected: no end is known to serve, and a port belongs to either end.
      const ports = Array.isArray(record.ports) ? record.ports : [record.ports];
      const protocols = protocolNames(record.protocols);
      const protocol = protocols.join(', ').slice(0, 100) || null;
      for (const port of ports.length > 0 ? ports : [null]) {
        emitFlow(ctx, label, {
          a: { sourceId: record.firstDeviceId },
          b: { sourceId: record.secondDeviceId, port },
          server: null,
          protocol,
          firstSeen: record.discovered,
          lastSeen: record.lastSeen,
        });
      }
      return;
    }
    // The firmware list has one entry per module; the first one that says something describes the device.
    const modules = (Array.isArray(record.firmware) ? record.firmware : [])
      .map(asRecord)
      .filter((m) => m !== null);
    const firstKnown = (key: string) => modules.map((m) => m[key]).find((v) => !isUnknown(v));
    emitAsset(ctx, label, {
      sourceId: record.id,
      name: record.name,
      ips: record.ipAddresses,
      macs: record.macAddresses,
      vendor: record.vendor,
      model: firstKnown('model'),
      firmware: firstKnown('firmwareVersion'),
      serial: firstKnown('serial'),
      os: record.operatingSystem,
      type: pick(record, 'type'),
      protocols: protocolNames(record.protocols),
      firstSeen: pick(record, 'firstActivity', 'discovered'),
      lastSeen: pick(record, 'lastActivity', 'lastSeen'),
    });
  },
};

export const defenderIotSource = defineSource({
  format: 'defender-iot',
  label: 'Microsoft Defender for IoT',
  detection: {
    signature: [
      'ipAddresses',
      'macAddresses',
      'engineeringStation',
      'scanner',
      'authorized',
      'firstDeviceId',
      'secondDeviceId',
      'sensorId',
      'moduleAddress',
      'additionalData',
    ],
  },
  json: {
    reader: recordReader(defenderIotImporter),
    shape: 'an array of devices or connections',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(defenderIotImporter) },
});
