import { emitAsset } from '../build';
import { findRecordArray } from '../json-input';
import { joinKnown, pick, type RecordImporter } from '../importer';
import { defineSource, recordReader } from '../source';

export const armisImporter: RecordImporter<null> = {
  records: (doc) => findRecordArray(doc, ['data/results', 'results', 'data']),
  createState: () => null,
  handle(record, label, ctx) {
    emitAsset(ctx, label, {
      sourceId: record.id,
      name: pick(record, 'name', 'displayTitle'),
      ips: [record.ipAddress, record.ipv6],
      macs: record.macAddress,
      // "names" is one string of every name Armis saw for the device.
      hostnames: record.names,
      vendor: record.manufacturer,
      model: record.model,
      os: joinKnown(record.operatingSystem, record.operatingSystemVersion),
      type: pick(record, 'type', 'category'),
      purdueLevel: record.purdueLevel,
      criticality: record.businessImpact,
      protocols: record.protocols,
      firstSeen: record.firstSeen,
      lastSeen: record.lastSeen,
    });
  },
};

export const armisSource = defineSource({
  format: 'armis',
  label: 'Armis',
  detection: {
    signature: [
      'ipAddress',
      'macAddress',
      'operatingSystem',
      'operatingSystemVersion',
      'displayTitle',
      'typeEnum',
      'riskLevel',
      'businessImpact',
      'accessSwitch',
      'boundaries',
      'dataSources',
      'protections',
    ],
  },
  json: {
    reader: recordReader(armisImporter),
    shape: 'a search response ({"data": {"results": [...]}}) or NDJSON',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(armisImporter) },
});
