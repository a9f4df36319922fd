import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFonts, type FontCoverage } from '../../../../shared/report/fonts';
import { splitRuns, wrapText } from '../../../../shared/report/text';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';

describe('font runs and wrapping', () => {
  let doc: jsPDF;
  let coverage: FontCoverage;
  beforeAll(async () => {
    doc = new jsPDF({ unit: 'mm' });
    coverage = registerFonts(doc, await loadReportFonts(), () => true);
    doc.setFontSize(10);
  });

  it('sends what DejaVu lacks (CJK) to the fallback and keeps Latin, Greek and Cyrillic in DejaVu', () => {
    expect(splitRuns('安全計装システム (SIS)', coverage)).toEqual([
      { text: '安全計装システム ', fallback: true },
      { text: '(SIS)', fallback: false },
    ]);
    expect(splitRuns('Zürich Σωκράτης Сеть', coverage)).toEqual([
      { text: 'Zürich Σωκράτης Сеть', fallback: false },
    ]);
  });

  it('parses the fallback only when asked to', async () => {
    const plain = registerFonts(new jsPDF(), await loadReportFonts(), () => false);
    expect(plain.hasFallback).toBe(false);
    expect(splitRuns('東京', plain)).toEqual([{ text: '東京', fallback: false }]);
  });

  it('wraps words at the width, and CJK between any two characters', () => {
    const latin = wrapText(
      doc,
      'Bottling lines one to three and the utilities building',
      40,
      coverage,
      'normal',
    );
    expect(latin.length).toBeGreaterThan(1);
    expect(latin.join(' ')).toBe('Bottling lines one to three and the utilities building');
    for (const line of latin) expect(doc.getTextWidth(line)).toBeLessThanOrEqual(40);
    const cjk = wrapText(doc, '安全計装システム安全計装システム安全計装システム', 20, coverage, 'normal');
    expect(cjk.length).toBeGreaterThan(1);
    expect(cjk.join('')).toBe('安全計装システム安全計装システム安全計装システム');
    expect(wrapText(doc, 'first\nsecond', 100, coverage, 'normal')).toEqual(['first', 'second']);
  });
});
