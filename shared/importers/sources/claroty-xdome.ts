import { emitAsset } from '../build';
import { findRecordArray } from '../json-input';
import { joinKnown, pick, type RecordImporter, type SourceRecord } from '../importer';
import { parseTime } from '../values';
import { defineSource, recordReader } from '../source';

/** xDome's device endpoint names fields without the device_ prefix; its relation endpoints add it. */
function field(record: SourceRecord, name: string): unknown {
  return pick(record, name, `device_${name}`);
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export interface XdomeInterface {
  ip: unknown;
  mac: unknown;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The *_list fields are parallel arrays, one entry per network interface; lengths may differ. */
export function zipInterfaces(record: SourceRecord): XdomeInterface[] {
  const ips = list(field(record, 'ip_list'));
  const macs = list(field(record, 'mac_list'));
  const firsts = list(field(record, 'first_seen_list'));
  const lasts = list(field(record, 'last_seen_list'));
  const count = Math.max(ips.length, macs.length, firsts.length, lasts.length);
  const out: XdomeInterface[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ ip: ips[i], mac: macs[i], firstSeen: parseTime(firsts[i]), lastSeen: parseTime(lasts[i]) });
  }
  return out;
}

function extreme(values: (string | null)[], pickLater: boolean): string | null {
  let best: string | null = null;
  for (const v of values) if (v !== null && (best === null || (pickLater ? v > best : v < best))) best = v;
  return best;
}

export const clarotyXdomeImporter: RecordImporter<null> = {
  records: (doc) => findRecordArray(doc, ['devices']),
  createState: () => null,
  handle(record, label, ctx) {
    const nics = zipInterfaces(record);
    const hostnameFields = Object.keys(record).filter((k) => /hostnames?$/.test(k));
    emitAsset(ctx, label, {
      sourceId: pick(record, 'uid', 'device_uid', 'asset_id', 'device_asset_id'),
      name: pick(record, 'device_name', 'local_name', 'device_local_name', 'name'),
      ips: nics.map((n) => n.ip),
      macs: nics.map((n) => n.mac),
      hostnames: hostnameFields.map((k) => record[k]),
      vendor: field(record, 'manufacturer'),
      model: field(record, 'model'),
      firmware: field(record, 'software_or_firmware_version'),
      os: joinKnown(field(record, 'os_name'), field(record, 'os_version')),
      serial: field(record, 'serial_number'),
      type: pick(record, 'device_type', 'device_subcategory', 'device_category'),
      purdueLevel: field(record, 'purdue_level'),
      criticality: field(record, 'criticality'),
      firstSeen:
        extreme(
          nics.map((n) => n.firstSeen),
          false,
        ) ?? field(record, 'first_seen'),
      lastSeen:
        extreme(
          nics.map((n) => n.lastSeen),
          true,
        ) ?? field(record, 'last_seen'),
      protocols: field(record, 'protocols'),
    });
  },
};

export const clarotyXdomeSource = defineSource({
  format: 'claroty-xdome',
  label: 'Claroty xDome',
  detection: {
    signature: [
      'ip_list',
      'mac_list',
      'mac_oui_list',
      'device_category',
      'device_subcategory',
      'device_type_family',
      'software_or_firmware_version',
      'network_list',
      'first_seen_list',
      'last_seen_list',
      'device_uid',
      'device_ip_list',
      'device_mac_list',
      'vlan_list',
      'switch_ip_list',
    ],
  },
  json: {
    reader: recordReader(clarotyXdomeImporter),
    shape: 'a devices response ({"devices": [...]})',
    singleRecord: true,
    mapped: false,
  },
  csv: { reader: recordReader(clarotyXdomeImporter) },
});
