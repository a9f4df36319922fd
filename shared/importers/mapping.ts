import type { AssetInput } from './build';

/** The asset fields a column can feed. */
export const MAPPING_TARGETS = [
  'sourceId',
  'name',
  'ips',
  'macs',
  'hostnames',
  'vendor',
  'model',
  'firmware',
  'os',
  'serial',
  'type',
  'purdueLevel',
  'protocols',
  'criticality',
  'firstSeen',
  'lastSeen',
  'endOfSupport',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/** Targets that take several columns (an IPv4 and an IPv6 column both feed ips). */
const MULTI_TARGETS: ReadonlySet<MappingTarget> = new Set(['ips', 'macs', 'hostnames', 'protocols']);

/** Which columns feed which field; plain JSON so the UI can save it as a preset. */
export interface ColumnMapping {
  version: 1;
  fields: Partial<Record<MappingTarget, string[]>>;
}

/** What the mapping editor calls each target. */
export const MAPPING_TARGET_LABELS: Record<MappingTarget, string> = {
  sourceId: 'Source id',
  name: 'Name',
  ips: 'IP addresses',
  macs: 'MAC addresses',
  hostnames: 'Host names',
  vendor: 'Vendor',
  model: 'Model',
  firmware: 'Firmware',
  os: 'OS',
  serial: 'Serial',
  type: 'Type',
  purdueLevel: 'Purdue level',
  protocols: 'Protocols',
  criticality: 'Criticality',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  endOfSupport: 'End of support',
};

/** The target a column feeds, or '' when it feeds none. */
export function mappingTargetOf(mapping: ColumnMapping | null, header: string): MappingTarget | '' {
  if (!mapping) return '';
  for (const target of MAPPING_TARGETS) if (mapping.fields[target]?.includes(header)) return target;
  return '';
}

/** The mapping with this column feeding `target` (or nothing, for ''). */
export function withMappingTarget(
  mapping: ColumnMapping,
  header: string,
  target: MappingTarget | '',
): ColumnMapping {
  const fields: ColumnMapping['fields'] = {};
  for (const t of MAPPING_TARGETS) {
    const kept = (mapping.fields[t] ?? []).filter((h) => h !== header);
    if (t === target) {
      // Single-valued fields take one column: the newly chosen one replaces the old.
      fields[t] = MULTI_TARGETS.has(t) ? [...kept, header] : [header];
    } else if (kept.length > 0) fields[t] = kept;
  }
  return { version: 1, fields };
}

export const MAPPING_PRESETS = ['generic', 'nozomi', 'dragos', 'tenable-ot'] as const;
export type MappingPreset = (typeof MAPPING_PRESETS)[number];

/** "IP Address(es)" -> "ipaddresses": case, spaces and punctuation do not matter. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Header names per target, most specific first (compared by headerKey). */
const GENERIC_ALIASES: Record<MappingTarget, string[]> = {
  sourceId: ['id', 'assetid', 'deviceid', 'uid', 'uuid', 'resourceid', 'objectid', 'nodeid', 'hostid', 'key'],
  name: [
    'name',
    'assetname',
    'devicename',
    'displayname',
    'displaytitle',
    'label',
    'title',
    'asset',
    'device',
    'mainname',
  ],
  ips: [
    'ip',
    'ips',
    'ipaddress',
    'ipaddresses',
    'ipaddr',
    'ipv4',
    'ipv4address',
    'ipv4addresses',
    'ipv6',
    'ipv6address',
    'ipv6addresses',
    'iplist',
    'addresses',
    'address',
    'networkaddress',
  ],
  macs: [
    'mac',
    'macs',
    'macaddress',
    'macaddresses',
    'maclist',
    'hwaddress',
    'physicaladdress',
    'ethernetaddress',
  ],
  hostnames: ['hostname', 'hostnames', 'dnsname', 'dnsnames', 'fqdn', 'netbiosname', 'domainname'],
  vendor: ['vendor', 'manufacturer', 'make', 'vendorname', 'brand', 'macvendor', 'ouivendor'],
  model: [
    'model',
    'modelname',
    'productname',
    'product',
    'devicemodel',
    'hardwaremodel',
    'partnumber',
    'family',
  ],
  firmware: [
    'firmware',
    'firmwareversion',
    'fwversion',
    'fw',
    'softwareorfirmwareversion',
    'softwareversion',
    'version',
  ],
  os: ['os', 'operatingsystem', 'osname', 'osversion', 'platform'],
  serial: ['serial', 'serialnumber', 'serialno', 'sn'],
  type: ['type', 'assettype', 'devicetype', 'category', 'role', 'roles', 'class', 'devicecategory', 'kind'],
  purdueLevel: ['purduelevel', 'purdue', 'level', 'networklevel'],
  protocols: ['protocols', 'protocol', 'protocollist', 'services'],
  criticality: ['criticality', 'businessimpact', 'importance', 'priority'],
  firstSeen: [
    'firstseen',
    'firstactivitytime',
    'firstactivity',
    'discovered',
    'discoveredat',
    'createdat',
    'created',
    'firstdetected',
  ],
  lastSeen: [
    'lastseen',
    'lastactivitytime',
    'lastactivity',
    'lastupdated',
    'updatedat',
    'lastdetected',
    'time',
  ],
  endOfSupport: ['endofsupport', 'endofsupportdate', 'eos', 'eosdate', 'endoflife', 'eol', 'endoflifedate'],
};

/** Extra names per preset, tried before the generic ones. */
const PRESET_ALIASES: Record<MappingPreset, Partial<Record<MappingTarget, string[]>>> = {
  generic: {},
  nozomi: {
    ips: ['ip', 'ips', 'nodes'],
    macs: ['macaddress'],
    model: ['productname'],
    firmware: ['firmwareversion', 'osorfirmware'],
    purdueLevel: ['level'],
    firstSeen: ['firstactivitytime', 'createdat'],
    lastSeen: ['lastactivitytime', 'time'],
    endOfSupport: ['endofsupportdate'],
    type: ['type'],
  },
  dragos: {
    sourceId: ['assetid', 'id'],
    name: ['assetname', 'name', 'displayname'],
    ips: ['ipaddresses', 'ipaddress', 'ip', 'addresses'],
    macs: ['macaddresses', 'macaddress', 'mac'],
    hostnames: ['hostnames', 'hostname', 'dnsnames'],
    type: ['assettype', 'type', 'role'],
    model: ['model', 'assetmodel'],
    firmware: ['firmwareversion', 'firmware'],
    firstSeen: ['firstseen', 'firstseenat', 'createdat'],
    lastSeen: ['lastseen', 'lastseenat', 'updatedat'],
  },
  'tenable-ot': {
    model: ['model', 'modelname', 'family'],
    firmware: ['firmwareversion', 'firmware'],
    type: ['type', 'category', 'supertype'],
    purdueLevel: ['purduelevel'],
  },
};

const CONTAINS_RULES: [RegExp, MappingTarget][] = [
  [/macaddr|^mac/, 'macs'],
  [/^ip|ipaddr|ipv4|ipv6|ip$/, 'ips'],
  [/hostname|dnsname|fqdn/, 'hostnames'],
  [/firmware/, 'firmware'],
  [/serial/, 'serial'],
  [/vendor|manufacturer/, 'vendor'],
  [/model|product/, 'model'],
  [/operatingsystem|^os/, 'os'],
  [/purdue/, 'purdueLevel'],
  [/protocol/, 'protocols'],
  [/criticality/, 'criticality'],
  [/firstseen|firstactiv|discovered/, 'firstSeen'],
  [/lastseen|lastactiv/, 'lastSeen'],
  [/endofsupport|endoflife/, 'endOfSupport'],
];

/**
 * Suggests which header feeds which asset field from the header names alone: exact aliases first
 * (a preset's, then generic ones), then names that contain a telling word.
 */
export function suggestMapping(headers: readonly string[], preset: MappingPreset = 'generic'): ColumnMapping {
  const fields: Partial<Record<MappingTarget, string[]>> = {};
  const used = new Set<string>();
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key && !byKey.has(key)) byKey.set(key, header);
  }
  const assign = (target: MappingTarget, header: string) => {
    if (used.has(header)) return;
    const list = (fields[target] ??= []);
    if (!MULTI_TARGETS.has(target) && list.length > 0) return;
    list.push(header);
    used.add(header);
  };
  for (const aliases of [PRESET_ALIASES[preset], GENERIC_ALIASES]) {
    for (const target of MAPPING_TARGETS) {
      for (const alias of aliases[target] ?? []) {
        const header = byKey.get(alias);
        if (header !== undefined) assign(target, header);
      }
    }
  }
  for (const header of headers) {
    if (used.has(header)) continue;
    const key = headerKey(header);
    const rule = CONTAINS_RULES.find(([pattern]) => pattern.test(key));
    if (rule) assign(rule[1], header);
  }
  return { version: 1, fields };
}

