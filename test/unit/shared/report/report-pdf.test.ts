import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentData } from '../../../../shared/model';
import { renderReportPdf, type ReportFonts } from '../../../../shared/report';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { RED_PIXEL_PNG, richAssessment } from '../../../fixtures/rich-assessment';
import { hasCommand } from '../../helpers/tools';

const SIGNER = {
  name: 'Ana Ödegaard',
  organization: 'Sécurité OT',
  email: 'ana@example.com',
  fingerprint: 'SHA256:XYNjr5wYTwxqjbpYLmz/YKvM1ZuS7SSzl7Rw5hX6Xxc',
};

const dir = mkdtempSync(join(tmpdir(), 'conduit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext extracts it (what a reader's search and copy see). */
function pdfText(pdf: Uint8Array, name: string, ...args: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

describe('the PDF report', () => {
  let fonts: ReportFonts;
  let rich: AssessmentData;
  let pdf: Uint8Array;
  beforeAll(async () => {
    fonts = await loadReportFonts();
    rich = await richAssessment();
    // A second, manual finding with CJK and Greek in its title.
    rich.findings.push({
      ...rich.findings[0]!,
      id: '00000000-0000-4000-8000-0000000b0002',
      title: '安全計装システム reachable from the DMZ — Σύνδεση',
      severity: 'critical',
      phase: 2,
      origin: 'manual',
      autoKey: null,
      order: 2,
      roadmapSlot: null,
    });
    pdf = renderReportPdf(rich, { fonts, signer: SIGNER, generatedAt: '2026-03-05T10:00:00.000Z' });
  }, 30_000);

  it('is a PDF', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it.runIf(hasCommand('pdftotext'))(
    'contains the client, the site, every zone name and every finding title, accents and CJK intact',
    () => {
      const text = collapse(pdfText(pdf, 'rich.pdf', '-layout'));
      expect(text).toContain('Fromagerie Müller SA');
      expect(text).toContain('Plant Zürich-Nord');
      expect(text).toContain('Σωκράτης Παππάς');
      for (const zone of rich.zones) expect(text).toContain(zone.name);
      expect(rich.zones.map((z) => z.name)).toContain('安全計装システム (SIS)');
      for (const finding of rich.findings) expect(text).toContain(finding.title);
      expect(text).toContain(SIGNER.fingerprint);
    },
  );

  it.runIf(hasCommand('pdftotext'))('has a contents page, the sections, headers and page numbers', () => {
    const pages = pdfText(pdf, 'pages.pdf')
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages[1]).toContain('Document control');
    expect(pages[2]).toContain('Contents');
    for (const section of [
      'Executive summary',
      'Scope and method',
      'Zone and conduit diagram',
      'Zones and conduits',
      'Requirement results per zone',
      'Risk assessment',
      'Undocumented connections',
      'Asset inventory summary',
      'Findings',
      'Appendix: How to verify this report',
      'Observed traffic',
    ]) {
      expect(pages[2]).toContain(section);
    }
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(page).toContain('CONFIDENTIAL');
    });
    const all = collapse(pages.join(' '));
    // Unmet item with its note, the undocumented connection, the verify steps.
    expect(all).toContain('Shared “operator” account on all HMIs.');
    expect(all).toContain('Cellular router wired to the PLC switch.');
    expect(all).toContain('sha256sum -c SHA256SUMS');
    expect(all).toContain(
      'ssh-keygen -Y verify -f allowed_signers -I ana@example.com -n ot-assessment@conduit',
    );
  });

  it.runIf(hasCommand('pdftotext'))('says plainly when a section has nothing to show', async () => {
    const empty: AssessmentData = {
      ...rich,
      zones: [],
      conduits: [],
      assets: [],
      answers: [],
      connections: [],
      findings: [],
      evidence: [],
    };
    const text = collapse(pdfText(renderReportPdf(empty, { fonts }), 'empty.pdf'));
    expect(text).toContain('No zones have been drawn yet, so there is no diagram.');
    expect(text).toContain('No undocumented connections were recorded.');
    expect(text).toContain('No assets have been imported or recorded.');
    expect(text).toContain('No open findings are recorded in this assessment.');
    expect(text).toContain('This report was generated without a signing key.');
  });

  it.runIf(hasCommand('pdfimages'))(
    'shows photo evidence as thumbnails and a diagram PNG when one is given',
    () => {
      const images = (bytes: Uint8Array, name: string) => {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const listed = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout;
        return listed
          .split('\n')
          .slice(2)
          .filter((line) => line.trim());
      };
      // The photo is attached to the unmet SR 1.1 and to the cellular connection: two placements, one image.
      const withoutDiagram = images(pdf, 'thumbs.pdf');
      expect(withoutDiagram).toHaveLength(2);
      const withDiagram = renderReportPdf(rich, {
        fonts,
        signer: SIGNER,
        generatedAt: '2026-03-05T10:00:00.000Z',
        diagramPng: { bytes: RED_PIXEL_PNG, width: 1, height: 1 },
      });
      expect(images(withDiagram, 'diagram.pdf')).toHaveLength(3);
    },
  );

  it.runIf(hasCommand('pdftotext'))(
    'states the coverage: assessed, met, partially met, not met and not assessed, with provisional SL-A',
    () => {
      const text = collapse(pdfText(pdf, 'coverage.pdf'));
      expect(text).toContain('Assessment coverage and limitations');
      const cell = rich.zones.find((z) => z.kind === 'cell')!;
      const answered = rich.answers.filter((a) => a.zoneId === cell.id && a.status !== 'not-assessed').length;
      expect(answered).toBeGreaterThan(0);
      expect(text).toMatch(
        /\d+ of \d+ required items were assessed across 4 zones: \d+ met \(\d+ by a compensating control, \d+ not applicable\), \d+ partially met, \d+ not met, and \d+ not assessed\./,
      );
      expect(text).toContain('their achieved security level (SL-A) is provisional, marked *');
      expect(text).toContain('Items not assessed are not findings');
      expect(text).toContain('not assessed yet (not findings)');
      expect(text).toContain('severity = consequence × exposure × FR weight');
      expect(text).toContain('FR1 1, FR2 1, FR3 1.2, FR4 0.6, FR5 1.2, FR6 0.8, FR7 1.2');
      expect(text).not.toContain('required items not (yet) met');
    },
  );

  it.runIf(hasCommand('pdftotext'))(
    'never claims a signature on a standalone PDF, and gives Windows steps that work',
    () => {
      const standalone = renderReportPdf(rich, {
        fonts,
        signer: SIGNER,
        standalone: true,
        generatedAt: '2026-03-05T10:00:00.000Z',
      });
      const text = collapse(pdfText(standalone, 'standalone.pdf'));
      expect(text).not.toMatch(/signed by/i);
      expect(text).toContain('this PDF on its own carries no signature; the signed bundle does');
      expect(text).toContain(
        'This PDF was produced on its own, outside a signed bundle, and carries no signature.',
      );
      expect(text).toContain(SIGNER.fingerprint);
      const bundled = collapse(pdfText(pdf, 'bundled.pdf'));
      expect(bundled).toMatch(/SIGNED BY/);
      for (const t of [text, bundled]) {
        expect(t).toContain('needs OpenSSH 8.1 or later');
        expect(t).toContain('the OpenSSH 7.7 built into older Windows 10 builds does not');
        expect(t).toMatch(/cmd \/c "ssh-keygen -Y verify -f allowed_signers -I ana@example\.com/);
        expect(t).toContain('Get-FileHash -Algorithm SHA256 -LiteralPath');
        expect(t).toContain('certutil -hashfile');
        expect(t).not.toContain('Windows 10 and later include it');
      }
    },
  );

  it.runIf(hasCommand('pdftotext'))(
    'prints N/A and compensating answers with their justifications, and unassessed items in an appendix with titles',
    () => {
      const text = collapse(pdfText(pdf, 'answers.pdf'));
      const justified = rich.answers.filter(
        (a) => a.status === 'not-applicable' || a.status === 'compensating',
      );
      expect(justified.length).toBeGreaterThan(0);
      for (const answer of justified) expect(text).toContain(collapse(answer.justification.trim()));
      expect(text).not.toContain('data/answers.csv');
      expect(text).toContain('Appendix: Items not assessed');
      expect(text).toContain('37 of 37 none assessed yet');
      // A partly assessed zone lists each open item with its title, not a run-on list of ids.
      expect(text).toMatch(/SR 1\.2 Software process and device identification and authentication/);
      expect(text).not.toMatch(/Not yet assessed \(\d+\): SR/);
    },
  );

  it('gives the same bytes for the same inputs', () => {
    const again = renderReportPdf(rich, { fonts, signer: SIGNER, generatedAt: '2026-03-05T10:00:00.000Z' });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});
