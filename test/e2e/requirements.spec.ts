import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { serializeAssessmentFile, type AssessmentData } from '../../shared/model';
import { cabinetPhotoPng } from '../fixtures/requirements/photo';
import { zonedAssessment } from '../fixtures/requirements/zoned-assessment';
import { test, expect, waitForSaved } from './fixtures';

async function openRequirements(page: Page, data: AssessmentData) {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'brasserie.conduit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeAssessmentFile(data)),
  });
  await page.getByRole('link', { name: data.assessment.title }).click();
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: 'Requirements' })
    .click();
  await expect(page.getByRole('heading', { name: 'Requirements' })).toBeVisible();
}

/** Sets a zone's SL-T behind the app's back (the diagram editor's job), as raw IndexedDB. */
async function setZoneTarget(page: Page, zoneId: string, base: number) {
  await page.evaluate(
    async ({ zoneId, base }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('conduit');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = database.transaction('zones', 'readwrite');
      const store = tx.objectStore('zones');
      const get = store.get(zoneId);
      get.onsuccess = () => store.put({ ...get.result, slt: { base, overrides: {} } });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      database.close();
    },
    { zoneId, base },
  );
}

const focusedItem = (page: Page) => page.locator('[role="option"]:focus');
const checklistItems = (page: Page) => page.getByRole('listbox').getByRole('option');

test('answer a zone at SL-T 2 entirely from the keyboard, and SL-A reaches 2', async ({ page }) => {
  const data = zonedAssessment(['Brewhouse cell', 'Packaging cell'], [2, 3]);
  await openRequirements(page, data);
  await page.getByLabel('Zone', { exact: true }).selectOption({ label: 'Brewhouse cell' });
  await page.getByLabel('Answering as').selectOption('Ben Okafor');
  await expect(page.getByTestId('slt-vector')).toHaveText('SL-T {2,2,2,2,2,2,2}');
  await expect(page.getByTestId('sla-vector')).toHaveText('SL-A {0,0,0,0,0,0,0}');
  await expect(page.getByTestId('zone-progress')).toHaveText('0 of 60 required items answered');
  await expect(page.getByTestId('sla-provisional')).toHaveText(
    'SL-A is provisional: 60 required items are not assessed yet.',
  );
  await expect(page.getByText('Not assessed', { exact: false }).first()).toBeVisible();

  // Tab into the list: the focused item is the first one, and its focus ring shows.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedItem(page).count()) > 0) break;
  }
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.1');
  expect(await focusedItem(page).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  const items = checklistItems(page);
  await expect(items).toHaveCount(60);
  await expect(page.getByText('Every person who uses an HMI')).toBeVisible();

  // 5 = not applicable: the reason is required before it is saved.
  await page.keyboard.press('5');
  const reason = page.getByLabel('Why it does not apply (required)');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Give the reason.')).toBeVisible();
  await page.keyboard.type('The cell runs unattended; nobody logs in locally.');
  await page.keyboard.press('Enter');
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.1');
  await expect(focusedItem(page)).toContainText('Not applicable');
  await expect(page.getByTestId('answered-by')).toContainText('Answered by Ben Okafor');

  // 6 = compensating control, with its description.
  await page.keyboard.press('ArrowDown');
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.1 RE 1');
  await page.keyboard.press('6');
  await expect(page.getByLabel('Compensating control (required)')).toBeFocused();
  await page.keyboard.type('Named accounts on the jump host; the HMI is view-only.');
  await page.keyboard.press('Enter');
  await expect(focusedItem(page)).toContainText('Compensating control');

  // N opens the notes, Esc returns; 4 = not met keeps FR1 at 0, then 2 = met.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Notes')).toBeFocused();
  await page.keyboard.type('Checked at HMI-3 with the shift lead.');
  await page.keyboard.press('Escape');
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.2');
  await page.keyboard.press('4');
  await expect(focusedItem(page)).toContainText('Not met');
  await expect(page.getByTestId('levels-FR1')).toContainText('SL-A 0');
  await page.keyboard.press('2');
  await expect(focusedItem(page)).toContainText('has notes');

  // Every other item: 2 (met), then down.
  const total = await items.count();
  for (let index = 3; index < total; index++) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
  }
  await expect(focusedItem(page)).toContainText('Met');
  await expect(page.getByTestId('zone-progress')).toHaveText('60 of 60 required items answered');
  await expect(page.getByTestId('sla-provisional')).toHaveCount(0);
  await expect(page.getByTestId('sla-vector')).toHaveText('SL-A {2,2,2,2,2,2,2}');
  await expect(page.getByTestId('gap-vector')).toHaveText('Gap {0,0,0,0,0,0,0}');
  await expect(page.getByRole('img', { name: 'SL-T {2,2,2,2,2,2,2}, SL-A {2,2,2,2,2,2,2}' })).toBeVisible();
  await waitForSaved(page);

  // Persisted, with who answered; the chosen assessor is remembered.
  await page.reload();
  await expect(page.getByTestId('sla-vector')).toHaveText('SL-A {2,2,2,2,2,2,2}');
  await expect(page.getByLabel('Answering as')).toHaveValue('Ben Okafor');
  await expect(checklistItems(page).filter({ hasText: 'Not applicable' })).toHaveCount(1);
  await page.locator('[data-item-id="SR 1.2"]').click();
  await expect(page.getByLabel('Notes')).toHaveValue('Checked at HMI-3 with the shift lead.');
  await page.locator('[data-item-id="SR 1.1"]').click();
  await expect(page.getByLabel('Why it does not apply (required)')).toHaveValue(
    'The cell runs unattended; nobody logs in locally.',
  );

  // Lowering the SL-T keeps every answer: those above it are shown as out of scope.
  const zoneId = data.zones[0]!.id;
  await setZoneTarget(page, zoneId, 1);
  await page.reload();
  await expect(page.getByTestId('slt-vector')).toHaveText('SL-T {1,1,1,1,1,1,1}');
  await expect(page.getByTestId('zone-progress')).toHaveText(
    '37 of 37 required items answered · 23 answers out of scope, kept',
  );
  await expect(page.locator('.req-row-out-of-scope')).toHaveCount(23);
  // SL-A is what was achieved, so it stands above this lower target.
  await expect(page.getByTestId('sla-vector')).toHaveText('SL-A {2,2,2,2,2,2,2}');
  await expect(page.getByTestId('gap-vector')).toHaveText('Gap {0,0,0,0,0,0,0}');
  await setZoneTarget(page, zoneId, 2);
  await page.reload();
  await expect(page.getByTestId('zone-progress')).toHaveText('60 of 60 required items answered');

  // Items above the target are hidden until asked for, then greyed.
  await page.getByLabel('Show items above SL-T').check();
  await expect(checklistItems(page)).toHaveCount(100);
  await expect(page.locator('.req-row-above-target')).toHaveCount(40);
});

