import { decodePrefix } from './decode';
import { detectDelimiter } from './delimited';
import { looksLikeJson } from './json-input';
import { isGrassmarlinCsvHeader } from './sources/grassmarlin';
import type { InventoryFormat } from './types';
import Papa from 'papaparse';

export interface DetectedFormat {
  format: InventoryFormat;
  /** 0..1: how sure the guess is; below 0.5 the UI should ask. */
  confidence: number;
  /** What the guess rests on, for the preview. */
  reason: string;
  container: 'json' | 'csv' | 'zip' | 'xml';
}

/** Keys (JSON) or column names (CSV) that only one source uses; matched literally, case-sensitive. */
const SIGNATURES: [InventoryFormat, string[]][] = [
  [
    'nozomi',
    [
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
  ],
  [
    'claroty-ctd',
    [
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
  ],
  [
    'claroty-xdome',
    [
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
  ],
  [
    'armis',
    [
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
  ],
  [
    'defender-iot',
    [
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
  ],
  [
    'tenable-ot',
    [
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
  ],
  [
    'forescout',
    [
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
  ],
  ['malcolm', ['buckets', 'doc_count', 'sum_other_doc_count', 'doc_count_error_upper_bound']],
  ['dragos', ['totalElements', 'totalPages', 'pageable', 'numberOfElements', 'assetId', 'dragos']],
];

/** JSON keys in a prefix of the text: "name": ... */
function jsonKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const pattern = /"((?:[^"\\\n]|\\.){1,100})"\s*:/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) keys.add(m[1]!);
  return keys;
}

function score(keys: Set<string>): { format: InventoryFormat; hits: string[] }[] {
  return SIGNATURES.map(([format, signature]) => ({
    format,
    hits: signature.filter((k) => keys.has(k)),
  })).sort((x, y) => y.hits.length - x.hits.length);
}

function fromScores(keys: Set<string>, container: 'json' | 'csv', fallback: InventoryFormat): DetectedFormat {
  const ranked = score(keys);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const needed = 2;
  if (best.hits.length >= needed && best.hits.length > second.hits.length) {
    const margin = best.hits.length - second.hits.length;
    return {
      format: best.format,
      confidence: Math.min(0.99, 0.5 + 0.1 * best.hits.length + 0.05 * margin),
      reason: `${container === 'json' ? 'keys' : 'columns'} ${best.hits.slice(0, 5).join(', ')}`,
      container,
    };
  }
  return {
    format: fallback,
    confidence: best.hits.length > 0 ? 0.4 : 0.6,
    reason:
      best.hits.length > 0
        ? `no source matched clearly (closest: ${best.format})`
        : `plain ${container.toUpperCase()}`,
    container,
  };
}

/** The header row of a CSV/TSV prefix. */
export function csvHeaders(text: string): string[] {
  const firstLines = text.split(/\r\n|\n|\r/, 2)[0] ?? '';
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(firstLines, { delimiter });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

/**
 * Guesses the source from the content (never the file name): ZIP magic for a GRASSMARLIN session,
 * JSON keys that only one platform uses, or CSV column names.
 */
export function detectFormat(input: Uint8Array | string): DetectedFormat {
  if (
    typeof input !== 'string' &&
    input.length >= 4 &&
    input[0] === 0x50 &&
    input[1] === 0x4b &&
    input[2] === 3 &&
    input[3] === 4
  ) {
    return {
      format: 'grassmarlin',
      confidence: 0.9,
      reason: 'a ZIP archive (GRASSMARLIN .gm3 session)',
      container: 'zip',
    };
  }
  const text = typeof input === 'string' ? input.slice(0, 65_536) : decodePrefix(input);
  if (/^\s*(<\?xml[^>]*>\s*)?<graph[\s>]/.test(text)) {
    return { format: 'grassmarlin', confidence: 0.8, reason: 'a GRASSMARLIN graph XML', container: 'xml' };
  }
  if (looksLikeJson(text)) return fromScores(jsonKeys(text), 'json', 'json');
  const headers = csvHeaders(text);
  if (isGrassmarlinCsvHeader(headers)) {
    return {
      format: 'grassmarlin',
      confidence: 0.9,
      reason: `GRASSMARLIN report columns (${headers.slice(0, 4).join(', ')})`,
      container: 'csv',
    };
  }
  return fromScores(new Set(headers), 'csv', 'csv');
}
