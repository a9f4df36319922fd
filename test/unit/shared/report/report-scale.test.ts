import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentData } from '../../../../shared/model';
import { renderReportPdf } from '../../../../shared/report';
import { PAGE } from '../../../../shared/report/layout';
import { buildReportModel } from '../../../../shared/report/model';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { largePlant } from '../../../fixtures/report/large-plant';
import { hasCommand } from '../../helpers/tools';

const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'conduit-report-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page with its box in mm, as `pdftotext -bbox` reports it. */
function words(file: string): { pages: number; words: Word[] } {
  const result = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  expect(result.status, result.stderr).toBe(0);
  const out: Word[] = [];
  const pages = result.stdout.split('<page ').slice(1);
  pages.forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      out.push({
        page: i + 1,
        text: m[5]!,
        xMin: Number(m[1]) / MM,
        yMin: Number(m[2]) / MM,
        xMax: Number(m[3]) / MM,
        yMax: Number(m[4]) / MM,
      });
    }
  });
  return { pages: pages.length, words: out };
}

/** Where a word may sit: the body between the margins, or the running header and footer bands. */
function outsideMargins(w: Word): boolean {
  const slack = 1.2;
  if (w.xMin < PAGE.left - slack || w.xMax > PAGE.width - PAGE.right + slack) return true;
  const inHeader = w.yMin >= 6 && w.yMax <= 15;
  const inFooter = w.yMin >= PAGE.height - 14 && w.yMax <= PAGE.height - 6;
  const inBody = w.yMin >= PAGE.top - slack && w.yMax <= PAGE.height - PAGE.bottom + slack;
  return !(inHeader || inFooter || inBody);
}

describe.runIf(hasCommand('pdftotext'))('the report of a 150-zone, 20,000-asset plant', () => {
  let data: AssessmentData;
  let text: string;
  let layout: { pages: number; words: Word[] };
  beforeAll(async () => {
    data = await largePlant();
    const pdf = renderReportPdf(data, {
      fonts: await loadReportFonts(),
      generatedAt: '2026-03-05T10:00:00Z',
    });
    const file = join(dir, 'large.pdf');
    writeFileSync(file, pdf);
    layout = words(file);
    text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  }, 180_000);

  it('keeps every word of every page inside the page margins', () => {
    const stray = layout.words
      .filter(outsideMargins)
      .map(
        (w) =>
          `p${w.page} "${w.text}" x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)} mm`,
      );
    expect(layout.words.length).toBeGreaterThan(10_000);
    expect(stray.slice(0, 20)).toEqual([]);
  });

  it('never shrinks a findings cell below 8 pt', () => {
    const pages = text.split('\f');
    const first = pages.findIndex((p) => /^\s*\d+\. Findings\s*$/m.test(p)) + 1;
    const roadmap = pages.findIndex((p, i) => i >= first && /^Roadmap for the first year\s*$/m.test(p)) + 1;
    expect(first).toBeGreaterThan(3);
    expect(roadmap).toBeGreaterThan(first + 10);
    // A word's box is about 1.16 × its font size tall: 8 pt text gives 9.3 pt.
    const small = layout.words.filter(
      (w) =>
        w.page >= first &&
        w.page < roadmap &&
        w.yMin >= PAGE.top - 1 &&
        w.yMax <= PAGE.height - PAGE.bottom + 1 &&
        (w.yMax - w.yMin) * MM < 9.2,
    );
    expect(small.slice(0, 5)).toEqual([]);
  });

  it('has a sane page count', () => {
    expect(layout.pages).toBeGreaterThan(40);
    expect(layout.pages).toBeLessThan(600);
  });

  it('lists every open finding number on the roadmap', () => {
    const model = buildReportModel(data);
    const roadmap = text.slice(
      text.lastIndexOf('Roadmap for the first year'),
      text.lastIndexOf('Appendix: Items not assessed'),
    );
    const shown = new Set(roadmap.match(/F-\d+/g));
    const missing = model.openFindings.map(model.findingLabel).filter((label) => !shown.has(label));
    expect(model.openFindings.length).toBeGreaterThan(250);
    expect(missing).toEqual([]);
    // Keep-with-next: the heading shares its page with the grid's header and first phase.
    const headingPage = text.split('\f').find((p) => /^Roadmap for the first year\s*$/m.test(p))!;
    expect(headingPage).toContain('Program phase');
    expect(headingPage).toMatch(/1\. Asset inventory and network/);
  });
});
