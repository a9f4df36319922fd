/**
 * Diagram benchmark, in Chromium on the production web build (run `npx vite build` first, or
 * `npm run bench`): a model of 150 zones, 400 conduits and 20,000 assets is seeded into
 * IndexedDB, then we time opening the Diagram workspace and measure frame times with
 * requestAnimationFrame over a scripted pan and zoom. Targets: open < 1.5 s, median frame < 16 ms.
 * Prints figures; asserts nothing.
 */
import type { Page } from '@playwright/test';
import { makeConduit, makeZone } from '../../shared/diagram';
import {
  createAssessment,
  newId,
  nowIso,
  ZONE_KINDS,
  type Asset,
  type Conduit,
  type Zone,
} from '../../shared/model';
import { formatMs, launchChromium, median, report, serveWebBuild } from './harness';

const ZONES = 150;
const CONDUITS = 400;
const ASSETS = 20_000;

function seedModel() {
  const assessment = createAssessment({ client: 'Bench Foods', site: 'Large plant' });
  const zones: Zone[] = [];
  for (let i = 0; i < ZONES; i += 1) {
    const kind = ZONE_KINDS[i % ZONE_KINDS.length]!;
    zones.push(
      makeZone(assessment.id, {
        name: `Zone ${i + 1}`,
        kind,
        slt: (i % 4) + 1,
        position: { x: (i % 15) * 340, y: Math.floor(i / 15) * 220 },
        ranges: [`10.${Math.floor(i / 250)}.${i % 250}.0/24`],
      }),
    );
  }
  const conduits: Conduit[] = [];
  for (let i = 0; conduits.length < CONDUITS; i += 1) {
    const from = zones[i % ZONES]!;
    const to = zones[(i * 7 + 1 + Math.floor(i / ZONES)) % ZONES]!;
    if (from.id === to.id) continue;
    conduits.push(
      makeConduit(assessment.id, {
        fromZoneId: from.id,
        toZoneId: to.id,
        controls: i % 5 === 0 ? [] : ['firewall'],
        services: [
          { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
          { transport: 'tcp', ports: '4840', protocol: 'OPC UA' },
        ],
      }),
    );
  }
  const now = nowIso();
  const assets: Asset[] = [];
  for (let i = 0; i < ASSETS; i += 1) {
    const zoneIndex = i % ZONES;
    // Most assets are placed; every tenth waits in the unassigned list.
    const zoneId = i % 10 === 0 ? null : zones[zoneIndex]!.id;
    assets.push({
      id: newId(),
      assessmentId: assessment.id,
      createdAt: now,
      updatedAt: now,
      name: `dev-${i}`,
      ips: [`10.${Math.floor(zoneIndex / 250)}.${zoneIndex % 250}.${(i % 250) + 1}`],
      macs: [],
      hostnames: [],
      vendor: 'Rockwell Automation',
      model: '1756-L83E',
      firmware: '33.011',
      os: null,
      serial: null,
      type: 'PLC',
      purdueLevel: 1,
      protocols: ['EtherNet/IP'],
      criticality: null,
      zoneId,
      firstSeen: null,
      lastSeen: null,
      endOfSupport: null,
      notes: '',
      batchIds: [],
      sources: [],
      conflicts: [],
    });
  }
  return { assessment, zones, conduits, assets };
}

async function seed(page: Page, base: string, model: ReturnType<typeof seedModel>) {
  await page.goto(base);
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.evaluate(async (records) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('conduit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = database.transaction(['assessments', 'zones', 'conduits', 'assets'], 'readwrite');
    tx.objectStore('assessments').put(records.assessment);
    for (const zone of records.zones) tx.objectStore('zones').put(zone);
    for (const conduit of records.conduits) tx.objectStore('conduits').put(conduit);
    for (const asset of records.assets) tx.objectStore('assets').put(asset);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    database.close();
  }, model);
}

const shownCondition = (count: number) =>
  document.querySelector(
    `[data-testid="diagram-canvas"][data-zone-count="${count}"][data-assets-loaded="true"]`,
  ) !== null &&
  document.querySelectorAll('[data-testid="zone-node"]').length > 0 &&
  document.querySelectorAll('.react-flow__edge').length > 0
    ? performance.now()
    : false;

const marksScript =
  "(() => { const at = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN; return [at('conduit:diagram-load-start'), at('conduit:diagram-data-loaded')]; })()";

interface OpenTimes {
  /** Until zones, conduits and asset counts are on screen (all records loaded, diagram editable). */
  shownMs: number;
  /** From the start of the app (cold) or the click (in the app) until the diagram starts loading. */
  beforeLoadMs: number;
  /** Reading zones, conduits and every asset from IndexedDB (zones are drawn meanwhile). */
  readMs: number;
}

async function waitShown(page: Page, from: number): Promise<OpenTimes> {
  const shown = (await (
    await page.waitForFunction(shownCondition, ZONES, { polling: 'raf', timeout: 30_000 })
  ).jsonValue()) as number;
  const [loadStart, dataLoaded] = (await page.evaluate(marksScript)) as [number, number];
  return { shownMs: shown - from, beforeLoadMs: loadStart - from, readMs: dataLoaded - loadStart };
}

/** Opening the Diagram workspace: by a page load straight into it (app boot included) and by a click in the app. */
async function timeOpen(
  page: Page,
  base: string,
  assessmentId: string,
): Promise<{ cold: OpenTimes; inApp: OpenTimes }> {
  await page.goto('about:blank');
  await page.goto(`${base}#/a/${assessmentId}/diagram`);
  // performance.now() counts from navigation start.
  const cold = await waitShown(page, 0);

  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Overview/ })
    .click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  const started = await page.evaluate(() => {
    const link = [...document.querySelectorAll('nav a')].find((a) =>
      a.textContent?.startsWith('Diagram'),
    ) as HTMLElement;
    const t = performance.now();
    link.click();
    return t;
  });
  return { cold, inApp: await waitShown(page, started) };
}

interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function stats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    frames: sorted.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? NaN,
  };
}

interface FrameRun {
  /** Busy time per frame: from the frame's start (the rAF timestamp, before input handling) until its rendering is done. */
  work: FrameStats;
  /** rAF to rAF: bounded below by the display rate (about 16.7 ms headless), so it shows dropped frames. */
  interval: FrameStats;
}

/**
 * Frame times from requestAnimationFrame while `script` runs. The work of a frame ends when a
 * message posted from its rAF callback is delivered: that task runs once the frame's style,
 * layout and paint are done.
 */
async function measureFrames(page: Page, script: () => Promise<void>): Promise<FrameRun> {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__work = [];
    window.__intervals = [];
    window.__recording = true;
    const channel = new MessageChannel();
    let frameStart = 0;
    let last = 0;
    channel.port1.onmessage = () => window.__work.push(performance.now() - frameStart);
    const tick = (now) => {
      if (last) window.__intervals.push(now - last);
      last = now;
      frameStart = now;
      channel.port2.postMessage(0);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await script();
  const { work, intervals } = (await page.evaluate(
    '(() => { window.__recording = false; return { work: window.__work, intervals: window.__intervals }; })()',
  )) as { work: number[]; intervals: number[] };
  return { work: stats(work), interval: stats(intervals) };
}

const RUNS = 5;

async function main() {
  const model = seedModel();
  const server = await serveWebBuild();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await seed(page, server.url, model);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await timeOpen(page, server.url, model.assessment.id));

    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const idle = await measureFrames(page, () => page.waitForTimeout(1000));
    // Scripted pan: drag the empty pane from its top-left corner in small steps, there and back.
    const pan = await measureFrames(page, async () => {
      for (let round = 0; round < 3; round += 1) {
        await page.mouse.move(pane.x + 8, pane.y + 8);
        await page.mouse.down();
        for (let step = 1; step <= 40; step += 1)
          await page.mouse.move(pane.x + 8 + step * 12, pane.y + 8 + step * 6);
        for (let step = 40; step >= 0; step -= 1)
          await page.mouse.move(pane.x + 8 + step * 12, pane.y + 8 + step * 6);
        await page.mouse.up();
      }
    });
    // Scripted zoom: wheel in to where labels and assets show, and back out.
    const zoom = await measureFrames(page, async () => {
      await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
      for (let step = 0; step < 20; step += 1) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(16);
      }
      for (let step = 0; step < 20; step += 1) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(16);
      }
    });
    const rendered = await page.evaluate(() => ({
      zoneNodes: document.querySelectorAll('[data-testid="zone-node"]').length,
      edges: document.querySelectorAll('.react-flow__edge').length,
    }));

    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
    const frames = (run: FrameRun) =>
      `median ${formatMs(run.work.medianMs)}, p95 ${formatMs(run.work.p95Ms)} over ${run.work.frames} frames ` +
      `(rAF interval median ${formatMs(run.interval.medianMs)}, p95 ${formatMs(run.interval.p95Ms)})`;
    console.log(
      `diagram (web build, ${ZONES} zones, ${model.conduits.length} conduits, ${ASSETS} assets, ${RUNS} opens)`,
    );
    const phases = [
      ['open, page load straight into the workspace', runs.map((r) => r.cold)],
      ['open, Overview -> Diagram in the app', runs.map((r) => r.inApp)],
    ] as const;
    for (const [label, times] of phases) {
      report(
        `${label}: zones, conduits and asset counts shown, median (target < 1500 ms)`,
        formatMs(median(times.map((t) => t.shownMs))),
      );
      report('  runs', `${list(times.map((t) => t.shownMs))} ms`);
      report(
        '  before the diagram starts loading, median',
        formatMs(median(times.map((t) => t.beforeLoadMs))),
      );
      report(
        '  reading zones, conduits and all assets from IndexedDB, median',
        formatMs(median(times.map((t) => t.readMs))),
      );
    }
    report('frame time while idle', frames(idle));
    report('frame time over a scripted pan (target median < 16 ms)', frames(pan));
    report('frame time over a scripted zoom', frames(zoom));
    report('rendered at the end', `${rendered.zoneNodes} zone nodes, ${rendered.edges} edges`);
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
