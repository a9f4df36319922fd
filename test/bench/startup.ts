import { formatMs, launchChromium, median, report, serveWebBuild } from './harness';

/**
 * Start-up of the production web build: from navigation start to an interactive home screen
 * (the assessments list loaded from IndexedDB), in a fresh browser context each run.
 */
const RUNS = 10;
const server = await serveWebBuild();
const browser = await launchChromium();
try {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const ms = await page.evaluate(async () => {
      const name = 'conduit:home-interactive';
      for (let i = 0; i < 600 && performance.getEntriesByName(name).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const [mark] = performance.getEntriesByName(name);
      if (!mark) throw new Error('the home screen never became interactive');
      return mark.startTime;
    });
    times.push(ms);
    await context.close();
  }
  console.log(`startup (web build, ${RUNS} runs, fresh context each)`);
  report('navigation to interactive home, median', formatMs(median(times)));
  report('min / max', `${formatMs(Math.min(...times))} / ${formatMs(Math.max(...times))}`);
} finally {
  await browser.close();
  server.stop();
}
