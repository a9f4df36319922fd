import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatTime, nounFor, plural } from '../../../../renderer/ui/format';

describe('plural', () => {
  it('writes a count with the noun in the right form', () => {
    expect(plural(1, 'record')).toBe('1 record');
    expect(plural(0, 'record')).toBe('0 records');
    expect(plural(2, 'zone')).toBe('2 zones');
    expect(plural(1234, 'asset')).toBe('1,234 assets');
    expect(plural(3, 'match')).toBe('3 matches');
    expect(plural(2, 'entry')).toBe('2 entries');
    expect(plural(2, 'key')).toBe('2 keys');
    expect(plural(2, 'analysis', 'analyses')).toBe('2 analyses');
    expect(nounFor(1, 'capture')).toBe('capture');
  });
});

describe('dates in the user locale', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('follows navigator.language', () => {
    vi.stubGlobal('navigator', { language: 'de-DE' });
    expect(formatDate('2026-03-06')).toBe('06.03.2026');
    vi.stubGlobal('navigator', { language: 'en-GB' });
    expect(formatDate('2026-03-06')).toBe('6 Mar 2026');
    vi.stubGlobal('navigator', { language: 'en-US' });
    expect(formatDate('2026-03-06')).toBe('Mar 6, 2026');
  });

  it('keeps a bare date on its day in any time zone, and shows what it cannot read as it is', () => {
    vi.stubGlobal('navigator', { language: 'en-GB' });
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('2026-03-06T17:00:00Z')).toMatch(/^6 Mar 2026, \d\d:\d\d$/);
    expect(formatTime('2026-03-06T17:05:00Z')).toMatch(/^\d\d:05$/);
  });
});
