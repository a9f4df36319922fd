import { formatIpv6Groups } from '../model/ip-address';
import { CRITICALITIES, type Criticality } from '../model';

const UNKNOWN_TEXT = new Set([
  '',
  '-',
  '--',
  'n/a',
  'na',
  'null',
  'none',
  '(null)',
  'undefined',
  'unknown',
  'nan',
]);

/** "N/A", "-", "", null and friends all mean "the source does not know". */
export function isUnknown(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  // No unknown marker is longer than 9 characters; most cells are, and need no lower-casing.
  if (typeof value === 'string') return value.length <= 12 && UNKNOWN_TEXT.has(value.trim().toLowerCase());
  if (typeof value === 'number') return !Number.isFinite(value);
  return false;
}

/**
 * Removes one guard that spreadsheet exporters add so a cell is not run as a formula: a leading
 * apostrophe or tab, an ="..." wrapper, or a single = + @ in front of the value (Tenable and others
 * prefix cells that start with = + - @). A real inventory value never starts with = or @, so
 * dropping one is safe; a value that was itself a formula keeps the rest as plain text.
 */
export function stripFormulaGuard(text: string): string {
  if (text.length < 2) return text;
  if (text.startsWith("'") || text.startsWith('\t')) return text.slice(1);
  const wrapped = /^="(.*)"$/s.exec(text);
  if (wrapped) return wrapped[1]!.replace(/""/g, '"');
  return /^[=+@]/.test(text) ? text.slice(1) : text;
}

