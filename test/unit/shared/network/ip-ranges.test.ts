import { describe, expect, it } from 'vitest';
import {
  findRangeOverlaps,
  formatIp,
  parseIp,
  parseRange,
  parseRanges,
  rangeContainsIp,
  rangeContainsRange,
  rangeSize,
  rangesOverlap,
  type IpRange,
} from '../../../../shared/network';

function range(text: string): IpRange {
  const parsed = parseRange(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function failure(text: string): string {
  const parsed = parseRange(text);
  if (parsed.ok) throw new Error(`${text} parsed`);
  return parsed.message;
}

describe('parseIp', () => {
  it('reads IPv4 and IPv6 in their usual spellings', () => {
    expect(parseIp('10.1.2.3')).toEqual({ version: 4, value: 0x0a010203n });
    expect(parseIp('::1')).toEqual({ version: 6, value: 1n });
    expect(parseIp('fd00::')).toEqual({ version: 6, value: 0xfd00n << 112n });
    expect(parseIp('2001:db8:0:0:0:0:0:1')?.value).toBe(parseIp('2001:db8::1')?.value);
    expect(parseIp('::ffff:10.0.0.1')?.value).toBe((0xffffn << 32n) | 0x0a000001n);
  });

  it('rejects what is not an address', () => {
    for (const bad of [
      '10.0.0',
      '10.0.0.256',
      '1.2.3.4.5',
      'a.b.c.d',
      '1::2::3',
      '12345::',
      'fd00:::1',
      '',
      '1:2:3:4:5:6:7:8:9',
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('formats IPv6 with the longest zero run compressed', () => {
    expect(formatIp(6, parseIp('2001:db8:0:0:1:0:0:1')!.value)).toBe('2001:db8::1:0:0:1');
    expect(formatIp(4, 0xc0a80001n)).toBe('192.168.0.1');
  });
});

describe('parseRange', () => {
  it('reads CIDR blocks, from-to ranges and single addresses', () => {
    expect(range('10.0.0.0/24')).toMatchObject({ version: 4, start: 0x0a000000n, end: 0x0a0000ffn });
    expect(range(' 10.0.0.5 - 10.0.0.20 ')).toMatchObject({
      start: 0x0a000005n,
      end: 0x0a000014n,
      text: '10.0.0.5 - 10.0.0.20',
    });
    expect(range('192.168.1.7')).toMatchObject({ start: 0xc0a80107n, end: 0xc0a80107n });
    expect(rangeSize(range('fd00:1::/64'))).toBe(1n << 64n);
    expect(rangeSize(range('0.0.0.0/0'))).toBe(1n << 32n);
    expect(rangeSize(range('fd00::1-fd00::ff'))).toBe(255n);
  });

  it('explains what is wrong with a bad range', () => {
    expect(failure('10.0.0.0/33')).toBe(
      '"10.0.0.0/33": the prefix length /33 is larger than /32, the most an IPv4 address has',
    );
    expect(failure('fd00::/129')).toContain('larger than /128');
    expect(failure('10.0.0.9-10.0.0.1')).toBe(
      '"10.0.0.9-10.0.0.1": the range runs backwards: 10.0.0.9 comes after 10.0.0.1',
    );
    expect(failure('10.0.0.7/24')).toContain('host bits are set; the network of this block is 10.0.0.0/24');
    expect(failure('10.0.0.300/24')).toContain('"10.0.0.300" is not an IPv4 or IPv6 address');
    expect(failure('10.0.0.1-fd00::1')).toContain('both ends of a range must be IPv4, or both IPv6');
    expect(failure('10.0.0.0/abc')).toContain('prefix length must be a number from 0 to 32');
    expect(failure('plantfloor')).toContain('not an IPv4/IPv6 address');
    expect(parseRange('  ')).toEqual({ ok: false, message: 'the range is empty' });
  });

  it('names the position of the first bad range in a list', () => {
    expect(parseRanges(['10.0.0.0/24', '10.0.1.0/33'])).toEqual({
      ok: false,
      message:
        'range 2, "10.0.1.0/33": the prefix length /33 is larger than /32, the most an IPv4 address has',
    });
    const ok = parseRanges(['10.0.0.0/24', 'fd00::/64']);
    expect(ok.ok && ok.value.map((r) => r.version)).toEqual([4, 6]);
  });
});

describe('containment and overlap', () => {
  it('tests containment within one IP version only', () => {
    const net = range('10.0.0.0/16');
    expect(rangeContainsIp(net, parseIp('10.0.255.255')!)).toBe(true);
    expect(rangeContainsIp(net, parseIp('10.1.0.0')!)).toBe(false);
    expect(rangeContainsIp(range('::/0'), parseIp('10.0.0.1')!)).toBe(false);
    expect(rangeContainsRange(net, range('10.0.3.0/24'))).toBe(true);
    expect(rangeContainsRange(range('10.0.3.0/24'), net)).toBe(false);
  });

  it('detects shared addresses at the edges', () => {
    expect(rangesOverlap(range('10.0.0.0/24'), range('10.0.0.255-10.0.1.10'))).toBe(true);
    expect(rangesOverlap(range('10.0.0.0/24'), range('10.0.1.0/24'))).toBe(false);
    expect(rangesOverlap(range('fd00::/64'), range('fd00::8000:0:0:0/65'))).toBe(true);
  });

  it('finds overlaps between zones, not within one zone, and tells nesting apart', () => {
    const overlaps = findRangeOverlaps([
      { id: 'ops', name: 'Operations', ranges: ['10.10.0.0/16', '10.10.5.0/24'] },
      { id: 'cell', name: 'Cell A', ranges: ['10.10.5.0/24'] },
      { id: 'dmz', name: 'DMZ', ranges: ['172.16.0.0/24', 'fd00:10::/64'] },
      { id: 'it', name: 'Enterprise', ranges: ['172.16.0.128-172.16.1.5', 'fd00:20::/64', 'not-a-range'] },
    ]);
    const pairs = overlaps.map(
      (o) => `${o.zoneA.id}:${o.zoneA.range}|${o.zoneB.id}:${o.zoneB.range}|${o.nested}`,
    );
    expect(pairs.sort()).toEqual(
      [
        'ops:10.10.0.0/16|cell:10.10.5.0/24|true',
        'ops:10.10.5.0/24|cell:10.10.5.0/24|true',
        'dmz:172.16.0.0/24|it:172.16.0.128-172.16.1.5|false',
      ].sort(),
    );
  });
});
