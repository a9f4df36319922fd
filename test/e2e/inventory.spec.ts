import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createAssessment, waitForSaved } from './fixtures';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'inventory');
const fixture = (name: string) => path.join(FIXTURES, name);

async function openInventory(page: Page) {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'Lyon' });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
}

/** Every data row of the table as its cells' text, in order. */
async function tableText(page: Page): Promise<string[]> {
  return page
    .getByTestId('asset-table')
    .locator('tbody tr:not([aria-hidden])')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join(' | ')),
    );
}

async function importThroughInput(page: Page, name: string) {
  await page.getByTestId('inventory-file-input').setInputFiles(fixture(name));
  const dialog = page.getByRole('dialog', { name: `Import ${name}` });
  await expect(dialog.getByTestId('import-counts')).toBeVisible();
  return dialog;
}

/** A real drop event on the workspace, with a DataTransfer built in the page holding the file. */
async function dropFile(page: Page, name: string) {
  const content = readFileSync(fixture(name)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, content },
  );
  const workspace = page.locator('section.inventory');
  await workspace.dispatchEvent('dragover', { dataTransfer });
  await workspace.dispatchEvent('drop', { dataTransfer });
}

test('drop a file, map its columns, import it, see it, undo it, and see the table as before', async ({
  page,
}) => {
  await openInventory(page);
  await expect(page.getByRole('heading', { name: 'No assets yet' })).toBeVisible();

  // A first file through the workspace's file input: its headers are mapped automatically.
  const base = await importThroughInput(page, 'base-assets.csv');
  await expect(base.getByTestId('import-detected')).toContainText('Generic CSV');
  await expect(base.getByTestId('import-counts')).toContainText('2 assets');
  await base.getByRole('button', { name: 'Import' }).click();
  await expect(base).toBeHidden();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  await waitForSaved(page);
  const before = await tableText(page);
  expect(before).toHaveLength(2);
  expect(before.join('\n')).toContain('PLC-Line1');
  expect(before.join('\n')).toContain('V2.9.4');

  // A second file dropped on the workspace; three of its columns need mapping by hand.
  await dropFile(page, 'line1-mapped.csv');
  const dialog = page.getByRole('dialog', { name: 'Import line1-mapped.csv' });
  await expect(dialog.getByTestId('import-counts')).toContainText('3 assets');
  await expect(dialog.getByLabel('Field for column Address')).toHaveValue('ips');
  await expect(dialog.getByLabel('Field for column Kit Maker')).toHaveValue('');
  await dialog.getByLabel('Field for column Device Label').selectOption('name');
  await expect(dialog.getByLabel('Field for column Device Label')).toHaveValue('name');
  await dialog.getByLabel('Field for column Kit Maker').selectOption('vendor');
  await expect(dialog.getByLabel('Field for column Kit Maker')).toHaveValue('vendor');
  await dialog.getByLabel('Field for column HW Addr').selectOption('macs');
  await expect(dialog.getByLabel('Field for column HW Addr')).toHaveValue('macs');
  // The mapping can be kept as a named preset.
  await dialog.getByLabel('Preset name').fill('Line 1 spreadsheet');
  await dialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved the mapping as “Line 1 spreadsheet”')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'First records' })).toContainText('HMI-Line1');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  // PLC-Line1 merged (same MAC), two new assets; the firmware conflict is kept with its sources.
  await expect(page.getByTestId('inventory-count')).toHaveText('4 assets');
  const after = await tableText(page);
  expect(after.join('\n')).toContain('HMI-Line1');
  expect(after.join('\n')).toContain('Rockwell Automation');
  expect(after.join('\n')).toContain('00:0e:8c:00:00:02');
  await page.getByRole('button', { name: 'Details of PLC-Line1' }).click();
  const detail = page.getByRole('dialog', { name: 'PLC-Line1' });
  await expect(detail.getByRole('table', { name: 'Conflicts' })).toContainText('V3.0.1');
  await expect(detail.getByRole('table', { name: 'Sources' })).toContainText('line1-mapped.csv');
  await detail.getByRole('button', { name: 'Close' }).click();

  // Undo the second import from the history: the table is exactly as it was.
  await page.getByRole('button', { name: 'Import history' }).click();
  const history = page.getByRole('dialog', { name: 'Import history' });
  await expect(history.getByTestId('import-batch')).toHaveCount(2);
  await history.getByRole('button', { name: 'Undo base-assets.csv' }).click();
  await expect(page.getByText('base-assets.csv cannot be undone yet')).toBeVisible();
  await history.getByRole('button', { name: 'Undo line1-mapped.csv' }).click();
  await page
    .getByRole('dialog', { name: 'Undo line1-mapped.csv?' })
    .getByRole('button', { name: 'Undo import' })
    .click();
  await expect(history.getByTestId('import-batch')).toHaveCount(1);
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  expect(await tableText(page)).toEqual(before);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  expect(await tableText(page)).toEqual(before);
});

