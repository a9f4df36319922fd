import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, createAssessment, waitForSaved } from './fixtures';

const INVENTORY = path.join(import.meta.dirname, '..', 'fixtures', 'inventory');
const SAMPLES = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'formats', 'samples');
const CAPTURES = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'traffic', 'samples');

interface DroppedFile {
  name: string;
  bytes: Buffer;
}
const file = (dir: string, name: string): DroppedFile => ({
  name: path.basename(name),
  bytes: readFileSync(path.join(dir, name)),
});

async function openInventory(page: Page) {
  await page.goto('/');
  await createAssessment(page, { client: 'Müller Verpackung', site: 'Köln' });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
}

/** A real drop event on the workspace, with a DataTransfer built in the page holding the files. */
async function dropFiles(page: Page, files: DroppedFile[]) {
  const payload = files.map((f) => ({ name: f.name, content: f.bytes.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, content } of list) {
      const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    return transfer;
  }, payload);
  const workspace = page.locator('section.inventory');
  await workspace.dispatchEvent('dragover', { dataTransfer });
  await workspace.dispatchEvent('drop', { dataTransfer });
}

async function importOne(page: Page, name: string, position: string) {
  const dialog = page.getByRole('dialog', { name: `Import ${name}` });
  await expect(dialog.getByTestId('import-position')).toHaveText(position);
  await expect(dialog.getByTestId('import-counts')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
}

test('a gzipped capture dropped on Inventory echoes no bytes and goes to Connections', async ({ page }) => {
  await openInventory(page);
  const capture = {
    name: 'plant.pcap.gz',
    bytes: gzipSync(readFileSync(path.join(CAPTURES, 'mixed_modbus_s7_enip_mb2.pcap'))),
  };
  await dropFiles(page, [capture, file(INVENTORY, 'base-assets.csv')]);

  // The capture is told apart before any parser sees it; the CSV is file 2 of 2.
  await importOne(page, 'base-assets.csv', 'File 2 of 2');
  const summary = page.getByRole('dialog', { name: 'Import results' });
  await expect(summary.getByTestId('import-summary')).toHaveText(
    '1 of 2 files imported: 2 new assets, 0 updated, 0 new connections; 1 not imported',
  );
  await expect(summary.getByTestId('import-result').first()).toHaveText(
    'plant.pcap.gz: not a text export (looks like a pcap capture (gzip-compressed))',
  );
  // Nothing of the file's bytes reaches the page: no control characters, no replacement characters.
  const text = await page.locator('body').innerText();
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\ufffd]/);
  expect(text).not.toContain('\\u00');

  await summary.getByRole('button', { name: 'Import the capture in Connections' }).click();
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Traffic/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Imported plant\.pcap\.gz: [\d,]+ packets?,/)).toBeVisible({
    timeout: 30_000,
  });
  await waitForSaved(page);
});

test('a queue of four files: file n of 4, a bad file does not stop the others, one summary', async ({
  page,
}) => {
  await openInventory(page);
  await dropFiles(page, [
    file(INVENTORY, 'base-assets.csv'),
    file(INVENTORY, 'broken-nozomi.json'),
    file(SAMPLES, 'nozomi/ibm-car_query_assets.json'),
    file(SAMPLES, 'forescout_eyeinspect/xsoar_links.json'),
  ]);
  await importOne(page, 'base-assets.csv', 'File 1 of 4');

  const broken = page.getByRole('dialog', { name: 'Import broken-nozomi.json' });
  await expect(broken.getByTestId('import-position')).toHaveText('File 2 of 4');
  await expect(broken.getByRole('alert')).toContainText('broken-nozomi.json: not valid JSON');
  await broken.getByRole('button', { name: 'Next file' }).click();

  await importOne(page, 'ibm-car_query_assets.json', 'File 3 of 4');

  // A file of links, not assets, says what it holds and that nothing would change: never "already here".
  const links = page.getByRole('dialog', { name: 'Import xsoar_links.json' });
  await expect(links.getByTestId('import-position')).toHaveText('File 4 of 4');
  await expect(links.getByTestId('import-nothing')).toHaveText(
    'xsoar_links.json holds 1 connection record and no assets; importing it would change nothing: its connections are between endpoints that are not in the inventory',
  );
  await expect(links.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await links.getByRole('button', { name: 'Close' }).click();

  const summary = page.getByRole('dialog', { name: 'Import results' });
  await expect(summary.getByTestId('import-summary')).toHaveText(/^2 of 4 files imported: \d+ new assets/);
  const lines = summary.getByTestId('import-result');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(0)).toHaveText('base-assets.csv: 2 asset records → 2 assets (2 new)');
  await expect(lines.nth(1)).toContainText('broken-nozomi.json: not valid JSON');
  await expect(lines.nth(3)).toContainText('nothing was imported');
  await expect(summary).not.toContainText('already here');
  await summary.getByRole('button', { name: 'Close' }).click();
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toHaveText(/^\d+ assets$/);
});

