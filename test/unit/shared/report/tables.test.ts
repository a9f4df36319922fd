import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../shared/report/model';
import { coverageTable, pdfTable, zonesTable } from '../../../../shared/report/tables';
import { anAssessmentData, aZone } from '../../../fixtures/builders';

const ranges = Array.from({ length: 8 }, (_, i) => `10.0.${i}.0/24`);
const model = buildReportModel(
  anAssessmentData({ zones: [aZone('Packaging cell', { ranges, slt: { base: 2, overrides: {} } })] }),
);

describe('the tables both documents print', () => {
  it('lists every range in the DOCX and counts the rest past six in the PDF', () => {
    expect(zonesTable(model).rows[0]!.at(-1)).toBe(ranges.join(', '));
    expect(zonesTable(model, 6).rows[0]!.at(-1)).toBe(`${ranges.slice(0, 6).join(', ')} (+2)`);
  });

  it('counts a zone with nothing answered as assessed 0 of what its SL-T requires', () => {
    const [row] = coverageTable(model).rows;
    expect(row![0]).toBe('Packaging cell');
    expect(row![1]).toMatch(/^0\/[1-9]\d*$/);
    expect(row![5]).toBe(row![1]!.split('/')[1]);
  });

  it('gives the PDF writer one header row over the same body', () => {
    const table = zonesTable(model);
    expect(pdfTable(table)).toEqual({ head: [table.head], body: table.rows });
  });
});