test('a broken file is refused with a clear message and the table is unchanged', async ({ page }) => {
  await openInventory(page);
  const base = await importThroughInput(page, 'base-assets.csv');
  await base.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  const before = await tableText(page);

  await page.getByTestId('inventory-file-input').setInputFiles(fixture('broken-nozomi.json'));
  const dialog = page.getByRole('dialog', { name: 'Import broken-nozomi.json' });
  await expect(dialog.getByRole('alert')).toContainText('broken-nozomi.json: not valid JSON');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was changed');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  expect(await tableText(page)).toEqual(before);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  expect(await tableText(page)).toEqual(before);
});

test('a malformed record is named with its reason and skipped only once the user accepts', async ({
  page,
}) => {
  await openInventory(page);
  const dialog = await importThroughInput(page, 'one-malformed.csv');
  await expect(dialog.getByTestId('import-counts')).toContainText('2 assets');
  await expect(dialog.getByTestId('import-counts')).toContainText('1 malformed');
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText(
    'row 3: no name, address or id: nothing identifies this asset',
  );
  const importButton = dialog.getByRole('button', { name: 'Import' });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel('Skip the 1 malformed record listed above and import the rest').check();
  await importButton.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');

  // The batch keeps the warning in the import history.
  await page.getByRole('button', { name: 'Import history' }).click();
  const history = page.getByRole('dialog', { name: 'Import history' });
  await expect(history.getByTestId('import-batch')).toContainText('1 skipped');
  await history.getByText('1 warning', { exact: true }).click();
  await expect(history).toContainText('nothing identifies this asset');
});

