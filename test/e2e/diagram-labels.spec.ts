import type { Page } from '@playwright/test';
import { measureDejaVuSans, measureDejaVuSansBold } from '../../shared/diagram';
import { expect, test } from './fixtures';

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, area: Rect) =>
  a.x >= area.x &&
  a.y >= area.y &&
  a.x + a.width <= area.x + area.width &&
  a.y + a.height <= area.y + area.height;

const boxes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

/** The canvas's zoom, read from React Flow's viewport transform. */
const zoom = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

async function openDemoDiagram(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Diagram' }).click();
  await expect(page.getByTestId('zone-node')).toHaveCount(8);
}

async function run(page: Page, command: 'Fit view' | 'Auto-layout') {
  await page.getByRole('toolbar', { name: 'Diagram tools' }).getByRole('button', { name: command }).click();
  await settle(page);
}

/**
 * The viewport animates for 200 ms, and after auto-layout the layout itself runs first (longer on
 * a loaded machine) with the fit 50 ms after it: wait until the zoom, the zones and the labels
 * have all stayed put for three quarters of a second, not merely until the zoom is the same twice.
 */
async function settle(page: Page) {
  const snapshot = async () =>
    JSON.stringify([
      await zoom(page),
      await boxes(page, '[data-testid="zone-node"]'),
      await boxes(page, '[data-testid="conduit-label"]'),
    ]);
  let last = '';
  let unchanged = 0;
  await expect
    .poll(
      async () => {
        const now = await snapshot();
        unchanged = now === last ? unchanged + 1 : 0;
        last = now;
        return unchanged;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(3);
}

/** Past this zoom labels would be enlarged more than 2.5 times: they are not drawn (renderer LABEL_ZOOM). */
const LABEL_ZOOM = 0.85 / 2.5;

/**
 * Every label clear of every other, of every zone and of the minimap, whole, and inside the
 * canvas; every zone name whole. `labels: 'drawn'` where the canvas has room for them at a
 * legible size; else fit view may zoom out past LABEL_ZOOM, where no label is drawn at all.
 */
async function expectLegible(page: Page, when: string, drawn: 'drawn' | 'drawn where legible' = 'drawn') {
  const labels = page.getByTestId('conduit-label');
  const note = page.getByTestId('labels-hidden-note');
  if (drawn === 'drawn where legible' && (await zoom(page)) < LABEL_ZOOM) {
    await expect(labels).toHaveCount(0);
    await expect(note, `${when}: the canvas says the labels are hidden`).toBeVisible();
  } else {
    await expect(labels, `${when}: the labels are drawn, not hidden as too far out`).toHaveCount(7);
    await expect(note, `${when}: no note while the labels are drawn`).toHaveCount(0);
  }
  const area = (await page.getByTestId('diagram-canvas').boundingBox())!;
  const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
  const labelBoxes = await boxes(page, '[data-testid="conduit-label"]');
  const zoneBoxes = await boxes(page, '[data-testid="zone-node"]');
  const texts = await labels.allTextContents();
  for (const [i, label] of labelBoxes.entries()) {
    const name = `${when}: "${texts[i]}"`;
    expect(inside(label, area), `${name} is inside the canvas`).toBe(true);
    expect(overlaps(label, minimap), `${name} is clear of the minimap`).toBe(false);
    for (const [j, other] of labelBoxes.entries())
      if (j > i) expect(overlaps(label, other), `${name} is clear of "${texts[j]}"`).toBe(false);
    for (const zone of zoneBoxes) expect(overlaps(label, zone), `${name} is clear of a zone`).toBe(false);
  }
  // Measured as drawn: no label's text runs past its box into an ellipsis.
  const cut = await labels.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
  );
  expect(cut, `${when}: labels cut short`).toEqual([]);
  for (const zone of await page.getByTestId('zone-node').all()) {
    const full = (await zone.getAttribute('data-zone-name'))!;
    const name = zone.locator('.zone-name');
    await expect(name).toHaveAttribute('title', full);
    expect((await name.textContent())!.replace(/\s+/g, ' ').trim(), `${when}: a zone name is whole`).toBe(
      full,
    );
    const lines = await name
      .locator('.zone-name-line')
      .evaluateAll((els) => els.map((el) => el.scrollWidth <= el.clientWidth));
    expect(lines.length, `${when}: "${full}" in one or two lines`).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.every(Boolean), `${when}: "${full}" fits its zone`).toBe(true);
    // Legible where the canvas has room; a 470 px canvas shows a spread-out plant smaller.
    if (drawn === 'drawn')
      expect((await name.boundingBox())!.height, `${when}: "${full}" legible`).toBeGreaterThanOrEqual(11);
  }
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`demo plant at ${size.width}x${size.height}: after Fit view and after auto-layout, no label covers another, a zone or the edge, and zone names are whole`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openDemoDiagram(page);
    // Both side panels open, as the workspace starts: the narrowest canvas.
    await expect(page.getByRole('heading', { name: /Unassigned assets/ })).toBeVisible();
    // At 1280 x 720 that canvas is 470 px wide: too narrow for every label at a legible size.
    const open = size.width >= 1440 ? 'drawn' : 'drawn where legible';
    await expectLegible(page, 'as opened', open);
    await run(page, 'Fit view');
    await expectLegible(page, 'after Fit view', open);
    await run(page, 'Auto-layout');
    await expectLegible(page, 'after auto-layout', open);
    // Folding both panels widens the canvas; fitted again, all of it holds there too.
    await page.locator('body').press('[');
    await page.locator('body').press(']');
    await run(page, 'Fit view');
    await expectLegible(page, 'panels folded, after Fit view');
    await run(page, 'Auto-layout');
    await expectLegible(page, 'panels folded, after auto-layout');
  });
}