/** A cell or JSON value as trimmed text, or null when unknown. */
const NEEDS_CLEANING = /^[\s'=+@]|\s$/;

export function cleanText(value: unknown, maxLength = 2000): string | null {
  if (value === null || value === undefined) return null;
  // Fast path for the common cell: plain text with nothing to strip.
  if (
    typeof value === 'string' &&
    value.length > 12 &&
    value.length <= maxLength &&
    !NEEDS_CLEANING.test(value)
  ) {
    return value;
  }
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    text = String(value);
  else if (Array.isArray(value)) {
    const parts = value.map((v) => cleanText(v, maxLength)).filter((v): v is string => v !== null);
    text = parts.join(', ');
  } else return null;
  text = stripFormulaGuard(text.trim()).trim();
  if (isUnknown(text)) return null;
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

const MULTI_SEPARATORS = /[\n\r,;|]/;

/** Multi-value cells: arrays, or text joined by , ; | or newlines. Unknown parts are dropped. */
export function splitMulti(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => splitMulti(v));
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : [];
  if (typeof value !== 'string') return [];
  if (!MULTI_SEPARATORS.test(value)) {
    const single = cleanText(value);
    return single === null ? [] : [single];
  }
  const out: string[] = [];
  for (const part of value.split(/\r\n|[\n\r,;|]/)) {
    const text = cleanText(part);
    if (text !== null) out.push(text);
  }
  return out;
}

const MIN_TIME = Date.UTC(1980, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

function epochToIso(epoch: number): string | null {
  if (!Number.isFinite(epoch) || epoch <= 0) return null;
  // Seconds are below 1e11 until the year 5138; milliseconds are above it after 1973.
  const ms = epoch < 1e11 ? epoch * 1000 : epoch < 1e14 ? epoch : epoch / 1000;
  if (ms < MIN_TIME || ms > MAX_TIME) return null;
  return new Date(ms).toISOString();
}

/**
 * A time as ISO 8601 UTC: epoch seconds or milliseconds (numbers or digit strings), ISO 8601 with an
 * offset or more than millisecond precision, RFC 1123. Epoch 0 and times before 1980 are placeholders
 * (Forescout's "1970-01-01T01:00:00.000+01:00", Nozomi's end_of_support_date 0) and mean unknown.
 */
export function parseTime(value: unknown): string | null {
  if (typeof value === 'number') return epochToIso(value);
  const text = cleanText(value);
  if (text === null) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return epochToIso(Number(text));
  const iso =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text,
    );
  let ms: number;
  if (iso) {
    const fraction = (iso[3] ?? '').padEnd(3, '0').slice(0, 3);
    let zone = iso[4] ?? 'Z';
    if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const seconds = iso[2]!.length === 5 ? `${iso[2]}:00` : iso[2];
    ms = Date.parse(`${iso[1]}T${seconds}.${fraction}${zone.toUpperCase()}`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ms = Date.parse(`${text}T00:00:00Z`);
  } else if (
    /^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(:\d{2})?\s*(GMT|UTC|Z|[+-]\d{4})?$/.test(
      text,
    )
  ) {
    ms = Date.parse(text);
  } else {
    return null;
  }
  if (!Number.isFinite(ms) || ms < MIN_TIME || ms > MAX_TIME) return null;
  return new Date(ms).toISOString();
}

/** A MAC in lower-case colon form, from colon, dash, dot (Cisco) or bare hex; null if it is not one. */
const CANONICAL_MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export function normalizeMac(value: unknown): string | null {
  if (typeof value === 'string' && CANONICAL_MAC.test(value)) return value;
  const text = cleanText(value, 100);
  if (text === null) return null;
  const hex = text.replace(/[\s:.-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  if (
    !/^[0-9a-f]{1,2}([:.-])[0-9a-f]{1,2}(\1[0-9a-f]{1,2}){4}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$|^[0-9a-f]{12}$/i.test(
      text.replace(/\s/g, ''),
    )
  ) {
    return null;
  }
  return hex.match(/../g)!.join(':');
}

/** True for MACs that never identify one device: all zeros, broadcast, multicast. */
export function isSharedMac(mac: string): boolean {
  if (mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff') return true;
  // The group bit is the lowest bit of the first octet, i.e. of its second hex digit.
  return (parseInt(mac.charAt(1), 16) & 1) === 1;
}

function canonicalIpv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets.join('.');
}

/** RFC 5952 text form (hand-written: a few lines, and no IP library ships with the app). */
function canonicalIpv6(text: string): string | null {
  let body = text.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(body) || body.length > 45) return null;
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    const v4 = canonicalIpv4(body.slice(lastColon + 1));
    if (!v4) return null;
    const o = v4.split('.').map(Number);
    tail = [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!];
    body = body.slice(0, lastColon + 1) + (body[lastColon - 1] === ':' ? '' : '0');
    if (body.endsWith(':0') && !body.endsWith('::0')) body = body.slice(0, -2);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const groups: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  const head = parseGroups(halves[0]!);
  const rest = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!head || !rest) return null;
  const explicit = head.length + rest.length + tail.length;
  let groups: number[];
  if (halves.length === 2) {
    if (explicit > 7) return null;
    groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
  } else {
    if (explicit !== 8) return null;
    groups = [...head, ...tail];
  }
  // IPv4-mapped addresses are the IPv4 host itself.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return formatIpv6Groups(groups);
}

export type AddressNote = 'external' | 'last-known' | 'backplane' | null;

export interface ParsedAddress {
  ip: string;
  /** An annotation the source put on the address. */
  note: AddressNote;
  /** For a backplane address ("10.1.30.1:Card 2 \ Addr 255"), the module path behind the IP. */
  path: string | null;
}

/**
 * Validates an IPv4 or IPv6 address and returns its canonical form, reading the annotations sensors
 * add: "/ (Last Known IP)", "(external)", a CIDR suffix, an IPv6 zone, brackets, and Claroty's
 * backplane paths "10.1.30.1:Card 2 \ Addr 255".
 */
const PLAIN_IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function parseAddress(value: unknown): ParsedAddress | null {
  if (typeof value === 'string' && PLAIN_IPV4.test(value)) {
    const ip = canonicalIpv4(value);
    return ip ? { ip, note: null, path: null } : null;
  }
  let text = cleanText(value, 200);
  if (text === null) return null;
  let note: AddressNote = null;
  const annotation = /\s*\/?\s*\(([^()]*)\)\s*$/.exec(text);
  if (annotation) {
    const label = annotation[1]!.toLowerCase();
    if (label.includes('last known')) note = 'last-known';
    else if (label.includes('external')) note = 'external';
    text = text.slice(0, annotation.index).trim();
  }
  const backplane = /^(\d{1,3}(?:\.\d{1,3}){3}):(.*\\.*)$/.exec(text);
  if (backplane) {
    const ip = canonicalIpv4(backplane[1]!);
    return ip ? { ip, note: 'backplane', path: backplane[2]!.trim() } : null;
  }
  text = text
    .replace(/^\[(.*)\](?::\d+)?$/, '$1')
    .replace(/%[\w.-]+$/, '')
    .replace(/\/\d{1,3}$/, '');
  const ip = text.includes(':') ? canonicalIpv6(text) : canonicalIpv4(text);
  return ip ? { ip, note, path: null } : null;
}

/** The canonical IP, or null when it is not a valid address. */
export function normalizeIp(value: unknown): string | null {
  return parseAddress(value)?.ip ?? null;
}

/** True for addresses that never identify one device (unspecified, broadcast, multicast). */
export function isSharedIp(ip: string): boolean {
  if (ip === '0.0.0.0' || ip === '255.255.255.255' || ip === '::') return true;
  const dot = ip.indexOf('.');
  if (dot > 0 && !ip.includes(':')) {
    const first = Number(ip.slice(0, dot));
    return first >= 224 && first <= 239;
  }
  return ip.startsWith('ff');
}

/** A Purdue level from 0, "1", "Level 2", "L3", "3.5" (the DMZ), "Level1"; null outside 0..5. */
export function parsePurdue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value <= 5 ? value : null;
  const text = cleanText(value, 100);
  if (text === null) return null;
  const match = /^(?:purdue\s*)?(?:level|lvl|l)?\s*[-_ ]?\s*(\d(?:\.\d+)?)$/i.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 0 && n <= 5 ? n : null;
}

/** A criticality from words as sources write them: "High", "eHigh", "HighCriticality", "Critical". */
export function parseCriticality(value: unknown): Criticality | null {
  const text = cleanText(value, 100)?.toLowerCase();
  if (!text) return null;
  for (const level of [...CRITICALITIES].reverse()) {
    if (new RegExp(`(^|[^a-z])e?${level}|^${level}|${level}criticality`).test(text)) return level;
  }
  if (/^med/.test(text)) return 'medium';
  return null;
}

/** A non-negative integer from a number or digit string (thousands separators allowed), else null. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
  let text = cleanText(value, 40);
  if (text === null) return null;
  // Thousands separators as spreadsheets write them: "1,200", "1.200", "1 200".
  if (/^\d{1,3}([,. ]\d{3})+$/.test(text)) text = text.replace(/[,. ]/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Math.floor(Number(text));
  return Number.isSafeInteger(n) ? n : null;
}

/** A TCP/UDP port, or null. */
export function parsePort(value: unknown): number | null {
  const n = parseCount(value);
  return n !== null && n <= 65535 ? n : null;
}
