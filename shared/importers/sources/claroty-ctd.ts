import { emitAsset, emitFlow } from '../build';
import { findRecordArray } from '../json-input';
import { asRecord, hasAny, joinKnown, pick, type RecordImporter, type SourceRecord } from '../importer';
import type { ImportContext } from '../context';
import { cleanText, parseCount } from '../values';
import { defineSource, recordReader } from '../source';

const CRITICALITY_BY_NUMBER = ['low', 'medium', 'high', 'critical'] as const;

/** "ePLC" -> "PLC": Claroty enum names carry a leading 'e'. */
function enumName(value: unknown): string | undefined {
  const text = cleanText(value, 200);
  if (!text) return undefined;
  return /^e[A-Z]/.test(text) ? text.slice(1) : text;
}

/** "TCP / 44818" -> transport and port. */
function parseTransmission(value: unknown): { transport?: string; port?: number } {
  const m = /^\s*(\w+)\s*\/\s*(\d+)\s*$/.exec(cleanText(value, 100) ?? '');
  return m ? { transport: m[1]!, port: Number(m[2]) } : {};
}

interface CtdState {
  /** resource_id (or id) of every asset already taken: children[] are also returned top-level. */
  seen: Set<string>;
}

function assetKey(record: SourceRecord): string | null {
  return cleanText(pick(record, 'resource_id', 'id'), 200);
}

function handleAsset(
  record: SourceRecord,
  label: string,
  ctx: ImportContext,
  state: CtdState,
  depth: number,
): void {
  const key = assetKey(record);
  if (key !== null) {
    if (state.seen.has(key)) return;
    state.seen.add(key);
  }
  const hint = cleanText(record.special_hint__)?.toLowerCase() ?? '';
  if (hint.includes('broadcast') || hint.includes('multicast')) {
    ctx.skip(label, 'a broadcast or multicast pseudo-asset, not a device');
  } else {
    const criticalityNumber = parseCount(record.criticality);
    emitAsset(ctx, label, {
      sourceId: key,
      name: pick(record, 'name', 'display_name'),
      ips: [record.ipv4, record.ipv6, record.address],
      macs: record.mac,
      vendor: record.vendor,
      model: record.model,
      firmware: record.firmware,
      os: joinKnown(record.os, record.os_service_pack, record.os_build),
      serial: record.serial_number,
      type: enumName(record.asset_type__),
      purdueLevel: record.purdue_level,
      protocols: record.protocol,
      criticality:
        enumName(record.criticality__) ??
        (criticalityNumber !== null ? CRITICALITY_BY_NUMBER[criticalityNumber] : undefined),
      firstSeen: record.first_seen,
      lastSeen: record.last_seen,
    });
  }
  const children = Array.isArray(record.children) ? record.children : [];
  if (depth > 8 && children.length > 0) {
    ctx.warn(label, 'children nested deeper than 8 levels were not read');
    return;
  }
  children.forEach((child, index) => {
    const childRecord = asRecord(child);
    const childLabel = `${label} child ${index + 1}`;
    if (childRecord) handleAsset(childRecord, childLabel, ctx, state, depth + 1);
    else ctx.skip(childLabel, 'a child asset that is not an object');
  });
}

export const clarotyCtdImporter: RecordImporter<CtdState> = {
  records: (doc) => findRecordArray(doc, ['objects']),
  createState: () => ({ seen: new Set() }),
  handle(record, label, ctx, state) {
    if (hasAny(record, ['source_entity', 'destination_entity', 'source_asset_id'])) {
      const source = asRecord(record.source_entity) ?? {};
      const destination = asRecord(record.destination_entity) ?? {};
      const transmission = parseTransmission(record.transmission);
      emitFlow(ctx, label, {
        sourceId: pick(record, 'resource_id', 'id'),
        a: { ip: source.ipv4, mac: source.mac, port: record.src_port, sourceId: source.resource_id },
        b: {
          ip: destination.ipv4,
          mac: destination.mac,
          port: pick(record, 'dst_port') ?? transmission.port,
          sourceId: destination.resource_id,
        },
        transport: transmission.transport,
        protocol: record.protocol,
        firstSeen: record.timestamp,
        lastSeen: record.last_seen,
      });
      return;
    }
    handleAsset(record, label, ctx, state, 0);
  },
};

export const clarotyCtdSource = defineSource({
  format: 'claroty-ctd',
  label: 'Claroty CTD',
  detection: {
    signature: [
      'resource_id',
      'asset_type__',
      'criticality__',
      'virtual_zone_name',
      'class_type',
      'site_name',
      'source_entity',
      'destination_entity',
      'special_hint__',
      'insight_names',
      'count_filtered',
      'count_in_page',
      'transmission',
      'source_asset_id',
      'destination_asset_id',
      'purdue_level',
      'custom_informations',
      'ipv4',
    ],
  },
  json: {
    reader: recordReader(clarotyCtdImporter),
    shape: 'a /ranger/assets or /ranger/baselines response ({"objects": [...]})',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(clarotyCtdImporter) },
});
