import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { serializeAssessmentFile } from '../../shared/model';
import { RED_PIXEL_PNG } from '../fixtures/rich-assessment';
import { MIXED_CAPTURE, plantAssessment } from '../fixtures/traffic/plant-assessment';
import { expect, test, waitForSaved } from './fixtures';

/** Seeds zones and a Modbus-only conduit through the home page's import, then opens Connections. */
async function openPlant(page: Page) {
  await page.goto('/');
  const data = await plantAssessment(false);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'plant.conduit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeAssessmentFile(data)),
  });
  const card = page.getByTestId('assessment-card').filter({ hasText: 'Acme Plastics' });
  await card.getByRole('link').first().click();
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Connections/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
}

test('an undocumented connection recorded by hand, with a photo, survives a reload', async ({ page }) => {
  await openPlant(page);
  await page.getByRole('button', { name: 'Record connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record connection' });
  await dialog.getByLabel('From kind').selectOption('zone');
  await dialog.getByLabel('From zone').selectOption({ label: 'SCADA' });
  await dialog.getByLabel('To description').fill('vendor cloud');
  await dialog.getByLabel('Type').selectOption({ label: 'Cellular/4G modem' });
  await dialog
    .getByLabel('Description', { exact: true })
    .fill('4G router in the SCADA cabinet, vendor support access');
  await dialog.getByLabel('Likelihood (1–5)').selectOption('4');
  await dialog.getByLabel('Impact (1–5)').selectOption('5');
  await expect(dialog.getByTestId('severity')).toHaveText('critical');
  await dialog.getByLabel('Status').selectOption('accepted');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('An accepted connection needs a justification');
  await dialog.getByLabel('Justification (required to accept)').fill('Contract with the vendor until June');
  await dialog.getByLabel('Recommendation').fill('Replace with the remote-access gateway in the DMZ');
  await dialog
    .getByLabel('Add photos')
    .setInputFiles({ name: 'modem.png', mimeType: 'image/png', buffer: Buffer.from(RED_PIXEL_PNG) });
  await expect(dialog.getByRole('img', { name: 'modem.png' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog).toBeHidden();
  await waitForSaved(page);

  await page.reload();
  const row = page.getByTestId('connection-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('zone SCADA');
  await expect(row).toContainText('vendor cloud');
  await expect(row).toContainText('Cellular/4G modem');
  await expect(row).toContainText('critical');
  await expect(row).toContainText('accepted');
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit connection' });
  await expect(edit.getByLabel('Justification (required to accept)')).toHaveValue(
    'Contract with the vendor until June',
  );
  const photo = edit.getByRole('img', { name: 'modem.png' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
});

test('a real capture imports with progress, shows flows and the matrix, and its triage persists', async ({
  page,
}) => {
  await openPlant(page);
  await page.getByRole('tab', { name: /Traffic/ }).click();

  // Watch for the progress line while the Worker reads the file.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="capture-progress"]')?.textContent;
      if (text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import capture…' }).click();
  await (await chooser).setFiles(MIXED_CAPTURE);
  await expect(page.getByTestId('capture-batch')).toContainText('13472 packets');
  const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(
    progress.some((t) => /Reading mixed_modbus_s7_enip_mb2\.pcap: .* of 1\.9 MiB, \d+ packets/.test(t)),
  ).toBe(true);

  // The matrix: SCADA -> Field network carries undocumented flows (red); flows table filters.
  const matrix = page.getByTestId('zone-matrix');
  const cell = matrix.getByRole('button', { name: /^SCADA to Field network: \d+ flows, \d+ undocumented/ });
  await expect(cell).toBeVisible();
  await expect(cell.locator('xpath=..')).toHaveClass(/matrix-undocumented/);
  const flows = page.getByRole('region', { name: 'Flows' });
  await expect(flows.getByRole('heading')).toContainText(/Flows \(\d+ of \d+\)/);
  await flows.getByLabel('Protocol').selectOption('S7comm');
  await expect(flows.getByRole('heading')).toContainText(/Flows \(14 of \d+\)/);
  const rows = flows.getByTestId('flow-row');
  await expect(rows.first()).toContainText('S7comm');
  for (const text of await rows.allTextContents()) expect(text).toContain('S7comm');
  await flows.getByLabel('Recognition').selectOption('port');
  await expect(flows.getByRole('heading')).toContainText('Flows (0 of');
  await flows.getByLabel('Recognition').selectOption('');
  await cell.click();
  await expect(flows.getByLabel('Zone pair')).not.toHaveValue('');
  await expect(flows.getByRole('heading')).toContainText('Flows (13 of');

  // Triage one candidate each way.
  const candidate = (text: string) => page.getByTestId('candidate').filter({ hasText: text });
  await candidate('S7comm from SCADA to Field network').getByRole('button', { name: 'Confirm' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm as undocumented connection' });
  await expect(confirm.getByLabel('Description', { exact: true })).toHaveValue(
    /S7comm from SCADA to Field network/,
  );
  await expect(confirm.getByLabel('How found')).toHaveValue('traffic');
  await confirm.getByRole('button', { name: 'Save connection' }).click();
  await expect(candidate('S7comm from SCADA to Field network').getByTestId('triage')).toHaveText(
    'Confirmed as an undocumented connection',
  );

  await candidate('EtherNet/IP from SCADA to Field network')
    .getByRole('button', { name: 'Document as conduit' })
    .click();
  const documentDialog = page.getByRole('dialog', { name: 'Document as conduit' });
  await expect(documentDialog).toContainText(
    'Extend the conduit between SCADA and Field network with EtherNet/IP 44818',
  );
  await documentDialog.getByRole('button', { name: 'Extend conduit' }).click();
  await expect(candidate('EtherNet/IP from SCADA to Field network')).toHaveCount(0);
  await expect(page.getByTestId('resolved-triage')).toContainText('Documented by a conduit (SCADA polling)');

  await candidate('HTTP from Field network to SCADA').getByRole('button', { name: 'Dismiss' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Dismiss candidate' });
  await dismiss.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dismiss.getByRole('alert')).toHaveText('Give the reason for dismissing it.');
  await dismiss.getByLabel('Reason').fill('Web page of the PLC, read by the SCADA during commissioning');
  await dismiss.getByRole('button', { name: 'Dismiss' }).click();
  await waitForSaved(page);

  await page.reload();
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await expect(candidate('S7comm from SCADA to Field network').getByTestId('triage')).toHaveText(
    'Confirmed as an undocumented connection',
  );
  await expect(candidate('HTTP from Field network to SCADA').getByTestId('triage')).toHaveText(
    'Dismissed: Web page of the PLC, read by the SCADA during commissioning',
  );
  await expect(page.getByTestId('resolved-triage')).toContainText('Documented by a conduit (SCADA polling)');
  await expect(page.getByTestId('capture-batch')).toContainText('13472 packets');
  await page.getByRole('tab', { name: /Register/ }).click();
  await expect(page.getByTestId('connection-row')).toContainText('zone SCADA');
  await expect(page.getByTestId('connection-row')).toContainText('zone Field network');

  // On the diagram, the confirmed connection is a dashed red edge between the two zones, with a toggle.
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Diagram/ })
    .click();
  const edge = page.getByTestId('undocumented-edge');
  await expect(edge).toHaveText('Undocumented: Direct IT-OT link bypassing the DMZ');
  await expect(page.locator('.react-flow__edge-undocumented path').first()).toHaveCSS(
    'stroke-dasharray',
    /8(px)?,? 5(px)?/,
  );
  const toggle = page.getByLabel(/Undocumented connections/);
  await toggle.uncheck();
  await expect(edge).toHaveCount(0);
  await toggle.check();
  await expect(edge).toHaveCount(1);
});

test('a gzipped capture dropped on the page imports; a damaged one says why and stores nothing', async ({
  page,
}) => {
  await openPlant(page);
  await page.getByRole('tab', { name: /Traffic/ }).click();
  const drop = async (name: string, bytes: Buffer) => {
    const transfer = await page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(data)], name));
        return dt;
      },
      { name, data: [...bytes] },
    );
    const area = page.getByRole('region', { name: 'Packet captures' });
    await area.dispatchEvent('dragover', { dataTransfer: transfer });
    await area.dispatchEvent('drop', { dataTransfer: transfer });
  };
  const dnp3 = readFileSync('test/fixtures/traffic/dnp3_test_data_part1.pcap');
  const gzipped = gzipSync(dnp3);
  await drop('dnp3.pcap.gz', gzipped);
  await expect(page.getByTestId('capture-batch')).toContainText('dnp3.pcap.gz — 181 packets, 8 flows');
  // The import record's SHA-256 (WebAssembly in the worker, under the workers' CSP) is the file's.
  const stored = await page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('conduit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const batches = await new Promise<{ fileName: string; fileSha256: string }[]>((resolve, reject) => {
      const request = database.transaction('importBatches').objectStore('importBatches').getAll();
      request.onsuccess = () => resolve(request.result as { fileName: string; fileSha256: string }[]);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return batches.find((batch) => batch.fileName === 'dnp3.pcap.gz')?.fileSha256;
  });
  expect(stored).toBe(createHash('sha256').update(gzipped).digest('hex'));

  await drop('broken.pcap', Buffer.from('this is not a capture at all, just text'));
  await expect(page.getByRole('alert')).toContainText('broken.pcap was not imported');
  await expect(page.getByTestId('capture-batch')).toHaveCount(1);

  // Undo removes the batch with its flows.
  await page.getByTestId('capture-batch').getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByTestId('capture-batch')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Flows' })).toHaveCount(0);

  // Cut short mid-record (the first 5000 bytes): the packets before the cut land, and the cut is said.
  await drop('cut.pcap', dnp3.subarray(0, 5000));
  const cut = page.getByTestId('capture-batch');
  await expect(cut).toContainText(/cut\.pcap — \d+ packets/);
  await expect(cut.getByRole('note')).toContainText(/the capture is cut short at byte \d+: pcap record \d+/);
  await expect(page.getByText(/Imported cut\.pcap: [\d,]+ packets?,/)).toBeVisible();
});