test('after a mouse click on a status, the keys still work and nothing typed is lost', async ({ page }) => {
  const data = zonedAssessment(['Brewhouse cell'], [2]);
  await openRequirements(page, data);
  await page.getByRole('option', { name: /^SR 1\.2 [A-Z][a-z]/ }).click();
  const detail = page.getByTestId('item-detail');
  await detail.getByRole('button', { name: /^2 Met$/ }).click();
  await expect(detail.getByRole('button', { name: /^2 Met$/ })).toBeFocused();
  await expect(page.getByRole('option', { name: /^SR 1\.2 [A-Z][a-z]/ })).toContainText('Met');

  // N, with the focus still on the clicked button, opens the notes; Esc goes back to the list.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Notes')).toBeFocused();
  await page.keyboard.type('Badge reader at the door. ');
  await page.keyboard.press('Escape');
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.2');

  // A status key after a click acts on the item; Esc from a button returns to the list.
  await detail.getByRole('button', { name: /^3 Partially met$/ }).click();
  await page.keyboard.press('4');
  await expect(page.getByRole('option', { name: /^SR 1\.2 [A-Z][a-z]/ })).toContainText('Not met');
  await page.keyboard.press('Escape');
  await expect(focusedItem(page)).toHaveAttribute('data-item-id', 'SR 1.2');

  // Typing after a click on a button lands in the notes, not nowhere.
  await detail.getByRole('button', { name: /^4 Not met$/ }).click();
  await page.keyboard.type('Seen on the night shift.');
  await expect(page.getByLabel('Notes')).toBeFocused();
  await expect(page.getByLabel('Notes')).toHaveValue('Badge reader at the door. Seen on the night shift.');
  await page.keyboard.press('Escape');
  await waitForSaved(page);

  await page.reload();
  await page.getByRole('option', { name: /^SR 1\.2 [A-Z][a-z]/ }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Badge reader at the door. Seen on the night shift.');
  await expect(page.getByRole('option', { name: /^SR 1\.2 [A-Z][a-z]/ })).toContainText('Not met');
});

test('attach a photo, reload, and find the photo', async ({ page }) => {
  const data = zonedAssessment(['Brewhouse cell'], [2]);
  const photo = cabinetPhotoPng();
  await openRequirements(page, data);
  await expect(page.getByTestId('item-detail')).toContainText('SR 1.1');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files…' }).click();
  await (await chooser).setFiles({ name: 'cabinet-b.png', mimeType: 'image/png', buffer: photo });
  const thumbnail = page.getByRole('img', { name: 'cabinet-b.png' });
  await expect(thumbnail).toBeVisible();

  // A file dropped on the item is attached too.
  await page.getByTestId('item-detail').evaluate((target) => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['allow 10.20.0.5 -> 10.30.3.10 tcp/502\n'], 'fw-rules.txt', { type: 'text/plain' }),
    );
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('evidence-tile')).toHaveCount(2);
  await page.getByLabel('Caption of cabinet-b.png').fill('Unlabelled 4G router in cabinet B');
  await page.getByLabel('Caption of cabinet-b.png').press('Enter');
  await expect(page.getByRole('option', { name: /SR 1\.1 Human/ })).toContainText('2 files');
  await waitForSaved(page);

  await page.reload();
  await expect(page.getByTestId('item-detail')).toContainText('SR 1.1');
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([
    320, 240,
  ]);
  const storedHash = await thumbnail.evaluate(async (img: HTMLImageElement) => {
    const bytes = await (await fetch(img.src)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
  expect(storedHash).toBe(createHash('sha256').update(photo).digest('hex'));
  await expect(page.getByTestId('evidence-tile').filter({ hasText: 'fw-rules.txt' })).toBeVisible();
  await expect(page.getByLabel('Caption of cabinet-b.png')).toHaveValue('Unlabelled 4G router in cabinet B');

  // Removing a file unlinks it, and it stays gone.
  await page.getByRole('button', { name: 'Remove fw-rules.txt' }).click();
  await expect(page.getByTestId('evidence-tile')).toHaveCount(1);
  await waitForSaved(page);
  await page.reload();
  await expect(thumbnail).toBeVisible();
  await expect(page.getByTestId('evidence-tile')).toHaveCount(1);
});

test('one answer applied to several zones at once', async ({ page }) => {
  const data = zonedAssessment(['Brewhouse cell', 'Packaging cell', 'Utilities'], [2, 3, 1]);
  await openRequirements(page, data);
  await page.getByRole('option', { name: /^SR 1\.5 [A-Z][a-z]/ }).click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Status').selectOption('compensating');
  await dialog
    .getByLabel('Compensating control (required)')
    .fill('Site-wide password policy enforced by the domain.');
  await dialog.getByRole('button', { name: /All zones whose SL-T requires it \(3\)/ }).click();
  await dialog.getByRole('button', { name: 'Apply to 3 zones' }).click();
  await expect(page.getByText('SR 1.5 answered “Compensating control” in 3 zones')).toBeVisible();

  for (const zone of ['Packaging cell', 'Utilities']) {
    await page.getByLabel('Zone', { exact: true }).selectOption({ label: zone });
    await expect(page.getByTestId('zone-checklist')).toHaveAttribute('data-zone-id', /.+/);
    const row = page.getByRole('option', { name: /^SR 1\.5 [A-Z][a-z]/ });
    await expect(row).toContainText('Compensating control');
  }
  await page.getByLabel('Zone', { exact: true }).selectOption({ label: 'All zones' });
  await expect(page.getByTestId('zone-row')).toHaveCount(3);
  await expect(page.getByTestId('zone-row').filter({ hasText: 'Utilities' })).toContainText('1/37');
  await expect(
    page.getByTestId('zone-row').filter({ hasText: 'Utilities' }).getByTestId('gap-badge'),
  ).toHaveText('Gap {1,1,1,1,1,1,1}');

  // The diagram shows each zone's gap on its node.
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Diagram' }).click();
  const utilitiesNode = page.getByTestId('zone-node').filter({ hasText: 'Utilities' });
  await expect(utilitiesNode.getByTestId('gap-badge')).toHaveText('Gap {1,1,1,1,1,1,1}');
  await expect(
    page.getByTestId('zone-node').filter({ hasText: 'Packaging cell' }).getByTestId('gap-badge'),
  ).toHaveText('Gap {3,3,3,3,3,3,3}');
});
