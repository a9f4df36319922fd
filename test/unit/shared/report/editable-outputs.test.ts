import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCurrentFindings } from '../../../../shared/findings';
import type { AssessmentData } from '../../../../shared/model';
import { encodeBase64 } from '../../../../shared/model/base64';
import { buildReportModel, planOfAction, renderFindingsXlsx } from '../../../../shared/report';
import { DOCX_TABLE_STYLE, renderReportDocx } from '../../../../shared/report/docx';
import { RED_PIXEL_PNG, richAssessment } from '../../../fixtures/rich-assessment';
import { docxParagraphs, unescapeXml, unzipPart } from '../../helpers/ooxml';
import { hasCommand } from '../../helpers/tools';

const dir = mkdtempSync(join(tmpdir(), 'conduit-editable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SheetCell {
  ref: string;
  type: string | null;
  formula: boolean;
  text: string;
}

/** The cells of a worksheet, shared strings resolved. */
function sheetCells(sheetXml: string, sharedXml: string): SheetCell[] {
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si]) =>
    unescapeXml([...si!.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]).join('')),
  );
  return [...sheetXml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(([, attrs, inner = '']) => {
    const ref = /r="([A-Z]+\d+)"/.exec(attrs!)![1]!;
    const type = /t="([^"]+)"/.exec(attrs!)?.[1] ?? null;
    const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
    const inline = /<is>[\s\S]*?<t[^>]*>([^<]*)<\/t>/.exec(inner)?.[1];
    const text = type === 's' ? (shared[Number(value)] ?? '') : unescapeXml(inline ?? value);
    return { ref, type, formula: inner.includes('<f'), text };
  });
}

const FORMULA_TITLES = ['=HYPERLINK("http://evil.example","x")', '+cmd|calc', '-2+3', '@SUM(A1)'];

async function assessmentWithTraps(): Promise<AssessmentData> {
  const rich = withCurrentFindings(await richAssessment(), new Date('2026-03-05T10:00:00.000Z'));
  const template = rich.findings[0]!;
  FORMULA_TITLES.forEach((title, i) =>
    rich.findings.push({
      ...template,
      id: `00000000-0000-4000-8000-0000000c000${i}`,
      title,
      recommendation: `=1+${i}`,
      origin: 'manual',
      autoKey: null,
      status: 'open',
      order: 1000 + i,
    }),
  );
  rich.assessment.branding = {
    accentColor: '#7a1f5c',
    logo: {
      mediaType: 'image/png',
      base64: encodeBase64(RED_PIXEL_PNG),
      width: 1,
      height: 1,
      fileName: 'logo.png',
    },
  };
  rich.assessment.documentControl = {
    version: '2.1',
    status: 'final',
    date: '2026-03-09',
    author: 'Ana Ödegaard',
    distribution: [{ name: 'Jiří Novák', organisation: 'Fromagerie Müller SA', role: 'Plant manager' }],
  };
  rich.assessment.narrative = {
    text: 'Our own words for the board.\n\nA second paragraph.',
    generated: 'older',
  };
  return rich;
}

describe.runIf(hasCommand('unzip'))('the DOCX report', () => {
  let data: AssessmentData;
  let docx: Uint8Array;
  beforeAll(async () => {
    data = await assessmentWithTraps();
    docx = await renderReportDocx(data, {
      generatedAt: '2026-03-05T10:00:00.000Z',
      signer: {
        name: 'Ana Ödegaard',
        organization: 'Sécurité OT',
        email: 'ana@example.com',
        fingerprint: 'SHA256:abc',
      },
    });
  }, 30_000);

  it('names the client and holds every open finding title and every zone name', () => {
    const text = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(data.assessment.client);
    expect(text).toContain(data.assessment.site);
    const open = data.findings.filter((f) => f.status === 'open');
    expect(open.length).toBeGreaterThan(FORMULA_TITLES.length);
    for (const f of open) expect(text).toContain(f.title);
    for (const z of data.zones) expect(text).toContain(z.name);
    expect(text).toContain('Assessment coverage and limitations');
    expect(text).toContain('Roadmap for the first year');
  });

  it('carries the document control and the assessor’s edited executive narrative, as the PDF does', () => {
    const text = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Document control');
    expect(text).toContain('Jiří Novák');
    expect(text).toContain('Plant manager');
    expect(text).toContain('Our own words for the board.');
    expect(text).toContain('A second paragraph.');
  });

  it('gives the observed traffic zone to zone, with each candidate and its triage (old triage keys included)', () => {
    const text = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('1 observed flow from captures');
    expect(text).toMatch(/Industrial DMZ\nLigne d’embouteillage — Zelle 3\n1\n1/);
    // Stored under a `cross:` key of an earlier version, still found.
    expect(text).toContain('Dismissed: Maintenance window traffic, documented in change 4711.');
  });

  it('prints the justification of each N/A answer beside its item', () => {
    const text = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'))
      .map((p) => p.text)
      .join('\n');
    expect(text).toMatch(/SR 1\.1 RE 1\n[^\n]+\nNot applicable\nNo human users in this cell\./);
  });

  it('uses Word heading styles for the title and sections, and one named table style', () => {
    const paragraphs = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'));
    const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual([data.assessment.client]);
    expect(styled('Heading1')).toContain('1. Executive summary');
    expect(styled('Heading1').some((t) => t.endsWith('Findings and roadmap'))).toBe(true);
    expect(styled('Heading2')).toContain('Posture in numbers');
    const model = buildReportModel(data);
    const first = model.openFindings[0]!;
    expect(styled('Heading3')).toContain(`${model.findingLabel(first)} ${first.title}`);
    const xml = unzipPart(docx, 'r.docx', 'word/document.xml');
    expect(xml).toContain(`<w:tblStyle w:val="${DOCX_TABLE_STYLE}"/>`);
    const styles = unzipPart(docx, 'r.docx', 'word/styles.xml');
    expect(styles).toContain(`w:styleId="${DOCX_TABLE_STYLE}"`);
    // The client's accent colours Heading 1 and the table header row.
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:color w:val="7A1F5C"\/>/);
    expect(styles).toContain('w:fill="7A1F5C"');
  });

  it('has a Word table of contents field over Heading 1 and 2', () => {
    const xml = unzipPart(docx, 'r.docx', 'word/document.xml');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
  });

  it('carries the client logo as an image part', () => {
    const file = join(dir, 'r.docx');
    writeFileSync(file, docx);
    const listing = spawnSync('unzip', ['-l', file], { encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/word\/media\/\S+\.png/);
  });
});

