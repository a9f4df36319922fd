import { describe, expect, it } from 'vitest';
import { minimumLevel } from '../../../../shared/catalogue/parse-tsv';

describe('minimumLevel', () => {
  it('is the first SL column holding 1', () => {
    expect(minimumLevel(['1', '1', '1', '1'])).toBe(1);
    expect(minimumLevel(['0', '0', '1', '1'])).toBe(3);
    expect(minimumLevel(['0', '0', '0', '1'])).toBe(4);
  });

  it('says what is wrong with the cells otherwise', () => {
    expect(minimumLevel(['0', 'x', '1', '1'])).toBe('sl2 is "x", expected 0 or 1');
    expect(minimumLevel(['0', '0', '0', '0'])).toBe('no SL column holds 1: the item would never be required');
    expect(minimumLevel(['0', '1', '0', '1'])).toBe('levels are cumulative, but sl1..sl4 are 0,1,0,1');
  });
});
