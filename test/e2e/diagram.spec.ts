import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseAssessmentFile } from '../../shared/model';
import { createAssessment, expect, test, waitForSaved } from './fixtures';

async function newAssessment(page: Page) {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'North plant' });
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Diagram/ })
    .click();
  await expect(page.getByTestId('diagram-workspace')).toBeVisible();
}

async function addAsset(page: Page, name: string, ip: string) {
  await page.getByRole('button', { name: 'Add asset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an asset' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('IP address').fill(ip);
  await dialog.getByLabel('Vendor').fill('Siemens');
  await dialog.getByRole('button', { name: 'Add asset' }).click();
  await expect(dialog).toBeHidden();
}

test.use({ viewport: { width: 1600, height: 1000 } });

const zone = (page: Page, name: string) =>
  page.locator(`[data-testid="zone-node"][data-zone-name="${name}"]`);

test('draw zones and a conduit, set the SL-T, assign assets, undo/redo, and find it all after a reload', async ({
  page,
}) => {
  await newAssessment(page);
  const canvas = page.getByTestId('diagram-canvas');

  for (const [name, ip] of [
    ['PLC-1', '10.10.1.5'],
    ['HMI-1', '10.10.1.20'],
    ['Historian', '10.20.0.5'],
    ['Stray laptop', '192.168.9.9'],
    ['Drive-1', '172.20.0.7'],
    ['Drive-2', '172.20.0.8'],
  ]) {
    await addAsset(page, name!, ip!);
  }
  await expect(page.getByTestId('unassigned-count')).toHaveText('6');

  // First zone: add, name it, and move it left with the mouse.
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
  await expect(zone(page, 'Zone 1')).toBeVisible();
  await expect(page.getByLabel('Zone name')).toHaveValue('Zone 1');
  await page.getByLabel('Zone name').fill('Cell A');
  await page.getByLabel('Zone name').blur();
  const cellA = zone(page, 'Cell A');
  await expect(cellA).toBeVisible();
  const box = (await cellA.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 180, box.y - 60, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 - 360, box.y - 120, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await cellA.boundingBox())!.x).toBeLessThan(box.x - 300);

  // SL-T: level 2 everywhere, FR3 at 3.
  await page.getByLabel('SL-T level').selectOption('2');
  await page.getByLabel('SL-T FR3 override').selectOption('3');
  await expect(cellA.getByTestId('zone-slt')).toHaveText('SL-T {2,2,3,2,2,2,2}');

  // A bad range is refused with a clear message and not saved.
  const ranges = page.getByLabel('Zone ranges');
  await ranges.fill('10.0.0.0/33');
  await expect(
    page.getByText('Not saved: line 1, "10.0.0.0/33": the prefix length /33 is larger than /32'),
  ).toBeVisible();
  await ranges.fill('10.10.1.0/24');
  await ranges.blur();

  // Second zone, of kind operations, with its range.
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
  await expect(page.getByLabel('Zone name')).toHaveValue('Zone 2');
  await page.getByLabel('Zone name').fill('Operations');
  await page.getByLabel('Zone kind').selectOption('operations');
  await page.getByLabel('Zone ranges').fill('10.20.0.0/16');
  await page.getByLabel('Zone ranges').blur();
  const operations = zone(page, 'Operations');
  await expect(operations).toBeVisible();
  await expect(operations).toContainText('Site operations');

  // A conduit: drag from Cell A's right handle onto the Operations zone.
  const handle = cellA.getByTestId('zone-handle-right');
  const from = (await handle.boundingBox())!;
  const to = (await operations.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 20, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('conduit-label')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Conduit properties' })).toBeVisible();
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.getByLabel('Service 1 protocol').fill('Modbus/TCP');
  await expect(page.getByLabel('Service 1 port')).toHaveValue('502');
  await expect(page.getByTestId('conduit-label')).toHaveText('Modbus/TCP 502');
  // The live checks flag the conduit with no control; picking the entry selects it.
  const checks = page.getByRole('region', { name: 'Model checks' });
  await expect(checks.locator('[data-check="conduit-no-control"]')).toHaveCount(1);
  await page.getByText('Firewall', { exact: true }).click();
  await expect(checks.locator('[data-check="conduit-no-control"]')).toHaveCount(0);

  // Assign by drag: PLC-1 from the side list onto Cell A.
  await canvas.click({ position: { x: 20, y: 20 } });
  await page.getByRole('option', { name: /PLC-1/ }).dragTo(cellA);
  await expect(cellA.getByTestId('zone-asset-count')).toHaveText('1 asset');
  await expect(page.getByTestId('unassigned-count')).toHaveText('5');
  // A multi-selection (Ctrl+click) goes in one drag.
  await page.getByRole('option', { name: /Drive-1/ }).click();
  await page.getByRole('option', { name: /Drive-2/ }).click({ modifiers: ['Control'] });
  await page.getByRole('option', { name: /Drive-1/ }).dragTo(operations);
  await expect(operations.getByTestId('zone-asset-count')).toHaveText('2 assets');
  await expect(page.getByTestId('unassigned-count')).toHaveText('3');

  // Assign by subnet: HMI-1 to Cell A, Historian to Operations, the laptop stays.
  await page.getByRole('button', { name: 'Assign by subnet' }).click();
  await expect(page.getByTestId('subnet-report')).toHaveText('Placed 2 assets; 1 stayed unassigned.');
  await expect(page.getByRole('dialog', { name: 'Assign by subnet' })).toContainText(
    'Stray laptop (192.168.9.9)',
  );
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(cellA.getByTestId('zone-asset-count')).toHaveText('2 assets');
  await expect(operations.getByTestId('zone-asset-count')).toHaveText('3 assets');
  await expect(page.getByTestId('unassigned-count')).toHaveText('1');

  // Undo the subnet run, then redo it.
  await canvas.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(cellA.getByTestId('zone-asset-count')).toHaveText('1 asset');
  await expect(operations.getByTestId('zone-asset-count')).toHaveText('2 assets');
  await expect(page.getByTestId('unassigned-count')).toHaveText('3');
  await page.keyboard.press('Control+Shift+z');
  await expect(cellA.getByTestId('zone-asset-count')).toHaveText('2 assets');
  await expect(page.getByTestId('unassigned-count')).toHaveText('1');

  // Everything is stored as it was made: reload and find it all.
  await waitForSaved(page);
  const position = (await cellA.boundingBox())!;
  await page.reload();
  await expect(page.getByTestId('diagram-workspace')).toBeVisible();
  await expect(zone(page, 'Cell A')).toBeVisible();
  await expect(zone(page, 'Cell A').getByTestId('zone-slt')).toHaveText('SL-T {2,2,3,2,2,2,2}');
  await expect(zone(page, 'Cell A').getByTestId('zone-asset-count')).toHaveText('2 assets');
  await expect(zone(page, 'Operations').getByTestId('zone-asset-count')).toHaveText('3 assets');
  await expect(page.getByTestId('conduit-label')).toHaveText('Modbus/TCP 502');
  await expect(page.getByTestId('unassigned-count')).toHaveText('1');
  const after = (await zone(page, 'Cell A').boundingBox())!;
  // The moved zone is still left of the one added later.
  expect(after.x).toBeLessThan((await zone(page, 'Operations').boundingBox())!.x);
  expect(Math.abs(after.width - position.width)).toBeLessThan(2);
  await zone(page, 'Cell A').click();
  await expect(page.getByLabel('Zone ranges')).toHaveValue('10.10.1.0/24');

  // The diagram travels in the assessment file: zones, positions, conduit, assets' zones.
  await page.getByRole('link', { name: 'All assessments' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('assessment-card').first().getByRole('button', { name: 'Export' }).click();
  const data = await parseAssessmentFile(readFileSync((await (await download).path())!, 'utf8'));
  const byName = new Map(data.zones.map((z) => [z.name, z]));
  expect([...byName.keys()].sort()).toEqual(['Cell A', 'Operations']);
  expect(byName.get('Cell A')).toMatchObject({
    kind: 'cell',
    ranges: ['10.10.1.0/24'],
    slt: { base: 2, overrides: { FR3: 3 } },
  });
  expect(byName.get('Cell A')!.position.x).toBeLessThan(byName.get('Operations')!.position.x);
  expect(data.conduits).toHaveLength(1);
  expect(data.conduits[0]).toMatchObject({
    fromZoneId: byName.get('Cell A')!.id,
    toZoneId: byName.get('Operations')!.id,
    controls: ['firewall'],
    services: [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
  });
  const zoneOf = new Map(data.assets.map((a) => [a.name, a.zoneId]));
  expect(Object.fromEntries(zoneOf)).toEqual({
    'PLC-1': byName.get('Cell A')!.id,
    'HMI-1': byName.get('Cell A')!.id,
    Historian: byName.get('Operations')!.id,
    'Drive-1': byName.get('Operations')!.id,
    'Drive-2': byName.get('Operations')!.id,
    'Stray laptop': null,
  });
});

test('templates, delete with confirmation and the Delete key, copy/paste and undo', async ({ page }) => {
  await newAssessment(page);
  await page.getByRole('button', { name: 'Start from the reference Purdue layout' }).click();
  const canvas = page.getByTestId('diagram-canvas');
  await expect(canvas).toHaveAttribute('data-zone-count', '7');
  await expect(page.getByTestId('zone-node')).toHaveCount(7);
  await expect(page.getByTestId('conduit-label')).toHaveCount(6);
  await expect(zone(page, 'Industrial DMZ').getByTestId('zone-slt')).toHaveText('SL-T {3,3,3,3,3,3,3}');
  // Only the empty zones are flagged by the checks.
  const checks = page.getByRole('region', { name: 'Model checks' });
  await expect(checks.locator('[data-check="zone-no-assets"]')).toHaveCount(7);
  await expect(checks.locator('.check-entry')).toHaveCount(7);

  // Clicking a check entry selects its zone.
  await checks.locator('[data-check="zone-no-assets"]').first().click();
  await expect(page.getByRole('region', { name: 'Zone properties' })).toBeVisible();
  const selectedName = await page.getByLabel('Zone name').inputValue();

  // Copy and paste the selected zone.
  await page
    .getByTestId('diagram-canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
  await zone(page, selectedName).click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(zone(page, `${selectedName} (copy)`)).toBeVisible();
  await expect(canvas).toHaveAttribute('data-zone-count', '8');

  // Delete key asks first; cancel keeps it, confirm deletes it.
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete from the diagram?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(canvas).toHaveAttribute('data-zone-count', '8');
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await zone(page, 'Site operations').click();
  await page.keyboard.press('Delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(canvas).toHaveAttribute('data-zone-count', '7');
  // Its four conduits went with it.
  await expect(page.getByTestId('conduit-label')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(canvas).toHaveAttribute('data-zone-count', '8');
  await expect(page.getByTestId('conduit-label')).toHaveCount(6);

  // Auto-layout stacks Purdue levels top to bottom.
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect
    .poll(async () => {
      const y = async (name: string) => (await zone(page, name).boundingBox())!.y;
      return (
        (await y('Enterprise network')) < (await y('Industrial DMZ')) &&
        (await y('Industrial DMZ')) < (await y('Site operations')) &&
        (await y('Site operations')) < (await y('Cell/area A'))
      );
    })
    .toBe(true);

  // Export SVG goes through the platform's save (a download in the browser build).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/zones\.svg$/);
  const svg = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(svg).toString('utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('Industrial DMZ');
  // A well-formed SVG document, as Chromium's XML parser reads it.
  const parsed = await page.evaluate((svgText) => {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      zones: doc.querySelectorAll('g.zone').length,
    };
  }, text);
  expect(parsed).toEqual({ error: null, zones: 8 });
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const pngFile = await png;
  const bytes = Buffer.concat(await (await pngFile.createReadStream()).toArray());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('resize a zone, move an asset out of it, and find both after a reload', async ({ page }) => {
  await newAssessment(page);
  await addAsset(page, 'RTU-7', '10.50.0.7');
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
  const zone1 = zone(page, 'Zone 1');
  await expect(zone1).toBeVisible();
  await page.getByRole('option', { name: /RTU-7/ }).dragTo(zone1);
  await expect(zone1.getByTestId('zone-asset-count')).toHaveText('1 asset');

  // Resize from the bottom-right corner (the zone is selected, so its resizer shows).
  const before = (await zone1.boundingBox())!;
  const corner = page.locator('.react-flow__resize-control.handle.bottom.right');
  const handle = (await corner.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 120, handle.y + 90, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await zone1.boundingBox())!.width).toBeGreaterThan(before.width + 80);

  // Shown as a chip when expanded; dragging the chip to the side list unassigns it.
  await zone1.getByRole('button', { name: 'Show assets' }).click();
  await zone1
    .locator('.asset-chip', { hasText: 'RTU-7' })
    .dragTo(page.getByRole('listbox', { name: 'Unassigned assets list' }));
  await expect(zone1.getByTestId('zone-asset-count')).toHaveText('0 assets');
  await expect(page.getByTestId('unassigned-count')).toHaveText('1');

  await waitForSaved(page);
  const resized = (await zone1.boundingBox())!;
  await page.reload();
  await expect(zone(page, 'Zone 1')).toBeVisible();
  const after = (await zone(page, 'Zone 1').boundingBox())!;
  // The canvas opens fitted, so compare proportions rather than pixels.
  expect(after.width / after.height).toBeCloseTo(resized.width / resized.height, 1);
  expect(resized.width / resized.height).not.toBeCloseTo(before.width / before.height, 1);
  await expect(page.getByTestId('unassigned-count')).toHaveText('1');
});

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxes = async (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

test('on a full plant: panels fold away and stay folded, fit view clears the minimap, labels stay apart and legible, new zones land in free space', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Diagram' }).click();
  await expect(page.getByTestId('zone-node')).toHaveCount(8);
  const canvas = page.getByTestId('diagram-canvas');
  const narrow = (await canvas.boundingBox())!.width;

  // The side panels fold away (button and shortcut), the canvas takes the width, and it is remembered.
  await page
    .getByRole('toolbar', { name: 'Diagram tools' })
    .getByRole('button', { name: 'Assets panel' })
    .click();
  await page.locator('body').press(']');
  await expect(page.getByRole('heading', { name: /Unassigned assets/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Model checks/ })).toHaveCount(0);
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(narrow + 500);
  await page.reload();
  await expect(page.getByTestId('zone-node')).toHaveCount(8);
  await expect(page.getByRole('button', { name: 'Show the assets panel ([)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Model checks/ })).toHaveCount(0);

  // Fit view: every zone on the canvas and none under the minimap; names legible.
  await page
    .getByRole('toolbar', { name: 'Diagram tools' })
    .getByRole('button', { name: 'Fit view' })
    .click();
  await page.waitForTimeout(400);
  const area = (await canvas.boundingBox())!;
  const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
  for (const node of await boxes(page, '[data-testid="zone-node"]')) {
    expect(node.x).toBeGreaterThanOrEqual(area.x);
    expect(node.y).toBeGreaterThanOrEqual(area.y);
    expect(node.x + node.width).toBeLessThanOrEqual(area.x + area.width);
    expect(node.y + node.height).toBeLessThanOrEqual(area.y + area.height);
    expect(overlaps(node, minimap), 'a zone under the minimap').toBe(false);
  }
  for (const name of await boxes(page, '.zone-name')) expect(name.height).toBeGreaterThanOrEqual(11);

  // Conduit labels: each service said once, none on another, none hidden behind a zone.
  const labels = page.getByTestId('conduit-label');
  await expect(labels).toHaveCount(7);
  for (const text of await labels.allTextContents()) {
    const parts = text.replace(/ \+\d+$/, '').split(', ');
    expect(new Set(parts).size, text).toBe(parts.length);
  }
  const labelBoxes = await boxes(page, '[data-testid="conduit-label"]');
  const zoneBoxes = await boxes(page, '[data-testid="zone-node"]');
  for (const [i, label] of labelBoxes.entries()) {
    for (const other of labelBoxes.slice(i + 1)) expect(overlaps(label, other), `label ${i}`).toBe(false);
    for (const node of zoneBoxes) expect(overlaps(label, node), `label ${i} behind a zone`).toBe(false);
  }

  // New zones go to free space, never on top of the plant's zones or each other.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByTestId('zone-node')).toHaveCount(11);
  const all = await boxes(page, '[data-testid="zone-node"]');
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) expect(overlaps(a, b), `zone ${i} overlaps`).toBe(false);
});

test("a zone's assets: listed in its properties with search, taken out, opened in the inventory; the unassigned list searches and filters", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Diagram' }).click();
  await expect(page.getByTestId('zone-node')).toHaveCount(8);

  // The unassigned list: search ignores case and accents; the vendor filter narrows it.
  const unassigned = page.getByRole('complementary', { name: 'Unassigned assets' });
  await expect(page.getByTestId('unassigned-count')).toHaveText('4');
  await unassigned.getByLabel('Search unassigned assets').fill('TELTONIKA');
  await expect(page.getByTestId('unassigned-count')).toHaveText('1 of 4');
  await expect(
    unassigned.getByRole('listbox', { name: 'Unassigned assets list' }).getByRole('option'),
  ).toHaveText([/Teltonika RUT240/]);
  await unassigned.getByLabel('Search unassigned assets').fill('');
  await unassigned.getByLabel('Vendor of unassigned assets').selectOption('Dell Inc.');
  await expect(
    unassigned.getByRole('listbox', { name: 'Unassigned assets list' }).getByRole('option'),
  ).toHaveText([/contractor-laptop/]);
  await unassigned.getByLabel('Vendor of unassigned assets').selectOption('');

  // The zone's properties list its assets.
  await zone(page, 'Control room').locator('.zone-name').click();
  const panel = page.getByRole('region', { name: 'Assets in this zone' });
  const list = panel.getByRole('list', { name: 'Assets of Control room' });
  await expect(list.getByRole('listitem')).toHaveCount(18);
  const first = (await list.getByRole('link').first().textContent())!;
  await panel.getByLabel('Search the assets of Control room').fill(first);
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Taken out of the zone: it is unassigned, the zone counts one less.
  await list.getByRole('button', { name: `Remove ${first} from Control room` }).click();
  await expect(page.getByTestId('unassigned-count')).toHaveText('5');
  await expect(zone(page, 'Control room').getByTestId('zone-asset-count')).toHaveText('17 assets');
  await panel.getByLabel('Search the assets of Control room').fill('');
  await expect(list.getByRole('listitem')).toHaveCount(17);

  // Shown on the diagram on demand, capped with "+N more".
  await panel.getByRole('button', { name: 'Show on the diagram' }).click();
  await expect(zone(page, 'Control room').locator('.asset-chip').first()).toBeVisible();
  await expect(zone(page, 'Control room').locator('.asset-chip-more')).toHaveText(/^\+\d+ more$/);

  // Jump: the asset opens in the inventory.
  const second = (await list.getByRole('link').first().textContent())!;
  await list.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog', { name: second })).toBeVisible();
});
