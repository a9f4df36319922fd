import { withCurrentFindings } from '../../shared/findings';
import { renderReportPdf } from '../../shared/report';
import { loadReportFonts } from '../../electron/cli/report-fonts';
import { generateAssessment } from '../fixtures/bundle/generated-assessment';
import { richAssessment } from '../fixtures/rich-assessment';
import { largePlant } from '../fixtures/report/large-plant';

/**
 * Time to render the PDF report: the rich fixture (CJK, so the fallback font is parsed) and a large
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
for (const { name, data } of cases) {
  const runs: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    pdf = renderReportPdf(data, { fonts, generatedAt: '2026-03-05T10:00:00Z' });
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b/g) ?? []).length;
  const auto = data.findings.filter((f) => f.origin === 'auto').length;
  console.log(
    `report, ${name}: median ${Math.round(runs[1]!)} ms (min ${Math.round(runs[0]!)} ms), ${Math.round(pdf.length / 1024)} KiB, ${pages} pages, ${data.findings.length} finding${data.findings.length === 1 ? '' : 's'} (${auto} generated)`,
  );
}
