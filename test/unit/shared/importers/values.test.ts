import { describe, expect, it } from 'vitest';
import {
  cleanText,
  isUnknown,
  normalizeIp,
  normalizeMac,
  parseAddress,
  parseCriticality,
  parsePurdue,
  parseTime,
  splitMulti,
  stripFormulaGuard,
} from '../../../../shared/importers';

describe('unknown values', () => {
  it('treats N/A, -, empty and null as unknown', () => {
    for (const v of ['N/A', 'n/a', '-', '', '  ', null, undefined, 'null', 'NULL'])
      expect(isUnknown(v)).toBe(true);
    for (const v of ['0', 'PLC', 0, false]) expect(isUnknown(v)).toBe(false);
    expect(cleanText(' N/A ')).toBeNull();
    expect(cleanText(' Siemens ')).toBe('Siemens');
  });
});

describe('formula guards', () => {
  it('strips one guard an exporter added', () => {
    expect(stripFormulaGuard("'PLC-7")).toBe('PLC-7');
    expect(stripFormulaGuard("'=cmd|' /C calc'!A0")).toBe("=cmd|' /C calc'!A0");
    expect(stripFormulaGuard('="00123"')).toBe('00123');
    expect(stripFormulaGuard('=EWS-01')).toBe('EWS-01');
    expect(stripFormulaGuard('+Dell')).toBe('Dell');
    expect(stripFormulaGuard('@SN-1')).toBe('SN-1');
    expect(stripFormulaGuard('\t-12')).toBe('-12');
    expect(stripFormulaGuard('-')).toBe('-');
    expect(cleanText("'-")).toBeNull();
  });
});

describe('multi-value cells', () => {
  it('splits on , ; | and newlines, dropping unknown parts', () => {
    expect(splitMulti('a, b;c|d\ne\r\nf')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(splitMulti(['x', 'N/A', ['y; z']])).toEqual(['x', 'y', 'z']);
    expect(splitMulti('-')).toEqual([]);
    expect(splitMulti(null)).toEqual([]);
  });
});

describe('times', () => {
  it('reads epoch seconds and milliseconds, as numbers or strings', () => {
    expect(parseTime(1701098192)).toBe('2023-11-27T15:16:32.000Z');
    expect(parseTime(1701098192520)).toBe('2023-11-27T15:16:32.520Z');
    expect(parseTime('1701098192520')).toBe('2023-11-27T15:16:32.520Z');
    expect(parseTime('1701098192')).toBe('2023-11-27T15:16:32.000Z');
  });
  it('reads ISO 8601 with offsets and microseconds, and RFC 1123', () => {
    expect(parseTime('2024-09-11T01:13:13.620093+00:00')).toBe('2024-09-11T01:13:13.620Z');
    expect(parseTime('2024-06-03T09:00:00.123456+02:00')).toBe('2024-06-03T07:00:00.123Z');
    expect(parseTime('2023-04-17T07:30:31+00:00')).toBe('2023-04-17T07:30:31.000Z');
    expect(parseTime('2024-02-01 08:00:00')).toBe('2024-02-01T08:00:00.000Z');
    expect(parseTime('2024-02-01T08:00:00+0130')).toBe('2024-02-01T06:30:00.000Z');
    expect(parseTime('Tue, 18 Feb 2025 00:29:19 GMT')).toBe('2025-02-18T00:29:19.000Z');
  });
  it('treats placeholders and garbage as unknown', () => {
    expect(parseTime(0)).toBeNull();
    expect(parseTime('1970-01-01T01:00:00.000+01:00')).toBeNull();
    expect(parseTime('yesterday')).toBeNull();
    expect(parseTime('2024-13-45T99:99:99Z')).toBeNull();
    expect(parseTime('N/A')).toBeNull();
  });
});

describe('MAC addresses', () => {
  it('normalizes to lower-case colon form', () => {
    expect(normalizeMac('00:0B:AB:1A:DD:DD')).toBe('00:0b:ab:1a:dd:dd');
    expect(normalizeMac('00-1D-9C-AA-BB-02')).toBe('00:1d:9c:aa:bb:02');
    expect(normalizeMac('00a0.4501.0204')).toBe('00:a0:45:01:02:04');
    expect(normalizeMac('001D9CAABB02')).toBe('00:1d:9c:aa:bb:02');
    expect(normalizeMac('00:11:22:33:44')).toBeNull();
    expect(normalizeMac('00:11-22:33:44:55')).toBeNull();
    expect(normalizeMac('zz:11:22:33:44:55')).toBeNull();
  });
});

describe('IP addresses', () => {
  it('validates and canonicalizes IPv4 and IPv6', () => {
    expect(normalizeIp('10.001.030.001')).toBe('10.1.30.1');
    expect(normalizeIp('256.1.1.1')).toBeNull();
    expect(normalizeIp('10.1.1')).toBeNull();
    expect(normalizeIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normalizeIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normalizeIp('fe80::20c:29ff:fe12:3456%eth0')).toBe('fe80::20c:29ff:fe12:3456');
    expect(normalizeIp('2a02:cf40::')).toBe('2a02:cf40::');
    expect(normalizeIp('::ffff:175.16.199.0')).toBe('175.16.199.0');
    expect(normalizeIp('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(normalizeIp('1::2::3')).toBeNull();
    expect(normalizeIp('10.9.2.2/24')).toBe('10.9.2.2');
  });
  it('reads the annotations sensors put on addresses', () => {
    expect(parseAddress('10.20.1.5 / (Last Known IP)')).toEqual({
      ip: '10.20.1.5',
      note: 'last-known',
      path: null,
    });
    expect(parseAddress('127.0.0.1 (external)')).toEqual({ ip: '127.0.0.1', note: 'external', path: null });
    expect(parseAddress('10.1.30.1:Card 2 \\ Addr 255')).toEqual({
      ip: '10.1.30.1',
      note: 'backplane',
      path: 'Card 2 \\ Addr 255',
    });
    expect(parseAddress('plc.local')).toBeNull();
  });
});

describe('counts', () => {
  it('reads integers, digit strings and thousands separators', async () => {
    const { parseCount } = await import('../../../../shared/importers/values');
    expect(parseCount(90)).toBe(90);
    expect(parseCount('90')).toBe(90);
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('1.200.300')).toBe(1200300);
    expect(parseCount('-5')).toBeNull();
    expect(parseCount('12ab')).toBeNull();
  });
});

describe('Purdue levels and criticality', () => {
  it('reads the forms sources use', () => {
    expect(parsePurdue(1)).toBe(1);
    expect(parsePurdue('2')).toBe(2);
    expect(parsePurdue('Level 1')).toBe(1);
    expect(parsePurdue('Level1')).toBe(1);
    expect(parsePurdue('L3')).toBe(3);
    expect(parsePurdue('3.5')).toBe(3.5);
    expect(parsePurdue(7)).toBeNull();
    expect(parsePurdue('high')).toBeNull();
    expect(parseCriticality('eHigh')).toBe('high');
    expect(parseCriticality('HighCriticality')).toBe('high');
    expect(parseCriticality('eCritical')).toBe('critical');
    expect(parseCriticality('Medium')).toBe('medium');
    expect(parseCriticality('Unassigned')).toBeNull();
  });
});