test('at 1280x720 with both panels open, a note says the labels are hidden and its button brings them back clear', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDemoDiagram(page);
  await expect(page.getByRole('heading', { name: /Unassigned assets/ })).toBeVisible();
  expect(await zoom(page), 'fit view on the 470 px canvas is below the legible zoom').toBeLessThan(
    LABEL_ZOOM,
  );
  const note = page.getByTestId('labels-hidden-note');
  await expect(note).toContainText('Labels hidden at this zoom – zoom in or fold a panel ([ / ])');
  await note.getByRole('button', { name: 'Fold panels' }).click();
  await settle(page);
  await expect(page.getByRole('heading', { name: /Unassigned assets/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show the properties panel (])' })).toBeVisible();
  await expect(note).toHaveCount(0);
  await expectLegible(page, 'after the note folded the panels');
  // Zoomed out again past the legible zoom with the panels folded, the note offers to zoom in.
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  while ((await zoom(page)) >= LABEL_ZOOM) {
    await zoomOut.click();
    await settle(page);
  }
  await expect(page.getByTestId('conduit-label')).toHaveCount(0);
  await expect(note).toContainText('Labels hidden at this zoom – zoom in to show them');
  await note.getByRole('button', { name: 'Zoom in' }).click();
  await settle(page);
  expect(await zoom(page)).toBeGreaterThanOrEqual(LABEL_ZOOM);
  await expect(note).toHaveCount(0);
  await expect(page.getByTestId('conduit-label').first()).toBeVisible();
});

test('at 1440x900 the labels are drawn and no note is shown', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoDiagram(page);
  await expect(page.getByRole('heading', { name: /Unassigned assets/ })).toBeVisible();
  await expect(page.getByTestId('conduit-label')).toHaveCount(7);
  await expect(page.getByTestId('labels-hidden-note')).toHaveCount(0);
});

test('the export measures labels with the widths Chromium draws DejaVu Sans at', async ({ page }) => {
  await page.goto('/');
  const samples = [
    'HTTPS 443, PI-SDK 5450',
    'EtherNet/IP 44818, CIP I/O 2222',
    'Modbus/TCP 502, BACnet/IP 47808',
    'PI-SDK 5450, NTP 123, WSUS 8530 +1',
    'Zürich – Müller (ÄÖÜ)',
  ];
  const drawn = await page.evaluate(async (texts) => {
    await document.fonts.load('11px "DejaVu Sans"');
    const context = document.createElement('canvas').getContext('2d')!;
    const width = (font: string, text: string) => {
      context.font = font;
      return context.measureText(text).width;
    };
    return texts.map((text) => ({
      regular: width('11px "DejaVu Sans"', text),
      bold: width('bold 15px "DejaVu Sans"', text),
    }));
  }, samples);
  for (const [i, text] of samples.entries()) {
    expect(Math.abs(measureDejaVuSans(text, 11) - drawn[i]!.regular), text).toBeLessThanOrEqual(2);
    expect(Math.abs(measureDejaVuSansBold(text, 15) - drawn[i]!.bold), `${text} (bold)`).toBeLessThanOrEqual(
      2,
    );
  }
});