test('the preview predicts the merge: records merged with assets already there', async ({ page }) => {
  await openInventory(page);
  await dropFiles(page, [file(INVENTORY, 'base-assets.csv')]);
  const base = page.getByRole('dialog', { name: 'Import base-assets.csv' });
  await base.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');

  // The same two assets again, one with a new firmware: 2 records → 2 assets, both already there.
  const again =
    'name,ip,mac,vendor,firmware\nPLC-Line1,10.20.1.10,00:1b:1b:00:00:01,Siemens,V3.0\nHistorian,10.20.0.5,,OSIsoft,\nHMI-7,10.20.1.77,,Siemens,\n';
  await dropFiles(page, [{ name: 'again.csv', bytes: Buffer.from(again) }]);
  const dialog = page.getByRole('dialog', { name: 'Import again.csv' });
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    '3 records · 3 asset records → 3 assets (1 new, 2 already in the inventory; 2 records merged) · 0 malformed · 0 warnings',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  await expect(
    page.getByText('3 asset records → 3 assets (1 new, 2 already in the inventory; 2 records merged)'),
  ).toBeVisible();
});

test('search ignores accents and case, and a failed submit puts focus on the invalid field', async ({
  page,
}) => {
  await openInventory(page);
  await page.getByRole('button', { name: 'Add asset' }).click();
  const form = page.getByRole('dialog', { name: 'Add asset' });
  await form.getByLabel('Name', { exact: true }).fill('Müller Steuerung');
  await form.getByLabel('IP addresses').fill('10.0.0.300');
  await form.getByRole('button', { name: 'Add asset' }).click();
  await expect(form.getByLabel('IP addresses')).toBeFocused();
  await expect(form.getByLabel('IP addresses')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('IP addresses').fill('10.0.0.30');
  await form.getByRole('button', { name: 'Add asset' }).click();
  await expect(form).toBeHidden();

  for (const query of ['muller', 'MULLER', 'müller steuerung', 'steuerung muller']) {
    await page.getByLabel('Search assets').fill(query);
    await expect(page.getByTestId('asset-table')).toContainText('Müller Steuerung');
  }
  await page.getByLabel('Search assets').fill('mueller');
  await expect(page.getByTestId('asset-table')).not.toContainText('Müller Steuerung');

  // The home page's search too.
  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByLabel('Search assessments').fill('muller koln');
  await expect(page.getByTestId('assessment-card')).toHaveCount(1);
});

test('Record connection: a typed asset name or IP resolves; unknown and ambiguous say so on the field', async ({
  page,
}) => {
  await openInventory(page);
  await dropFiles(page, [file(INVENTORY, 'base-assets.csv')]);
  await page
    .getByRole('dialog', { name: 'Import base-assets.csv' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Connections/ })
    .click();
  await page.getByRole('button', { name: 'Record connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record connection' });
  await dialog.getByLabel('From kind').selectOption('asset');
  await dialog.getByLabel('From asset').fill('PLC-9');
  await dialog.getByLabel('To description').fill('vendor cloud');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('From: No asset is named “PLC-9” or has that address');
  await expect(dialog.getByLabel('From asset')).toBeFocused();
  await expect(dialog).not.toContainText('Too small');
  await expect(dialog).not.toContainText('assetId');

  // The exact name, typed in another case, is the asset; so is its IP.
  await dialog.getByLabel('From asset').fill('plc-line1');
  await dialog.getByLabel('To kind').selectOption('asset');
  await dialog.getByLabel('To asset').fill('10.20.0.5');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('connection-row');
  await expect(row).toContainText('PLC-Line1');
  await expect(row).toContainText('Historian');
});

test('capture endpoints come into the inventory only when asked, as “seen in traffic”, kept apart', async ({
  page,
}) => {
  await openInventory(page);
  await dropFiles(page, [file(INVENTORY, 'base-assets.csv')]);
  await page
    .getByRole('dialog', { name: 'Import base-assets.csv' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  const nav = page.getByRole('navigation', { name: 'Workspaces' });
  const capture = path.join(CAPTURES, 'mixed_modbus_s7_enip_mb2.pcap');

  await nav.getByRole('link', { name: /Connections/ }).click();
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await page.getByLabel('Don’t add them (their flows keep the addresses)').check();
  await page.getByTestId('capture-input').setInputFiles(capture);
  await expect(page.getByText(/^Imported mixed_modbus_s7_enip_mb2\.pcap: [\d,]+ packets?,/)).toBeVisible({
    timeout: 30_000,
  });
  await waitForSaved(page);
  await nav.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('2 assets');
  await expect(page.getByRole('group', { name: 'Origin' })).toHaveCount(0);

  // The choice is kept; now the other way.
  await nav.getByRole('link', { name: /Connections/ }).click();
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await expect(page.getByLabel('Don’t add them (their flows keep the addresses)')).toBeChecked();
  await page.getByLabel('Add observed endpoints to the inventory as “seen in traffic”').check();
  await page.getByTestId('capture-input').setInputFiles(capture);
  await expect(page.getByTestId('capture-batch')).toHaveCount(2, { timeout: 30_000 });
  await waitForSaved(page);
  await nav.getByRole('link', { name: 'Inventory' }).click();
  const count = page.getByTestId('inventory-count');
  await expect(count).toHaveText(/^2 assets · \d+ seen in traffic$/);
  const seen = Number((await count.textContent())!.match(/(\d+) seen/)![1]);
  expect(seen).toBeGreaterThan(2);

  const origins = page.getByRole('group', { name: 'Origin' });
  await expect(origins.getByRole('button', { name: 'Sensor 2' })).toBeVisible();
  await origins.getByRole('button', { name: `Seen in traffic ${seen}` }).click();
  await expect(count).toHaveText(`${seen} of ${seen + 2} assets`);
  await expect(page.getByTestId('asset-table')).not.toContainText('PLC-Line1');
  await expect(page.getByTestId('asset-table').locator('tbody tr').first()).toContainText('Seen in traffic');
});

test('vendors and types are stored by one name, the export’s spelling kept; the assessor’s aliases apply', async ({
  page,
}) => {
  await openInventory(page);
  const csv =
    'name,ip,vendor,type\nPLC-A,10.0.0.1,Siemens AG,PLCs\nPLC-B,10.0.0.2,SIEMENS,controller\nRTU-C,10.0.0.3,Acme Kontrols GmbH,Fernwirkstation\n';
  await dropFiles(page, [{ name: 'plant.csv', bytes: Buffer.from(csv) }]);
  await page
    .getByRole('dialog', { name: 'Import plant.csv' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByTestId('inventory-count')).toHaveText('3 assets');
  const row = (name: string) => page.getByTestId('asset-table').locator('tbody tr', { hasText: name });
  await expect(row('PLC-A').getByRole('cell', { name: 'Siemens', exact: true })).toHaveAttribute(
    'title',
    'As exported: Siemens AG',
  );
  await expect(row('PLC-B').getByRole('cell', { name: 'PLC', exact: true })).toHaveAttribute(
    'title',
    'As exported: controller',
  );
  await page.getByLabel('Vendor filter').selectOption('Siemens');
  await expect(page.getByTestId('inventory-count')).toHaveText('2 of 3 assets');
  await page.getByLabel('Vendor filter').selectOption('');

  await page.getByRole('button', { name: 'Names…' }).click();
  const names = page.getByRole('dialog', { name: 'Vendor and type names' });
  const add = names.getByRole('form', { name: 'Add an alias' });
  await add.getByRole('button', { name: 'Add alias' }).click();
  await expect(add.getByLabel('Spelling in the exports')).toBeFocused();
  await add.getByLabel('Spelling in the exports').fill('Acme Kontrols');
  await add.getByLabel('Stands for').fill('Acme Controls');
  await add.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByText('Aliases applied: 1 asset renamed')).toBeVisible();
  await add.getByLabel('Kind').selectOption('type');
  await add.getByLabel('Spelling in the exports').fill('Fernwirkstation');
  await add.getByLabel('Stands for').fill('RTU');
  await add.getByRole('button', { name: 'Add alias' }).click();
  await expect(names.getByRole('table', { name: 'Your aliases' }).locator('tbody tr')).toHaveCount(2);
  await names.getByRole('button', { name: 'Done' }).click();
  await expect(row('RTU-C')).toContainText('Acme Controls');
  await expect(row('RTU-C').getByRole('cell', { name: 'RTU', exact: true })).toHaveAttribute(
    'title',
    'As exported: Fernwirkstation',
  );
  await waitForSaved(page);
  await page.reload();
  await expect(row('RTU-C')).toContainText('Acme Controls');

  // A later import uses the aliases at once.
  await dropFiles(page, [
    { name: 'more.csv', bytes: Buffer.from('name,ip,vendor\nRTU-D,10.0.0.4,ACME KONTROLS\n') },
  ]);
  await page.getByRole('dialog', { name: 'Import more.csv' }).getByRole('button', { name: 'Import' }).click();
  await expect(row('RTU-D')).toContainText('Acme Controls');
});