test('edit in place, add by hand, filter, choose columns and export the filtered table', async ({ page }) => {
  await openInventory(page);
  const dialog = await importThroughInput(page, 'base-assets.csv');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');

  // Inline edit: double-click the vendor cell, type, Enter; it survives a reload.
  const historianRow = page.getByTestId('asset-table').locator('tbody tr', { hasText: 'Historian' });
  await historianRow.getByRole('cell', { name: 'OSIsoft' }).dblclick();
  await page.getByLabel('Vendor of Historian').fill('AVEVA');
  await page.getByLabel('Vendor of Historian').press('Enter');
  await expect(historianRow).toContainText('AVEVA');

  // Add an asset by hand; a bad address is refused with a reason.
  await page.getByRole('button', { name: 'Add asset' }).click();
  const form = page.getByRole('dialog', { name: 'Add asset' });
  await form.getByLabel('Name', { exact: true }).fill('=cmd modem');
  await form.getByLabel('IP addresses').fill('10.9.9.300');
  await form.getByRole('button', { name: 'Add asset' }).click();
  await expect(form.getByRole('alert')).toContainText('“10.9.9.300” is not an IP address');
  await form.getByLabel('IP addresses').fill('10.9.9.9');
  await form.getByLabel('Vendor', { exact: true }).fill('Teltonika');
  await form.getByRole('button', { name: 'Add asset' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  await expect(page.getByTestId('asset-table')).toContainText('AVEVA');

  // Filter by vendor, then by text.
  await page.getByLabel('Vendor filter').selectOption('Teltonika');
  await expect(page.getByTestId('inventory-count')).toHaveText('1 of 3 assets');
  // The filters sit in one row (not a full-width menu each), with the filter in force as a chip.
  const filterTops = await Promise.all(
    [
      'Search assets',
      'Vendor filter',
      'Zone filter',
      'Protocol filter',
      'Source filter',
      'Firmware filter',
    ].map(async (label) => (await page.getByLabel(label, { exact: true }).boundingBox())!.y),
  );
  expect(Math.max(...filterTops) - Math.min(...filterTops)).toBeLessThan(4);
  expect((await page.getByRole('search').boundingBox())!.height).toBeLessThan(80);
  await page.getByRole('button', { name: 'Remove filter Vendor: Teltonika' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  await page.getByLabel('Vendor filter').selectOption('Teltonika');
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveText(/Vendor: Teltonika/);
  await page.getByLabel('Vendor filter').selectOption('');
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await page.getByLabel('Search assets').fill('10.20.');
  await expect(page.getByTestId('inventory-count')).toHaveText('2 of 3 assets');
  await page.getByLabel('Search assets').fill('');

  // Choose columns: the choice is kept.
  await page.getByRole('button', { name: 'Columns' }).click();
  const columns = page.getByRole('dialog', { name: 'Columns' });
  await columns.getByLabel('MAC addresses').uncheck();
  await columns.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('columnheader', { name: 'MAC addresses' })).toHaveCount(0);
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  await expect(page.getByRole('columnheader', { name: 'Vendor' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'MAC addresses' })).toHaveCount(0);

  // Export the filtered table: formulas are neutralized.
  await page.getByLabel('Search assets').fill('modem');
  await expect(page.getByTestId('inventory-count')).toHaveText('1 of 3 assets');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe('Name,IP addresses,Vendor,Model,Firmware,Type,Zone,Protocols,Sources,Origin');
  // papaparse quotes the cell it guards: a spreadsheet shows '=cmd modem as text.
  expect(lines[1]).toBe(`"'=cmd modem",10.9.9.9,Teltonika,,,,,,manual,By hand`);
});

test('select several assets and put them in a zone', async ({ page }) => {
  await openInventory(page);
  const assessmentId = page.url().split('/a/')[1]!.split('/')[0]!;
  // Zones are drawn in the Diagram; here one is stored directly, as the Diagram would store it.
  await page.evaluate(async (assessmentId) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('conduit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = database.transaction('zones', 'readwrite');
      const now = new Date().toISOString();
      tx.objectStore('zones').put({
        id: '6f1c1a52-4d0e-4f7e-9c57-0a1c2b3d4e5f',
        assessmentId,
        createdAt: now,
        updatedAt: now,
        name: 'Cell 1 - Filling',
        kind: 'cell',
      });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    database.close();
  }, assessmentId);
  await page.reload(); // Dexie's live queries see only Dexie's writes
  const dialog = await importThroughInput(page, 'base-assets.csv');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');

  await page.getByLabel('Select all shown assets').check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByLabel('Assign the selected assets to a zone').selectOption({ label: 'Cell 1 - Filling' });
  await expect(page.getByText('2 assets put in Cell 1 - Filling')).toBeVisible();
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  await page.getByLabel('Zone filter').selectOption({ label: 'Cell 1 - Filling' });
  await expect(page.getByTestId('inventory-count')).toHaveText('2 of 2 assets');
  await page.getByLabel('Zone filter').selectOption({ label: 'No zone' });
  await expect(page.getByTestId('inventory-count')).toHaveText('0 of 2 assets');

  // One asset back out of the zone, through its own checkbox.
  await page.getByLabel('Zone filter').selectOption({ label: 'Any zone' });
  await page.getByLabel('Select Historian').check();
  await page.getByLabel('Assign the selected assets to a zone').selectOption({ label: 'No zone' });
  await page.getByLabel('Zone filter').selectOption({ label: 'No zone' });
  await expect(page.getByTestId('inventory-count')).toHaveText('1 of 2 assets');
  await expect(page.getByTestId('asset-table')).toContainText('Historian');
});
