import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv';

describe('toCsv', () => {
  const cells = ['=1+1\nsecond line', '＝SUM(A1)', '@x\r\ny', 'plain, with comma', 'Zürich 東京'];
  const rows = cells.map((text) => ({ text }));

  it('defuses formula cells, multi-line and full-width ones too', () => {
    const csv = toCsv(rows, [['Text', (r) => r.text]]);
    const parsed = Papa.parse<string[]>(csv).data.map((row) => row[0]);
    expect(parsed).toEqual([
      'Text',
      "'=1+1\nsecond line",
      "'＝SUM(A1)",
      "'@x\r\ny",
      'plain, with comma',
      'Zürich 東京',
    ]);
  });

  it('adds a byte order mark and a final line end only when asked', () => {
    expect(toCsv(rows.slice(3, 4), [['Text', (r) => r.text]])).toBe('Text\r\n"plain, with comma"');
    expect(toCsv([{}], [['A', () => 1]], { bom: true, finalNewline: true })).toBe('\uFEFFA\r\n1\r\n');
  });
});
