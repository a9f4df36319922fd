/**
 * Diagram benchmark, in Chromium on the production web build (run `npx vite build` first, or
 * `npm run bench`): a model of 150 zones, 400 conduits and 20,000 assets is seeded into
 * IndexedDB, then we time opening the Diagram workspace and measure frame times with
 * requestAnimationFrame over a scripted pan and zoom. Targets: open < 1.5 s, median frame < 16 ms.
 * Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { makeConduit, makeZone } from '../../shared/analysis/diagram-templates';
import {
  createAssessment,
  newId,
  nowIso,
  ZONE_KINDS,
  type Asset,
  type Conduit,
  type Zone,
} from '../../shared/model';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const ZONES = 150;
const CONDUITS = 400;
const ASSETS = 20_000;
const PORT = Number(process.env.CONDUIT_BENCH_PORT ?? 4189);
const BASE = `http://127.0.0.1:${PORT}/`;

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

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on ${BASE}`);
}

async function seed(page: Page, model: ReturnType<typeof seedModel>) {
  await page.goto(BASE);
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

/** Time until the diagram shows its zones, conduits and asset counts, from the moment the workspace is asked for. */
async function timeOpen(
  page: Page,
  assessmentId: string,
): Promise<{ coldMs: number; inAppMs: number; readMs: number; renderMs: number }> {
  // Cold: a fresh page load straight into the Diagram workspace (app boot included), from navigation start.
  await page.goto('about:blank');
  await page.goto(`${BASE}#/a/${assessmentId}/diagram`);
  const cold = (await (
    await page.waitForFunction(shownCondition, ZONES, { polling: 'raf', timeout: 30_000 })
  ).jsonValue()) as number;

  // In the app: from the Overview, click Diagram.
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
  const shown = (await (
    await page.waitForFunction(shownCondition, ZONES, { polling: 'raf', timeout: 30_000 })
  ).jsonValue()) as number;
  const marks = (await page.evaluate(
    "(() => { const last = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN; return [last('diagram:load-start'), last('diagram:data-loaded')]; })()",
  )) as [number, number];
  return { coldMs: cold, inAppMs: shown - started, readMs: marks[1] - marks[0], renderMs: shown - marks[1] };
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

async function main() {
  const model = seedModel();
  const server = await startServer();
  // Without vsync, requestAnimationFrame runs as fast as frames can be made, so its intervals are
  // the real frame times rather than the display's 16.7 ms.
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await seed(page, model);
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await timeOpen(page, model.assessment.id));

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
      assetChips: document.querySelectorAll('.asset-chip').length,
    }));

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `diagram: ${ZONES} zones, ${model.conduits.length} conduits, ${ASSETS} assets (Chromium, headless)`,
    );
    console.log(
      `  open, cold page load into the workspace: ${runs.map((r) => fmt(r.coldMs)).join(' / ')} ms; median ${fmt(median(runs.map((r) => r.coldMs)))} ms (target < 1500)`,
    );
    console.log(
      `  open, Overview -> Diagram in the app:    ${runs.map((r) => fmt(r.inAppMs)).join(' / ')} ms; median ${fmt(median(runs.map((r) => r.inAppMs)))} ms (target < 1500)`,
    );
    console.log(
      `    all records read from IndexedDB after ${runs.map((r) => fmt(r.readMs)).join(' / ')} ms (zones drawn meanwhile), fully shown ${runs.map((r) => fmt(r.renderMs)).join(' / ')} ms later`,
    );
    const line = (label: string, run: FrameRun) =>
      console.log(
        `  ${label} frame time median ${fmt(run.work.medianMs)} ms, p95 ${fmt(run.work.p95Ms)} ms, max ${fmt(run.work.maxMs)} ms over ${run.work.frames} frames (target median < 16); ` +
          `rAF interval median ${fmt(run.interval.medianMs)} ms, p95 ${fmt(run.interval.p95Ms)} ms`,
      );
    line('idle:', idle);
    line('pan: ', pan);
    line('zoom:', zoom);
    console.log(
      `  in the DOM after the run: ${rendered.zoneNodes} zone nodes, ${rendered.edges} edges, ${rendered.assetChips} asset chips`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
