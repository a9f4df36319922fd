import { describe, expect, it } from 'vitest';
import { compareVersions, parseRange, parseVersion, rangeContains } from '../../../../shared/advisories';

const v = (text: string) => {
  const version = parseVersion(text);
  if (!version) throw new Error(`"${text}" did not parse`);
  return version;
};
const inRange = (range: string, version: string | null) =>
  rangeContains(parseRange(range), version === null ? null : parseVersion(version));

describe('vendor version styles', () => {
  it.each([
    ['V2.9.4', [2, 9, 4]],
    ['2.9.4', [2, 9, 4]],
    ['v02.09.04', [2, 9, 4]],
    ['R21', [21]],
    ['14.2s0', [14, 2]],
    ['SV3.51', [3, 51]],
    ['Firmware: v2.9', [2, 9]],
    ['2.9.', [2, 9]],
    ['FW 1.2.3', [1, 2, 3]],
  ])('%s reads as %j', (text, parts) => {
    expect(v(text).parts).toEqual(parts);
  });

  it('compares leading zeros, lengths and vendor prefixes as equal versions', () => {
    expect(compareVersions(v('v02.09.04'), v('V2.9.4'))).toBe(0);
    expect(compareVersions(v('2.9'), v('2.9.0'))).toBe(0);
    expect(compareVersions(v('R21'), v('21'))).toBe(0);
    expect(compareVersions(v('V2.9.4'), v('V2.9.10'))).toBe(-1);
    expect(compareVersions(v('3.01'), v('2.9'))).toBe(1);
  });

  it('orders service packs, updates and hotfixes after the release they patch', () => {
    expect(compareVersions(v('V4.33'), v('V4.33 SP1'))).toBe(-1);
    expect(compareVersions(v('V4.33 SP1'), v('V4.34'))).toBe(-1);
    expect(compareVersions(v('V14 SP1 Update 3'), v('V14 SP1 Update 10'))).toBe(-1);
    expect(compareVersions(v('V14 Update 3'), v('V14 SP1'))).toBe(-1);
    expect(compareVersions(v('V2.2 HF1'), v('V2.2'))).toBe(1);
    expect(compareVersions(v('14.2s0'), v('14.2s1'))).toBe(-1);
    expect(compareVersions(v('1.2.3 Build 456'), v('1.2.3 Build 457'))).toBe(-1);
  });

  it('finds no version in a date or a serial-number rule', () => {
    expect(parseVersion('April/2021')).toBeNull();
    expect(parseVersion('the_first_7_digits_of_serial_number_1234567')).toBeNull();
    expect(parseVersion('')).toBeNull();
  });
});

