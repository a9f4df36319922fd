import { describe, expect, it } from 'vitest';
import { nounFor, plural } from '../../../../shared/text/plural';

describe('plural', () => {
  it('writes the regular English plural, and an irregular one when given', () => {
    expect(plural(1, 'asset')).toBe('1 asset');
    expect(plural(0, 'asset')).toBe('0 assets');
    expect(plural(2, 'match')).toBe('2 matches');
    expect(plural(3, 'address')).toBe('3 addresses');
    expect(plural(2, 'entry')).toBe('2 entries');
    expect(plural(2, 'key')).toBe('2 keys');
    expect(plural(2, 'advisory', 'advisories')).toBe('2 advisories');
    expect(nounFor(1, 'zone')).toBe('zone');
  });
});
