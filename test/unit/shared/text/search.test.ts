import { describe, expect, it } from 'vitest';
import { matchesWords, normaliseForSearch, searchWords } from '../../../../shared/text/search';

describe('normaliseForSearch', () => {
  it('ignores accents and case', () => {
    expect(normaliseForSearch('Müller')).toBe('muller');
    expect(normaliseForSearch('MÜLLER')).toBe('muller');
    expect(normaliseForSearch('São Paulo Façade')).toBe('sao paulo facade');
    expect(normaliseForSearch('Straße')).toBe('strasse');
    expect(normaliseForSearch('Ａｂｂ')).toBe('abb');
  });

  it('matches every word anywhere in the texts', () => {
    expect(matchesWords(searchWords('muller plc'), ['PLC-003', 'Müller GmbH'])).toBe(true);
    expect(matchesWords(searchWords('MÜLLER'), ['muller'])).toBe(true);
    expect(matchesWords(searchWords('muller hmi'), ['PLC-003', 'Müller GmbH'])).toBe(false);
    expect(matchesWords(searchWords('  '), [null])).toBe(true);
  });
});
