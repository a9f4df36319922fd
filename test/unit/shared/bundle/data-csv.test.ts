import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assessmentCsvFiles, BUNDLE_CSV_FILES } from '../../../../shared/bundle/data-csv';
import { riskCsvFiles } from '../../../../shared/bundle/risk-files';
import { richAssessment } from '../../../fixtures/rich-assessment';

const rows = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data;

describe('the CSV files of data/', () => {
  it('lists each table once, under a name no risk file takes', async () => {
    const names = BUNDLE_CSV_FILES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const riskNames = Object.keys(riskCsvFiles(await richAssessment()));
    expect(names.filter((n) => riskNames.includes(n))).toEqual([]);
  });

  it('writes every listed file, each for Excel: a byte order mark, a header, a final line end', async () => {
    const data = await richAssessment();
    const files = assessmentCsvFiles(data);
    expect(Object.keys(files)).toEqual(BUNDLE_CSV_FILES.map((f) => f.name));
    for (const [name, text] of Object.entries(files)) {
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      expect(text.endsWith('\r\n') || text.endsWith('\n'), name).toBe(true);
    }
    expect(rows(files['assets.csv']!)).toHaveLength(data.assets.length);
    expect(rows(files['zones.csv']!)).toHaveLength(data.zones.length);
  });

  it('names zones and evidence in place of their ids, and keeps the id of a zone it does not know', async () => {
    const data = await richAssessment();
    const answer = { ...data.answers[0]!, zoneId: 'gone-zone', evidenceIds: [data.evidence[0]!.id, 'gone'] };
    const files = assessmentCsvFiles({ ...data, answers: [answer] });
    const [row] = rows(files['answers.csv']!);
    expect(row).toMatchObject({ zone: 'gone-zone', evidence: `${data.evidence[0]!.name}; gone` });
    const placed = data.assets.findIndex((a) => a.zoneId);
    const zone = data.zones.find((z) => z.id === data.assets[placed]!.zoneId)!;
    expect(rows(files['assets.csv']!)[placed]!.zone).toBe(zone.name);
  });
});
