import { withCurrentFindings } from '../../shared/findings';
import { assessmentCsvFiles } from '../../shared/bundle/data-csv';
import { renderFindingsXlsx, renderReportPdf } from '../../shared/report';
import { renderReportDocx } from '../../shared/report/docx';
import { loadReportFonts } from '../../electron/cli/report-fonts';
import { generateAssessment } from '../fixtures/bundle/generated-assessment';
import { richAssessment } from '../fixtures/rich-assessment';
import { largePlant } from '../fixtures/report/large-plant';

/** Median and minimum of three runs, and the last output. */
async function time<T>(render: () => T | Promise<T>): Promise<{ median: number; min: number; out: T }> {
  const runs: number[] = [];
  let out!: T;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    out = await render();
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[1]!, min: runs[0]!, out };
}

/**
 * Time to render the PDF report (and the DOCX report and the XLSX workbook, against the PDF and the
 * CSV files they stand beside): the rich fixture (CJK, so the fallback font is parsed) and a large
 * site, with its findings brought up to date first (as `conduit report` does). Prints the page and
 * finding counts too.
 */
const fonts = await loadReportFonts();
const cases = [
  { name: 'rich fixture (4 zones, CJK names)', data: await richAssessment() },
  {
    name: '150 zones, 20,000 assets',
    data: withCurrentFindings(
      await generateAssessment({ zones: 150, assets: 20_000, photos: 5, photoBytes: 2_000 }),
      new Date('2026-03-05T10:00:00Z'),
    ),
  },
  {
    // Every item answered in every zone, 400 observed flows, 250 manual findings: the long roadmap.
    name: '150 zones, 20,000 assets, all items answered, 400 flows, 250 manual findings',
    data: await largePlant(),
  },
];
// One warm-up render, so the figures are not the JIT's first pass.
renderReportPdf(cases[0]!.data, { fonts, generatedAt: '2026-03-05T10:00:00Z' });
await renderReportDocx(cases[0]!.data, { generatedAt: '2026-03-05T10:00:00Z' });
await renderFindingsXlsx(cases[0]!.data);
for (const { name, data } of cases) {
  const pdf = await time(() => renderReportPdf(data, { fonts, generatedAt: '2026-03-05T10:00:00Z' }));
  const pages = (new TextDecoder('latin1').decode(pdf.out).match(/\/Type \/Page\b/g) ?? []).length;
  const kib = (bytes: Uint8Array) => Math.round(bytes.length / 1024);
  console.log(
    `report, ${name}: median ${Math.round(pdf.median)} ms (min ${Math.round(pdf.min)} ms), ${kib(pdf.out)} KiB, ${pages} pages, ${data.findings.length} finding${data.findings.length === 1 ? '' : 's'} (${data.findings.filter((f) => f.origin === 'auto').length} generated)`,
  );
  const docx = await time(() => renderReportDocx(data, { generatedAt: '2026-03-05T10:00:00Z' }));
  console.log(
    `report DOCX, ${name}: median ${Math.round(docx.median)} ms (min ${Math.round(docx.min)} ms), ${kib(docx.out)} KiB, ${(docx.median / pdf.median).toFixed(2)}× the PDF's time`,
  );
  const xlsx = await time(() => renderFindingsXlsx(data));
  // The alternative a client has without the workbook: the CSV files of the bundle.
  const csv = await time(() => assessmentCsvFiles(data));
  console.log(
    `findings XLSX, ${name}: median ${Math.round(xlsx.median)} ms (min ${Math.round(xlsx.min)} ms), ${kib(xlsx.out)} KiB; the bundle's CSV files ${Math.round(csv.median)} ms, XLSX ${(xlsx.median / Math.max(csv.median, 0.1)).toFixed(1)}× that`,
  );
}