describe.runIf(hasCommand('unzip'))('the findings workbook', () => {
  let data: AssessmentData;
  let xlsx: Uint8Array;
  const cells = (sheet: number) =>
    sheetCells(
      unzipPart(xlsx, 'f.xlsx', `xl/worksheets/sheet${sheet}.xml`),
      unzipPart(xlsx, 'f.xlsx', 'xl/sharedStrings.xml'),
    );
  beforeAll(async () => {
    data = await assessmentWithTraps();
    xlsx = await renderFindingsXlsx(data);
  }, 30_000);

  it('has the sheets Findings, Answers and Zones', () => {
    const workbook = unzipPart(xlsx, 'f.xlsx', 'xl/workbook.xml');
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Findings',
      'Answers',
      'Zones',
    ]);
  });

  it('lists every open finding by id and title, with empty owner and status to fill in', () => {
    const findings = cells(1);
    const header = findings.filter((c) => /^[A-Z]+1$/.test(c.ref)).map((c) => c.text);
    expect(header).toEqual([
      'ID',
      'Title',
      'Severity',
      'Phase',
      'Quarter',
      'Effort',
      'Zones',
      'Items',
      'Assets',
      'Recommendation',
      'Owner',
      'Status',
    ]);
    const texts = findings.map((c) => c.text);
    for (const row of planOfAction(buildReportModel(data))) {
      expect(texts).toContain(row.id);
      expect(texts).toContain(row.title);
    }
    const rows = new Set(findings.map((c) => c.ref.replace(/[A-Z]+/, '')));
    expect(rows.size - 1).toBe(data.findings.filter((f) => f.status === 'open').length);
    expect(
      findings.filter((c) => /^[KL]\d+$/.test(c.ref) && c.ref !== 'K1' && c.ref !== 'L1' && c.text),
    ).toEqual([]);
  });

  it('writes formula-looking text as string cells, never as formulas', () => {
    const findings = cells(1);
    expect(findings.some((c) => c.formula)).toBe(false);
    for (const title of [...FORMULA_TITLES, '=1+0']) {
      const cell = findings.find((c) => c.text === title);
      expect(cell, title).toBeDefined();
      expect(cell!.type, title).toBe('s');
    }
  });

  it('freezes the header row, filters every column and offers a status list', () => {
    const xml = unzipPart(xlsx, 'f.xlsx', 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const rows = data.findings.filter((f) => f.status === 'open').length + 1;
    expect(xml).toContain(`<autoFilter ref="A1:L${rows}"/>`);
    expect(unzipPart(xlsx, 'f.xlsx', 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Findings'!$A$1:$L$${rows}</definedName>`,
    );
    expect(xml).toContain(`sqref="L2:L${rows}"`);
    expect(xml).toContain('<formula1>"Open,Planned,In progress,Done,Risk accepted"</formula1>');
    // The schema's order: autoFilter after sheetData, then dataValidations, then pageMargins if any.
    expect(xml.indexOf('</sheetData>')).toBeLessThan(xml.indexOf('<autoFilter'));
    expect(xml.indexOf('<autoFilter')).toBeLessThan(xml.indexOf('<dataValidations'));
    if (xml.includes('<pageMargins'))
      expect(xml.indexOf('<dataValidations')).toBeLessThan(xml.indexOf('<pageMargins'));
  });

  it('gives every zone with its items and answers, and the zones with SL-T, SL-A and coverage', () => {
    const answers = cells(2).map((c) => c.text);
    const zones = cells(3).map((c) => c.text);
    for (const z of data.zones) {
      expect(answers).toContain(z.name);
      expect(zones).toContain(z.name);
    }
    const model = buildReportModel(data);
    const required = model.zones.reduce((n, z) => n + z.evaluation.coverage.required, 0);
    const answerRows = new Set(cells(2).map((c) => c.ref.replace(/[A-Z]+/, '')));
    expect(answerRows.size - 1).toBeGreaterThanOrEqual(required);
    const justified = data.answers.find((a) => a.justification.trim());
    if (justified) expect(answers.some((t) => t.includes(justified.justification.trim()))).toBe(true);
  });

  it('fills the header row with the client accent', () => {
    const styles = unzipPart(xlsx, 'f.xlsx', 'xl/styles.xml');
    expect(styles).toMatch(/<fgColor rgb="FF7A1F5C"\/>/i);
  });
});
