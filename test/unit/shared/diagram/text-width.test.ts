import { describe, expect, it } from 'vitest';
import {
  ellipsize,
  fitZoneName,
  measureDejaVuSans,
  measureDejaVuSansBold,
  wrapText,
  type MeasureText,
} from '../../../../shared/diagram';

/** A monospace stand-in: every character 10 px at size 10, so widths are easy to reason about. */
const mono: MeasureText = (text, size) => [...text].length * size;

describe('DejaVu Sans widths', () => {
  it('gives the font’s own advances: a space, a digit, an M, at the size asked', () => {
    // DejaVu Sans: space 651, digits 1303, M 1767 units of 2048 per em.
    expect(measureDejaVuSans(' ', 1000)).toBe(318);
    expect(measureDejaVuSans('0123456789', 11)).toBeCloseTo((10 * 636 * 11) / 1000, 6);
    expect(measureDejaVuSans('M', 11)).toBeCloseTo((863 * 11) / 1000, 6);
    expect(measureDejaVuSansBold('M', 11)).toBeGreaterThan(measureDejaVuSans('M', 11));
  });

  it('measures accented Latin from the table, and an ideograph as a full em', () => {
    expect(measureDejaVuSans('Ü', 10)).toBeCloseTo(measureDejaVuSans('U', 10), 1);
    expect(measureDejaVuSans('控', 12)).toBe(12);
  });
});

describe('wrapText', () => {
  it('breaks at spaces into lines that fit, and cuts the last with an ellipsis when more is left', () => {
    expect(wrapText('Filling and packaging cell', 110, 10, mono)).toEqual(['Filling and', 'packaging…']);
    expect(wrapText('Filling and packaging cell', 220, 10, mono)).toEqual(['Filling and packaging', 'cell']);
    expect(wrapText('Utilities', 220, 10, mono)).toEqual(['Utilities']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('Pasteurisation', 80, 10, mono)).toEqual(['Pasteur…']);
    expect(ellipsize('short', 80, 10, mono)).toBe('short');
  });
});

describe('fitZoneName', () => {
  it('keeps the enlarged size where the name fits whole in two lines', () => {
    const fit = fitZoneName('Control room', { width: 252, maxHeight: 70 }, mono, { base: 14, scale: 1.5 });
    expect(fit).toEqual({ fontSize: 21, lines: ['Control room'] });
  });

  it('shrinks a long name before it is ever cut, and cuts only at the base size', () => {
    // At 35 px "instrumented" alone is wider than 400 px; at 21 px "Safety instrumented" just fits.
    const box = { width: 400, maxHeight: 70 };
    const fit = fitZoneName('Safety instrumented system', box, mono, { base: 14, scale: 2.5 });
    expect(fit).toEqual({ fontSize: 21, lines: ['Safety instrumented', 'system'] });
    const tiny = fitZoneName('Safety instrumented system', { width: 100, maxHeight: 70 }, mono, {
      base: 14,
      scale: 2,
    });
    expect(tiny.fontSize).toBe(14);
    expect(tiny.lines.at(-1)).toMatch(/…$/);
  });
});
