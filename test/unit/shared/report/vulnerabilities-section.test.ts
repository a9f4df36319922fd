import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { assessmentCsvFiles } from '../../../../shared/bundle/data-csv';
import { renderReportPdf } from '../../../../shared/report';
import { hasCommand } from '../../helpers/tools';
import { assessedWithVulnerabilities as assessed } from './vulnerable-assessment';

const T1 = '2026-03-05T10:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'conduit-vuln-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vulnerabilities in the report and the bundle', () => {
  it('writes data/vulnerabilities.csv with the match, the why and the decision', async () => {
    const data = await assessed();
    const csv = assessmentCsvFiles(data)['vulnerabilities.csv']!;
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(data.vulnerabilities.length);
    expect(rows.find((r) => r.advisory === 'ICSA-23-257-01')).toMatchObject({
      asset: 'PLC-Ligne-3',
      kev: 'yes',
      status: 'affected',
      decision: 'accept',
      accept_owner: 'J. Weber',
      review_date: '2026-09-01',
      why: expect.stringContaining('vers:all/<V2.9.7'),
    });
  });

  it.runIf(hasCommand('pdftotext'))(
    'prints a Vulnerabilities section with counts, KEV entries and decisions',
    async () => {
      const data = await assessed();
      const pdf = renderReportPdf(data, { fonts: await loadReportFonts(), generatedAt: T1 });
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const text = result.stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Vulnerabilities');
      expect(text).toContain('Known exploited vulnerabilities (CISA KEV)');
      expect(text).toContain('ICSA-23-257-01');
      expect(text).toContain(
        'Accept and document: Line 3 is replaced in August (owner J. Weber, review 2026-09-01)',
      );
      // The phase-5 findings are in the findings section too.
      expect(
        data.findings.some(
          (f) => f.autoKey?.startsWith('vulnerability:') && /ICSA-23-257-01/.test(f.description),
        ),
      ).toBe(true);
    },
    60_000,
  );
});
