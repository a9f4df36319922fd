import { describe, expect, it } from 'vitest';
import { IEC62443_3_3 } from '../../../../shared/catalogue';
import { chartCell, topLevelOf } from '../../../../shared/report/chart-levels';

describe('what the SL chart draws', () => {
  it('stops FR6 and FR7 at SL 3, where the catalogue has no SL 4 items', () => {
    expect(topLevelOf(IEC62443_3_3, 'FR1')).toBe(4);
    expect(topLevelOf(IEC62443_3_3, 'FR6')).toBe(3);
    expect(topLevelOf(IEC62443_3_3, 'FR7')).toBe(3);
    // All of FR6 met at SL-T 4: achieved reads 4 from the evaluation, drawn as 3 of 3, met.
    expect(chartCell(IEC62443_3_3, 'FR6', 4, 4)).toEqual({
      target: 3,
      achieved: 3,
      label: '3/3',
      meets: true,
    });
  });

  it('caps SL-A at SL-T and labels it "≥" when higher', () => {
    expect(chartCell(IEC62443_3_3, 'FR1', 2, 4)).toEqual({
      target: 2,
      achieved: 2,
      label: '2/≥2',
      meets: true,
    });
  });

  it('keeps an SL-A of 0 below target visible as a gap', () => {
    expect(chartCell(IEC62443_3_3, 'FR3', 2, 0)).toEqual({
      target: 2,
      achieved: 0,
      label: '2/0',
      meets: false,
    });
    expect(chartCell(IEC62443_3_3, 'FR3', 0, 0).meets).toBe(true);
  });
});
