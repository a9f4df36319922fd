import { formatMs, launchChromium, median, report, serveWebBuild } from './harness';

/**
 * The demo plant's creation in the browser: from the click on "Open the demo plant" (fetching the
 * shipped files, both importers, the capture reader, findings) to its assessment stored in
 * IndexedDB, measured by the app itself; a fresh browser context each run.
 */
const RUNS = 5;
const server = await serveWebBuild();
const browser = await launchChromium();
try {
  const created: number[] = [];
  const toOverview: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the demo plant' }).click();
    const clicked = performance.now();
    await page.getByRole('heading', { name: 'Overview' }).waitFor({ timeout: 60_000 });
    toOverview.push(performance.now() - clicked);
    created.push(
      await page.evaluate(() => performance.getEntriesByName('conduit:demo-plant-created')[0]!.duration),
    );
    await context.close();
  }
  console.log(`demo plant in the browser (${RUNS} runs, fresh context each)`);
  report('created and stored (app measure), median', formatMs(median(created)));
  report('click to the overview on screen, median', formatMs(median(toOverview)));
  report('min / max (created)', `${formatMs(Math.min(...created))} / ${formatMs(Math.max(...created))}`);
} finally {
  await browser.close();
  server.stop();
}
