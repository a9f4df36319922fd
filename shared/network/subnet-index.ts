import { parseIp, parseRange, rangeContainsIp, rangeSize, type IpRange, type IpVersion } from './ip-ranges';

export interface SubnetIndexZone {
  id: string;
  name: string;
  ranges: readonly string[];
}

/** The range of a zone that holds an address; `size` compares how specific two matches are. */
export interface SubnetMatch {
  zoneId: string;
  range: IpRange;
  size: bigint;
}

/**
 * The zones' address ranges, most specific (smallest) first per IP version, so that the first
 * range holding an address is the one that decides its zone. Ties keep the zones' order. A range
 * that does not parse is left out and named in `problems` ("Zone "Cell A", range 2: …").
 */
export interface SubnetIndex {
  match(ip: string): SubnetMatch | undefined;
  problems: string[];
}

export function subnetIndex(zones: readonly SubnetIndexZone[]): SubnetIndex {
  const ranges: Record<IpVersion, SubnetMatch[]> = { 4: [], 6: [] };
  const problems: string[] = [];
  for (const zone of zones) {
    for (const [index, text] of zone.ranges.entries()) {
      const parsed = parseRange(text);
      if (!parsed.ok) problems.push(`Zone "${zone.name}", range ${index + 1}: ${parsed.message}`);
      else
        ranges[parsed.value.version].push({
          zoneId: zone.id,
          range: parsed.value,
          size: rangeSize(parsed.value),
        });
    }
  }
  for (const list of Object.values(ranges))
    list.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : 0));
  return {
    problems,
    match(text) {
      const ip = parseIp(text);
      return ip ? ranges[ip.version].find((candidate) => rangeContainsIp(candidate.range, ip)) : undefined;
    },
  };
}