describe('version ranges', () => {
  it('reads vers: ranges', () => {
    expect(inRange('vers:all/*', '1.0')).toBe('in');
    expect(inRange('vers:all/<V2.9.7', 'V2.9.4')).toBe('in');
    expect(inRange('vers:all/<V2.9.7', 'V2.9.7')).toBe('out');
    expect(inRange('vers:intdot/<4.33', '4.32')).toBe('in');
    expect(inRange('vers:all/>=V2.9.2<V2.9.4', 'V2.9.3')).toBe('in');
    expect(inRange('vers:all/>=V2.9.2<V2.9.4', 'V2.9.4')).toBe('out');
    expect(inRange('vers:generic/>=1.0|<=2.0|>=3.0|<=3.4', '2.5')).toBe('out');
    expect(inRange('vers:generic/>=1.0|<=2.0|>=3.0|<=3.4', '3.2')).toBe('in');
  });

  it('reads operators written by hand, with and without spaces', () => {
    expect(inRange('< 3.01', 'v2.9')).toBe('in');
    expect(inRange('< 2.9', '2.9')).toBe('out');
    expect(inRange('<= 21.007', '21.007')).toBe('in');
    expect(inRange('<=21', '21.1')).toBe('out');
    expect(inRange('>= V2.0 | <= V2.9', 'V2.5')).toBe('in');
    expect(inRange('> V2.5 < V2.9.2', 'V2.5')).toBe('out');
    expect(inRange('< SV3.51', '3.01')).toBe('in');
  });

  it('reads "All versions", "All versions < V4.33", "prior to", "before" and "and earlier"', () => {
    expect(inRange('All versions', null)).toBe('in');
    expect(inRange('All Versions < V4.33', 'V4.32')).toBe('in');
    expect(inRange('All versions < V4.33', 'V4.33')).toBe('out');
    expect(inRange('All BIOS versions < V1.2.3', 'V1.2.2')).toBe('in');
    expect(inRange('All versions >= V2.5 and < V2.8', 'V2.7.1')).toBe('in');
    expect(inRange('prior to 3.1', '3.0.9')).toBe('in');
    expect(inRange('prior to 3.1', '3.1')).toBe('out');
    expect(inRange('before V2.0', 'V1.9')).toBe('in');
    expect(inRange('v21.003 and earlier', '21.003')).toBe('in');
    expect(inRange('3.0 and later', '2.9')).toBe('out');
  });

  it('reads "V2.0 to V2.9" and "V28 - V32" as inclusive release lines', () => {
    expect(inRange('V2.0 to V2.9', '2.9.4')).toBe('in');
    expect(inRange('V2.0 to V2.9', 'V1.9')).toBe('out');
    expect(inRange('V2.0 to V2.9', '3.0')).toBe('out');
    expect(inRange('28 - 32', '32.011')).toBe('in');
  });

  it('honours Update and SP suffixes and trailing dots in bounds', () => {
    expect(inRange('< V14 Update 3', 'V14 Update 2')).toBe('in');
    expect(inRange('< V14 Update 3', 'V14 Update 3')).toBe('out');
    expect(inRange('All versions < V4.33 SP1', 'V4.33')).toBe('in');
    expect(inRange('< V2.2 HF1', 'V2.2 HF1')).toBe('out');
    expect(inRange('<= 2.9.', '2.9')).toBe('in');
  });

  it('reads exact versions and lists of them', () => {
    expect(inRange('2.6', '2.6.0')).toBe('in');
    expect(inRange('2.6', '2.5')).toBe('out');
    expect(inRange('28.011 | 28.012 | 28.013', '28.012')).toBe('in');
    expect(inRange('<= 2.x', '2.9.4')).toBe('in');
    expect(inRange('<= 2.x', '3.0')).toBe('out');
  });

  it('answers unknown where the range or the version cannot be compared', () => {
    expect(inRange('<=the_first_7_digits_of_serial_number_1234567', '1.0')).toBe('unknown');
    expect(inRange('<April/2021', '1.0')).toBe('unknown');
    expect(inRange('< V2.0', null)).toBe('unknown');
    expect(inRange('< V2.0', 'unknown')).toBe('unknown');
  });
});

describe('version styles and range texts the blind sets turned up', () => {
  it("reads GE's release-letter-revision style and orders it", () => {
    expect(v('07A05').parts).toEqual([7, 1, 5]);
    expect(inRange('< 07A06', '07A05')).toBe('in');
    expect(inRange('< 07A06', '07A06')).toBe('out');
    expect(inRange('< 07A06', '07B01')).toBe('out');
    // The qualifier letters keep their meaning: 14.2s0 is a service pack, not a part.
    expect(v('14.2s0').parts).toEqual([14, 2]);
    expect(v('2.1p3').qualifiers).toEqual([0, 0, 3]);
  });

  it('reads feature packs as service packs', () => {
    expect(compareVersions(v('9.4 FP2'), v('9.4 FP2 Hotfix 5'))).toBe(-1);
    expect(inRange('<= 9.4 FP2 Hotfix 5', '9.4 FP1')).toBe('in');
    expect(inRange('<= 9.4 FP2 Hotfix 5', '9.4 FP3')).toBe('out');
  });

  it('reads "all versions including …" and a "*" alternative as all versions', () => {
    expect(parseRange('All versions including v1.5.0 plus205')).toEqual({ kind: 'all' });
    expect(parseRange('* | 1.5.0 plus205')).toEqual({ kind: 'all' });
    expect(inRange('* | 1.5.0 plus205', '0.9')).toBe('in');
    // "including" after a bound is not "all".
    expect(inRange('prior to 2.0', '2.1')).toBe('out');
  });

  it('reads wildcard releases and lists of major versions', () => {
    expect(inRange('version 12.6.*', '12.6.1')).toBe('in');
    expect(inRange('version 12.6.*', '12.7.0')).toBe('out');
    expect(inRange('10 | 11', '11')).toBe('in');
    expect(inRange('10 | 11', '12')).toBe('out');
    expect(inRange('Versions 1.28 and prior', '1.28')).toBe('in');
  });
});