/** Checks a saved mapping (from the UI or a preset file); returns the problems found. */
export function validateMapping(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['a mapping must be an object'];
  const mapping = value as { version?: unknown; fields?: unknown };
  if (mapping.version !== 1) return ['unknown mapping version'];
  if (typeof mapping.fields !== 'object' || mapping.fields === null) return ['a mapping needs "fields"'];
  const problems: string[] = [];
  for (const [target, headers] of Object.entries(mapping.fields)) {
    if (!(MAPPING_TARGETS as readonly string[]).includes(target)) problems.push(`unknown field "${target}"`);
    else if (!Array.isArray(headers) || headers.some((h) => typeof h !== 'string')) {
      problems.push(`"${target}" must list column names`);
    }
  }
  return problems;
}

/** True when the mapping identifies assets at all (an address, a name or an id). */
export function mappingIdentifiesAssets(mapping: ColumnMapping): boolean {
  const has = (t: MappingTarget) => (mapping.fields[t]?.length ?? 0) > 0;
  return has('ips') || has('macs') || has('name') || has('sourceId') || has('hostnames');
}

/** The asset values one record gives under a mapping. */
export function applyMapping(record: Record<string, unknown>, mapping: ColumnMapping): AssetInput {
  const input: AssetInput = {};
  for (const target of MAPPING_TARGETS) {
    const headers = mapping.fields[target];
    if (!headers || headers.length === 0) continue;
    if (MULTI_TARGETS.has(target)) {
      input[target] = headers.map((h) => record[h]);
    } else {
      for (const header of headers) {
        const value = record[header];
        if (value !== undefined && value !== null && value !== '') {
          input[target] = value;
          break;
        }
      }
    }
  }
  return input;
}

/** Flattens nested JSON objects one level deep into "parent.child" keys, for mapping JSON records. */
export function flattenRecord(
  record: Record<string, unknown>,
  prefix = '',
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && depth < 2) {
      Object.assign(out, flattenRecord(value as Record<string, unknown>, name, depth + 1));
    } else {
      out[name] = value;
    }
  }
  return out;
}
