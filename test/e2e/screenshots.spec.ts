import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A screenshot of every workspace of the demo plant, in both themes at two window sizes, kept under
 * test-results/screenshots/ as artifacts to look at. The demo plant loads once; themes and sizes
 * change in place, and workspaces are opened by clicking, as a user would.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
const THEMES = ['light', 'dark'] as const;
const OUT = path.resolve('test-results/screenshots');

/** Each workspace's nav label, and what shows it is drawn. */
const WORKSPACES: { label: string; ready(page: Page): Promise<void> }[] = [
  { label: 'Overview', ready: (p) => expect(p.getByTestId('overview-dashboard')).toBeVisible() },
  {
    label: 'Inventory',
    ready: (p) => expect(p.getByTestId('inventory-count')).toHaveText('138 assets · 1 seen in traffic'),
  },
  // The diagram has no heading of its own: its eight zones stand for it.
  { label: 'Diagram', ready: (p) => expect(p.getByTestId('zone-node')).toHaveCount(8) },
  { label: 'Requirements', ready: (p) => expect(p.getByTestId('zone-progress')).toBeVisible() },
  {
    label: 'Risk',
    ready: (p) => expect(p.getByRole('heading', { name: 'Risk assessment', exact: true })).toBeVisible(),
  },
  { label: 'Connections', ready: (p) => expect(p.getByTestId('connection-row').first()).toBeVisible() },
  {
    label: 'Vulnerabilities',
    ready: (p) => expect(p.getByRole('heading', { name: 'Vulnerabilities', exact: true })).toBeVisible(),
  },
  { label: 'Findings', ready: (p) => expect(p.getByTestId('finding').first()).toBeVisible() },
  {
    label: 'Export',
    ready: (p) => expect(p.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible(),
  },
];

async function open(page: Page, label: string) {
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: new RegExp(`^${label}`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}$`));
}

/** How far the document, and the workspace pane, are wider than the window. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('.shell-main');
    return {
      document: root.scrollWidth - root.clientWidth,
      workspace: main ? main.scrollWidth - main.clientWidth : 0,
    };
  });
}

/** Every item of a toolbar (and of a filter row inside it) on one line. */
async function expectOneRow(toolbar: Locator, label: string) {
  const rows = await toolbar.evaluate((row) => {
    const items = [...row.querySelectorAll(':scope > *, :scope > [role="search"] > *')]
      .filter((el) => el.getAttribute('role') !== 'search' && !el.classList.contains('spacer'))
      .map((el) => el.getBoundingClientRect());
    return {
      lowestTop: Math.max(...items.map((r) => r.top)),
      highestBottom: Math.min(...items.map((r) => r.bottom)),
      items: items.length,
    };
  });
  expect(rows.items, `${label}: toolbar items found`).toBeGreaterThan(1);
  expect(rows.lowestTop, `the ${label} toolbar sits in one row`).toBeLessThan(rows.highestBottom);
}

/** What the screenshot review found and fixed, checked so it stays fixed. */
async function checkLook(page: Page, label: string, theme: (typeof THEMES)[number]) {
  if (label === 'Diagram') {
    // At 1280 "Export SVG" and "Export PNG" wrapped onto a second row, taking canvas height.
    await expectOneRow(page.getByRole('toolbar', { name: 'Diagram tools' }), label);
  }
  if (label === 'Diagram' && theme === 'dark') {
    // The minimap was white in the dark theme.
    const minimap = await page
      .locator('.react-flow__minimap')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(minimap).toBe('rgb(24, 28, 34)');
  }
  if (label === 'Findings') {
    // The filter row wrapped at 1280.
    const tops = await page
      .getByRole('search', { name: 'Filter findings' })
      .evaluate((row) => [...row.children].map((c) => (c as HTMLElement).offsetTop));
    expect(new Set(tops).size, 'the Findings filters sit in one row').toBe(1);
  }
  if (label === 'Risk') {
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    // "Zone's (Se", "3 Possil": each select as wide as its chosen text, plus its arrow.
    const cut = await page.locator('.risk-table select:not(.risk-capability)').evaluateAll((selects) => {
      const context = document.createElement('canvas').getContext('2d')!;
      return selects.flatMap((el) => {
        const select = el as HTMLSelectElement;
        context.font = getComputedStyle(select).font;
        const text = select.selectedOptions[0]?.text ?? '';
        return select.clientWidth < context.measureText(text).width + 24 ? [text] : [];
      });
    });
    expect(cut, 'risk selects cut off').toEqual([]);
  }
  if (label === 'Vulnerabilities') {
    // The toolbar wrapped onto two lines at 1280: its items (the filters' among them) share one row.
    await expectOneRow(page.getByRole('region', { name: 'Advisory packs' }).locator('.toolbar'), label);
    await expectOneRow(page.locator('.vulnerability-toolbar'), label);
    const boxes = page.locator('.vulnerability-group h3 input[type="checkbox"]');
    if ((await boxes.count()) > 0)
      await expect(boxes.first()).toHaveAccessibleName(/^Select all \d+ match(es)? in /);
  }
}

/** The Connections workspace's second tab: the candidates and their triage. */
async function shootTraffic(page: Page, suffix: string) {
  await page.getByRole('tab', { name: /Traffic/ }).click();
  const candidates = page.getByRole('region', { name: 'Candidates' });
  await expect(candidates).toBeVisible();
  await candidates.evaluate((section) => section.scrollIntoView());
  const file = path.join(OUT, `connections-traffic-${suffix}.png`);
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(10_000);
  expect((await overflow(page)).document).toBeLessThanOrEqual(0);
}

test('every workspace in both themes at 1440×900 and 1280×720', async ({ page, pageProblems }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize(SIZES[0]);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });

  const notes: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const { label, ready } of WORKSPACES) {
        await open(page, label);
        await ready(page);
        await checkLook(page, label, theme);
        if (label !== 'Diagram') await expect(page.locator('main h1, main h2').first()).toBeVisible();
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background, `${label} in ${theme}`).toBe(
          theme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(246, 247, 249)',
        );
        const file = path.join(OUT, `${label.toLowerCase()}-${theme}-${size.width}x${size.height}.png`);
        await page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(10_000);
        const wide = await overflow(page);
        expect(
          wide.document,
          `${label} ${theme} ${size.width}: the document scrolls sideways`,
        ).toBeLessThanOrEqual(0);
        if (wide.workspace > 0)
          notes.push(`${label} ${theme} ${size.width}×${size.height}: pane ${wide.workspace}px wider`);
        expect(pageProblems, `${label} in ${theme} at ${size.width}`).toEqual([]);
        if (label === 'Connections') await shootTraffic(page, `${theme}-${size.width}x${size.height}`);
      }
    }
  }
  console.log(
    notes.length > 0
      ? `horizontal scroll inside the workspace pane:\n${notes.join('\n')}`
      : 'no pane overflows',
  );
});
