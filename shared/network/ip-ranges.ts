/**
 * IPv4/IPv6 addresses as BigInt and zone ranges as [start, end] intervals.
 *
 * Hand-written on purpose: range containment, size and overlap need 128-bit interval arithmetic,
 * which the address-parsing libraries (ipaddr.js and similar) do not offer; the parsing itself is
 * small and strict here so every rejection can say exactly what is wrong.
 */

export type IpVersion = 4 | 6;

export interface IpRange {
  /** The text as the assessor typed it (trimmed). */
  text: string;
  version: IpVersion;
  start: bigint;
  end: bigint;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const IPV4_BITS = 32;
const IPV6_BITS = 128;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let body = text;
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  if (body.length === 0 || body.split('::').length > 2) return null;
  // An embedded IPv4 tail ("::ffff:10.0.0.1") becomes two 16-bit groups.
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (v4 === null) return null;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = body.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups =
    rest === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  if (groups.length !== 8) return null;
  if (rest !== undefined && headGroups.length + restGroups.length > 7) return null;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** One address, IPv4 or IPv6, or null when it is not one. */
export function parseIp(text: string): { version: IpVersion; value: bigint } | null {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === null ? null : { version: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === null ? null : { version: 4, value };
}

const bitsOf = (version: IpVersion) => (version === 4 ? IPV4_BITS : IPV6_BITS);

export function formatIp(version: IpVersion, value: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
  }
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Parses "10.0.0.0/24", "fd00::/64", "10.0.0.5-10.0.0.20", "fd00::1-fd00::ff" or a single
 * address (a range of one). Host bits set in a CIDR ("10.0.0.7/24") are rejected: the assessor
 * probably meant something else, and silently widening the range would misplace assets.
 */
export function parseRange(input: string): ParseResult<IpRange> {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'the range is empty' };
  const fail = (why: string): ParseResult<IpRange> => ({ ok: false, message: `"${text}": ${why}` });

  if (text.includes('/')) {
    const [address = '', prefixText = '', ...extra] = text.split('/');
    if (extra.length > 0) return fail('a CIDR block has one "/"');
    const ip = parseIp(address);
    if (!ip) return fail(`"${address}" is not an IPv4 or IPv6 address`);
    const bits = bitsOf(ip.version);
    if (!/^\d{1,3}$/.test(prefixText)) return fail(`the prefix length must be a number from 0 to ${bits}`);
    const prefix = Number(prefixText);
    if (prefix > bits)
      return fail(
        `the prefix length /${prefix} is larger than /${bits}, the most an IPv${ip.version} address has`,
      );
    const hostBits = BigInt(bits - prefix);
    const hostMask = (1n << hostBits) - 1n;
    if ((ip.value & hostMask) !== 0n) {
      const network = formatIp(ip.version, ip.value & ~hostMask);
      return fail(`host bits are set; the network of this block is ${network}/${prefix}`);
    }
    return { ok: true, value: { text, version: ip.version, start: ip.value, end: ip.value | hostMask } };
  }

  const dash = text.indexOf('-');
  if (dash >= 0) {
    const fromText = text.slice(0, dash).trim();
    const toText = text.slice(dash + 1).trim();
    const from = parseIp(fromText);
    const to = parseIp(toText);
    if (!from) return fail(`"${fromText}" is not an IPv4 or IPv6 address`);
    if (!to) return fail(`"${toText}" is not an IPv4 or IPv6 address`);
    if (from.version !== to.version) return fail('both ends of a range must be IPv4, or both IPv6');
    if (from.value > to.value) return fail(`the range runs backwards: ${fromText} comes after ${toText}`);
    return { ok: true, value: { text, version: from.version, start: from.value, end: to.value } };
  }

  const ip = parseIp(text);
  if (!ip)
    return fail('not an IPv4/IPv6 address, a CIDR block (10.0.0.0/24) or a range (10.0.0.1-10.0.0.50)');
  return { ok: true, value: { text, version: ip.version, start: ip.value, end: ip.value } };
}

/** Parses every range; on the first bad one, a message naming it and its position. */
export function parseRanges(inputs: readonly string[]): ParseResult<IpRange[]> {
  const ranges: IpRange[] = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = parseRange(input);
    if (!parsed.ok) return { ok: false, message: `range ${index + 1}, ${parsed.message}` };
    ranges.push(parsed.value);
  }
  return { ok: true, value: ranges };
}

/** Number of addresses in the range: the smaller, the more specific. */
export function rangeSize(range: IpRange): bigint {
  return range.end - range.start + 1n;
}

export function rangeContainsIp(range: IpRange, ip: { version: IpVersion; value: bigint }): boolean {
  return range.version === ip.version && ip.value >= range.start && ip.value <= range.end;
}

export function rangeContainsRange(outer: IpRange, inner: IpRange): boolean {
  return outer.version === inner.version && inner.start >= outer.start && inner.end <= outer.end;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

export interface ZoneRangeInput {
  id: string;
  name: string;
  ranges: readonly string[];
}

export interface RangeOverlap {
  zoneA: { id: string; name: string; range: string };
  zoneB: { id: string; name: string; range: string };
  /** True when one range lies wholly inside the other (nesting), false for a partial overlap. */
  nested: boolean;
}

/**
 * Every pair of ranges in two different zones that share at least one address. Ranges that do
 * not parse are skipped here (the zone's own validation reports them). Sorted sweep, so a
 * large plant with many ranges stays fast.
 */
export function findRangeOverlaps(zones: readonly ZoneRangeInput[]): RangeOverlap[] {
  const entries: { zone: ZoneRangeInput; range: IpRange }[] = [];
  for (const zone of zones) {
    for (const text of zone.ranges) {
      const parsed = parseRange(text);
      if (parsed.ok) entries.push({ zone, range: parsed.value });
    }
  }
  entries.sort(
    (a, b) =>
      a.range.version - b.range.version ||
      (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0),
  );
  const overlaps: RangeOverlap[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    const a = entries[i]!;
    for (let j = i + 1; j < entries.length; j += 1) {
      const b = entries[j]!;
      if (b.range.version !== a.range.version || b.range.start > a.range.end) break;
      if (a.zone.id === b.zone.id) continue;
      overlaps.push({
        zoneA: { id: a.zone.id, name: a.zone.name, range: a.range.text },
        zoneB: { id: b.zone.id, name: b.zone.name, range: b.range.text },
        nested: rangeContainsRange(a.range, b.range) || rangeContainsRange(b.range, a.range),
      });
    }
  }
  return overlaps;
}
