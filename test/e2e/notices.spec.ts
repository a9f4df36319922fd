import { readFileSync } from 'node:fs';
import { expect, test, createAssessment } from './fixtures';
import { createSigningKey } from './signing';

const CAPTURES = [
  'dnp3_test_data_part1.pcap',
  'enip_EIP-ChangeDateAttempt.pcap',
  'iec61850_mms_goose.pcap',
  'profinet_dcp_ChangeIPUsingDCP.pcap',
];

test('one notification area: a batch shows as one, successes fade, errors stay, all in a bounded corner', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Plastics', site: 'Line 3' });
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Connections/ })
    .click();
  await page.getByRole('tab', { name: /Traffic/ }).click();

  // Four captures and a damaged one, dropped at once.
  const files = [
    ...CAPTURES.map((name) => ({ name, data: [...readFileSync(`test/fixtures/traffic/${name}`)] })),
    { name: 'broken.pcap', data: [...Buffer.from('this is not a capture at all, just text')] },
  ];
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const { name, data } of files) dt.items.add(new File([Uint8Array.from(data)], name));
    return dt;
  }, files);
  const area = page.getByRole('region', { name: 'Packet captures' });
  await area.dispatchEvent('dragover', { dataTransfer: transfer });
  await area.dispatchEvent('drop', { dataTransfer: transfer });

  const notices = page.getByRole('region', { name: 'Notifications' });
  const error = notices.getByRole('alert');
  // Imported one after another: on a busy machine that takes a while.
  await expect(error).toContainText('broken.pcap was not imported', { timeout: 45_000 });
  const batch = notices.getByRole('status').filter({ hasText: 'captures imported' });
  await expect(batch).toHaveCount(1);
  await expect(batch.locator('.notice-title')).toHaveText('4 captures imported');
  for (const name of CAPTURES) await expect(batch).toContainText(`Imported ${name}:`);

  // The stack stays in its corner, well short of the table it would cover.
  const box = (await notices.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(720 / 3 + 1);
  expect(box.x).toBeGreaterThan(1280 / 2);

  // Successes fade; the error stays until dismissed.
  await page.clock.runFor(7_000);
  await expect(batch).toHaveCount(0);
  await expect(error).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices.getByTestId('notice')).toHaveCount(0);
});

test('a signing key fingerprint wraps inside its notice', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Plastics', site: 'Line 3' });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await createSigningKey(page);
  const notice = page.getByRole('region', { name: 'Notifications' }).getByRole('status');
  await expect(notice).toContainText('Signing key created: SHA256:');
  const fits = await notice.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
});
