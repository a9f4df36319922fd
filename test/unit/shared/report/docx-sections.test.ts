import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import type { AssessmentData } from '../../../../shared/model';
import { buildReportModel, renderReportPdf } from '../../../../shared/report';
import { renderReportDocx } from '../../../../shared/report/docx';
import {
  CONNECTIONS_INTRO,
  coverageText,
  METHOD_TEXT,
  NOT_ASSESSED_INTRO,
  severityRuleText,
  SL_A_CAP_NOTE,
  SL_VECTOR_NOTE,
  verifySteps,
} from '../../../../shared/report/wording';
import { docxParagraphs, unzipPart, zipEntries } from '../../helpers/ooxml';
import { hasCommand } from '../../helpers/tools';
import { assessedWithVulnerabilities } from './vulnerable-assessment';

const T1 = '2026-03-05T10:00:00.000Z';
const SIGNER = {
  name: 'Ana Ödegaard',
  organization: 'Sécurité OT',
  email: 'ana@example.com',
  fingerprint: 'SHA256:abc',
};
const dir = mkdtempSync(join(tmpdir(), 'conduit-docx-sections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of one numbered DOCX section (Heading 1 to the next Heading 1), one string per paragraph. */
function section(
  paragraphs: ReturnType<typeof docxParagraphs>,
  title: string,
): ReturnType<typeof docxParagraphs> {
  const start = paragraphs.findIndex(
    (p) => p.style === 'Heading1' && / ?\d*\.? ?(.*)$/.exec(p.text)?.[1] === title,
  );
  expect(start, `section "${title}"`).toBeGreaterThan(-1);
  const end = paragraphs.findIndex((p, i) => i > start && p.style === 'Heading1');
  return paragraphs.slice(start, end === -1 ? undefined : end);
}

describe.runIf(hasCommand('unzip'))('the DOCX report has the sections the PDF has', () => {
  let data: AssessmentData;
  let paragraphs: ReturnType<typeof docxParagraphs>;
  let docx: Uint8Array;
  beforeAll(async () => {
    data = await assessedWithVulnerabilities();
    docx = await renderReportDocx(data, { generatedAt: T1, signer: SIGNER });
    paragraphs = docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'));
  }, 30_000);

  it('prints the risk assessment: matrix with scale labels, consequence per zone, scenarios, SL-T rationale, countermeasures', () => {
    const risk = section(paragraphs, 'Risk assessment');
    const text = squash(risk.map((p) => p.text).join('\n'));
    const headings = risk.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(headings).toEqual([
      'System under consideration',
      'Method and risk matrix',
      'Consequence per zone',
      'Threat scenarios',
      'SL-T rationale per zone',
      'SL-T per conduit',
      'Countermeasures',
    ]);
    expect(text).toContain('Bottling line 3 and its safety system, from the DMZ down.');
    expect(text).toContain('Excluded: Enterprise IT is assessed by the group’s IT team.');
    expect(text).toContain('Risk up to Medium is tolerable');
    // The matrix's header row carries the consequence scale's labels, its rows the likelihood's.
    expect(text).toMatch(/Likelihood \\ consequence.*\d Major/);
    expect(text).toContain('Sophisticated means with moderate resources (criminal, hacktivist) give SL 3.');
    expect(text).toContain('Criminal access through the 4G router — Zelle 3');
    // A cell's two lines are two paragraphs: the level, then likelihood × consequence.
    const cells = risk.map((p) => p.text);
    expect(cells).toContain('Likely × Major');
    expect(cells).toContain('Unlikely × Major');
    expect(text).toContain('SL-T {2,2,2,2,3,2,2} (set by hand; derived {3,3,3,3,3,3,3})');
    expect(risk.find((p) => p.text.includes('Zelle 3: SL-T'))?.style).toBe('Heading3');
    expect(text).toContain('Set by hand: Agreed with the asset owner on 3 March');
    expect(text).toMatch(
      /IT ↔ DMZ: SL-T \{[\d,]+\} \(set by hand; derived \{[\d,]+\}; at least \{[\d,]+\} from its zones\)/,
    );
    expect(text).toContain('Remove the 4G router; vendor access through the DMZ jump host');
    expect(text).toContain('© The MITRE Corporation');
  });

  it('prints the vulnerabilities: counts by severity and zone, KEV entries and decisions', () => {
    const vulns = section(paragraphs, 'Vulnerabilities');
    const text = squash(vulns.map((p) => p.text).join('\n'));
    expect(vulns.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      'By severity and zone',
      'Known exploited vulnerabilities (CISA KEV)',
      'Matches and decisions',
    ]);
    expect(text).toMatch(/CISA ICS advisor(y|ies) names? \d+ assets? of the inventory/);
    expect(text).toContain('carries a known exploited vulnerability (CISA KEV)');
    expect(text).toContain('CVE-2023-28831');
    // One row per zone: critical, high, medium, low, KEV, total, as the matches give them.
    expect(text).toContain('Ligne d’embouteillage — Zelle 3 0 5 4 0 1 9');
    const matches = (data.vulnerabilities ?? []).filter((v) => !v.stale);
    for (const v of matches) expect(text).toContain(v.advisoryId);
    expect(text).toContain(
      'Accept and document: Line 3 is replaced in August (owner J. Weber, review 2026-09-01)',
    );
    expect(text).toContain('data/vulnerabilities.csv');
  });

  it('puts each evidence photo beside its item, captioned with the item id', () => {
    const requirements = section(paragraphs, 'Requirement results per zone');
    const photo = requirements.findIndex((p) => p.picture);
    expect(photo).toBeGreaterThan(-1);
    expect(requirements[photo + 1]!.text).toBe('SR 1.1: Unlabelled 4G router in cabinet B');
    // The photo follows the table that lists SR 1.1, inside that zone's part of the section.
    const item = requirements.findIndex((p) => p.text === 'SR 1.1');
    expect(item).toBeGreaterThan(-1);
    expect(item).toBeLessThan(photo);
    const connections = section(paragraphs, 'Undocumented connections');
    const connectionPhoto = connections.findIndex((p) => p.picture);
    expect(connectionPhoto).toBeGreaterThan(-1);
    expect(connections[connectionPhoto + 1]!.text).toBe('Unlabelled 4G router in cabinet B');
    expect(zipEntries(docx, 'r.docx').filter((e) => e.startsWith('word/media/')).length).toBeGreaterThan(0);
  });

  it('prints the coverage table with answered / required per zone', () => {
    const coverage = section(paragraphs, 'Assessment coverage and limitations');
    const cells = coverage.map((p) => p.text);
    expect(cells).toContain('Not assessed');
    for (const z of buildReportModel(data).zones.filter((z) => z.evaluation.coverage.required > 0)) {
      const at = cells.indexOf(z.zone.name);
      expect(at, z.zone.name).toBeGreaterThan(-1);
      expect(cells[at + 1]).toBe(`${z.evaluation.coverage.answered}/${z.evaluation.coverage.required}`);
    }
  });
});

describe.runIf(hasCommand('unzip') && hasCommand('pdftotext'))('one source of text', () => {
  it('prints the shared sentences word for word in the PDF and the DOCX', async () => {
    const data = await assessedWithVulnerabilities();
    const model = buildReportModel(data);
    const docx = await renderReportDocx(data, { generatedAt: T1, signer: SIGNER, standalone: true });
    const docxText = squash(
      docxParagraphs(unzipPart(docx, 'r.docx', 'word/document.xml'))
        .map((p) => p.text)
        .join('\n'),
    );
    const pdf = renderReportPdf(data, {
      fonts: await loadReportFonts(),
      generatedAt: T1,
      signer: SIGNER,
      standalone: true,
    });
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(0);
    // pdftotext breaks lines where the PDF wraps them; compare with the spacing squashed.
    const pdfText = squash(result.stdout);
    const sentences = [
      ...METHOD_TEXT,
      coverageText(model)!,
      severityRuleText(model),
      SL_A_CAP_NOTE,
      SL_VECTOR_NOTE,
      NOT_ASSESSED_INTRO,
      CONNECTIONS_INTRO,
      ...verifySteps(SIGNER, false, '').flatMap((p) => (p.kind === 'paragraph' ? [p.text] : [])),
    ];
    for (const sentence of sentences) {
      expect(docxText, sentence).toContain(squash(sentence));
      expect(pdfText, sentence).toContain(squash(sentence));
    }
    // Standalone, each names itself and neither claims a signature.
    expect(pdfText).toContain(
      'This PDF was produced on its own, outside a signed bundle, and carries no signature.',
    );
    expect(docxText).toContain(
      'This document was produced on its own, outside a signed bundle, and carries no signature.',
    );
  }, 60_000);
});
