import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { richAssessment } from '../../../../fixtures/rich-assessment';
import { hasCommand } from '../../../helpers/tools';
import { run, tempDir } from '../../../shared/bundle/helpers';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const cli = (...args: string[]) => run(TSX, ['electron/cli/main.ts', ...args]);

describe('conduit report', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('writes the PDF report of an assessment file and refuses to overwrite it', async () => {
    const file = join(dir.path, 'rich.conduit.json');
    const out = join(dir.path, 'report.pdf');
    writeFileSync(file, serializeAssessmentFile(await richAssessment()));
    const result = cli('report', file, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: out, signed: false });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    if (hasCommand('pdftotext')) {
      const text = run('pdftotext', [out, '-']).stdout;
      expect(text).toContain('Fromagerie Müller SA');
      expect(text).toContain('安全計装システム (SIS)');
    }
    const again = cli('report', file, '--out', out);
    expect(again.status).toBe(64);
    expect(again.stderr).toContain('exists already');
  }, 60_000);

  it('prints the findings as they stand, even when none were stored', async (context) => {
    if (!hasCommand('pdftotext')) context.skip('pdftotext is not installed (CI installs poppler-utils)');
    const file = join(dir.path, 'no-findings.conduit.json');
    const out = join(dir.path, 'no-findings.pdf');
    writeFileSync(file, serializeAssessmentFile({ ...(await richAssessment()), findings: [] }));
    const result = cli('report', file, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    const text = run('pdftotext', [out, '-']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Undocumented connection: Cellular/4G modem');
    expect(text).toContain('1 asset is not placed in any zone');
  }, 60_000);

  it.runIf(hasCommand('unzip'))(
    'writes the DOCX report and the XLSX workbook with --format',
    async () => {
      const file = join(dir.path, 'formats.conduit.json');
      const data = await richAssessment();
      writeFileSync(file, serializeAssessmentFile(data));
      const docx = join(dir.path, 'report.docx');
      const asDocx = cli('report', file, '--format', 'docx', '--out', docx);
      expect(asDocx.status, asDocx.stderr).toBe(0);
      expect(JSON.parse(asDocx.stdout)).toMatchObject({ file: docx, format: 'docx', signed: false });
      const document = run('unzip', ['-p', docx, 'word/document.xml']).stdout;
      expect(document).toContain('Fromagerie Müller SA');
      expect(document).toContain('<w:pStyle w:val="Heading1"/>');
      // On its own, outside a bundle, it never claims a signature.
      expect(document).toContain('carries no signature');
      const xlsx = join(dir.path, 'findings.xlsx');
      const asXlsx = cli('report', file, '--format', 'XLSX', '--out', xlsx);
      expect(asXlsx.status, asXlsx.stderr).toBe(0);
      const strings = run('unzip', ['-p', xlsx, 'xl/sharedStrings.xml']).stdout;
      for (const zone of data.zones) expect(strings).toContain(zone.name.replace(/&/g, '&amp;'));
    },
    60_000,
  );

  it('exits 2 with the formats it knows on an unknown --format, writing nothing', async () => {
    const file = join(dir.path, 'unknown-format.conduit.json');
    writeFileSync(file, serializeAssessmentFile(await richAssessment()));
    const out = join(dir.path, 'report.odt');
    const result = cli('report', file, '--format', 'odt', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown format "odt": use --format pdf, docx, xlsx');
    expect(existsSync(out)).toBe(false);
  }, 30_000);
  it('warns when a report marked final still has unassessed items, and prints its document control', async (context) => {
    if (!hasCommand('pdftotext')) context.skip('pdftotext is not installed (CI installs poppler-utils)');
    const data = await richAssessment();
    data.assessment.documentControl = {
      version: '2.1',
      status: 'final',
      date: '2026-03-09',
      author: 'Ana Ödegaard',
      distribution: [{ name: 'Jiří Novák', organisation: 'Fromagerie Müller SA', role: 'Plant manager' }],
    };
    data.assessment.narrative = { text: 'Our own words for the board.', generated: 'older text' };
    const file = join(dir.path, 'final.conduit.json');
    const out = join(dir.path, 'final.pdf');
    writeFileSync(file, serializeAssessmentFile(data));
    const result = cli('report', file, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: marked final, but \d+ required items in \d+ zones are not assessed yet\./,
    );
    const page = run('pdftotext', ['-f', '2', '-l', '2', out, '-']).stdout.replace(/\s+/g, ' ');
    expect(page).toContain('Document control');
    expect(page).toContain('Version 2.1');
    expect(page).toContain('Status Final');
    expect(page).toContain('Jiří Novák Fromagerie Müller SA Plant manager');
    const summary = run('pdftotext', ['-f', '4', '-l', '4', out, '-']).stdout.replace(/\s+/g, ' ');
    expect(summary).toContain('1. Executive summary Our own words for the board.');
  }, 60_000);

  it('exits 2 naming the file when the assessment file is invalid', () => {
    const bad = join(dir.path, 'bad.conduit.json');
    writeFileSync(bad, '{"format":"conduit-assessment"');
    const result = cli('report', bad, '--out', join(dir.path, 'x.pdf'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bad.conduit.json');
  }, 30_000);
});
