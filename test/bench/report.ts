import { renderReportPdf } from '../../shared/report';
import { loadReportFonts } from '../../electron/cli/report-fonts';
import { generateAssessment } from '../fixtures/bundle/generated-assessment';
import { richAssessment } from '../fixtures/rich-assessment';

/** Time to render the PDF report: the rich fixture (CJK, so the fallback font is parsed) and a large site. */
const fonts = await loadReportFonts();
const cases = [
  { name: 'rich fixture (4 zones, CJK names)', data: await richAssessment() },
  {
    name: '150 zones, 20,000 assets',
    data: await generateAssessment({ zones: 150, assets: 20_000, photos: 5, photoBytes: 2_000 }),
  },
];
// One warm-up render, so the figures are not the JIT's first pass.
renderReportPdf(cases[0]!.data, { fonts, generatedAt: '2026-03-05T10:00:00Z' });
for (const { name, data } of cases) {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    bytes = renderReportPdf(data, { fonts, generatedAt: '2026-03-05T10:00:00Z' }).length;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `report, ${name}: median ${Math.round(runs[1]!)} ms (min ${Math.round(runs[0]!)} ms), ${Math.round(bytes / 1024)} KiB`,
  );
}
