import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../../shared/report';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { hasCommand } from '../../helpers/tools';

const dir = mkdtempSync(join(tmpdir(), 'conduit-risk-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report: risk assessment section', () => {
  it.runIf(hasCommand('pdftotext'))(
    'prints the system under consideration, the matrix, the scenarios inherent and residual, the SL-T rationale and the countermeasures',
    async () => {
      const data = await richAssessment();
      const pdf = renderReportPdf(data, {
        fonts: await loadReportFonts(),
        generatedAt: '2026-03-05T10:00:00.000Z',
      });
      const file = join(dir, 'risk.pdf');
      writeFileSync(file, pdf);
      const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      const pages = result.stdout.split('\f');
      const start = pages.findIndex((p, i) => i > 2 && /^\s*\d+\. Risk assessment/m.test(p));
      expect(start).toBeGreaterThan(2);
      // Page 2 is document control, page 3 the contents.
      expect(pages[2]).toContain('Risk assessment');
      const text = pages.slice(start).join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('Bottling line 3 and its safety system, from the DMZ down.');
      // The scope table: each zone and conduit in scope, or excluded with its reason.
      expect(text).toMatch(
        /Zone\s+Enterprise IT\s+Excluded: Enterprise IT is assessed by the group’s IT team\./,
      );
      expect(text).toMatch(/Zone\s+Industrial DMZ\s+In scope/);
      expect(text).toContain('Network diagram rev. F (NET-0042)');
      expect(text).toContain('Risk up to Medium is tolerable');
      expect(text).toContain('Sophisticated means with moderate resources (criminal, hacktivist) give SL 3.');
      expect(text).toContain('Criminal access through the 4G router — Zelle 3');
      // Inherent High (Likely × Major), residual Medium (Unlikely × Major).
      expect(text).toMatch(/High Likely × Major/);
      expect(text).toMatch(/Medium Unlikely × Major/);
      expect(text).toContain('SL-T {2,2,2,2,3,2,2} (set by hand; derived {3,3,3,3,3,3,3})');
      expect(text).toContain('Set by hand: Agreed with the asset owner on 3 March');
      expect(text).toContain('SL 3 (sophisticated means with moderate resources) for criminal threats');
      expect(text).toContain('Remove the 4G router; vendor access through the DMZ jump host');
      expect(text).toContain('© The MITRE Corporation');
      // Each conduit's SL-T, with the floor its zones set.
      expect(text).toContain('SL-T per conduit');
      expect(text).toMatch(
        /Industrial DMZ – Ligne d’embouteillage — Zelle 3: SL-T \{[\d,]+\} \(derived \{[\d,]+\}; at least \{[\d,]+\} from its zones\)/,
      );
      // A conduit's SL-T set by hand: the source, the level and its justification.
      expect(text).toContain(
        'IT ↔ DMZ: SL-T {3,3,3,2,3,2,2} (set by hand; derived {2,2,2,2,2,2,2}; at least {2,2,2,2,2,2,2} from its zones)',
      );
      expect(text).toContain('Set by hand: Vendor remote access crosses this conduit');
    },
  );
});
