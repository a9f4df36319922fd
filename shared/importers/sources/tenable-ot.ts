import { emitAsset } from '../build';
import { findRecordArray } from '../json-input';
import { asRecord, joinKnown, pick, type RecordImporter } from '../importer';
import { defineSource, recordReader } from '../source';
import { mappedImporter } from './mapped';

/** GraphQL connections wrap lists as { nodes: [...] }. */
function nodes(value: unknown): unknown {
  const record = asRecord(value);
  return record && 'nodes' in record ? record.nodes : value;
}

export const tenableOtImporter: RecordImporter<null> = {
  records: (doc) =>
    findRecordArray(doc, ['data/assets/nodes', 'assets/nodes', 'nodes', 'data/assets', 'assets']),
  createState: () => null,
  handle(raw, label, ctx) {
    // The export query returns each asset's fields inside "details".
    const details = asRecord(raw.details);
    const record = details ? { ...details, ...raw } : raw;
    const osDetails = asRecord(record.osDetails);
    emitAsset(ctx, label, {
      sourceId: record.id,
      name: record.name,
      ips: nodes(record.ips),
      macs: nodes(record.macs),
      vendor: record.vendor,
      model: pick(record, 'model', 'modelName', 'family'),
      firmware: record.firmwareVersion,
      os: pick(record, 'os') ?? joinKnown(osDetails?.name, osDetails?.version),
      serial: record.serial,
      type: pick(record, 'type', 'superType', 'category'),
      purdueLevel: record.purdueLevel,
      criticality: record.criticality,
      firstSeen: record.firstSeen,
      lastSeen: record.lastSeen,
    });
  },
};

export const tenableOtSource = defineSource({
  format: 'tenable-ot',
  label: 'Tenable OT',
  detection: {
    signature: [
      'superType',
      'osDetails',
      'backplane',
      'runStatus',
      'customField1',
      'segments',
      'modelName',
      'pageInfo',
      'endCursor',
      'firmwareVersion',
      'totalRisk',
      'unresolvedEvents',
    ],
  },
  json: {
    reader: recordReader(tenableOtImporter),
    shape: 'a GraphQL assets response ({"data": {"assets": {"nodes": [...]}}})',
    singleRecord: true,
    mapped: false,
  },
  // The CSV export names its columns for people: read through a mapping with Tenable's usual names.
  csv: { reader: recordReader(mappedImporter('tenable-ot')) },
});
