import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { verifyBundle } from '../../shared/bundle';
import { richAssessment } from '../fixtures/rich-assessment';
import { test, expect } from './fixtures';
import { createSigningKey } from './signing';
import { importAndOpen } from './import-file';

test('the Export workspace runs its commands from the keyboard: Ctrl+E builds the signed bundle, Ctrl+Shift+E saves the file', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await importAndOpen(page, await richAssessment(), 'Fromagerie Müller — Œuvre 2026');
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();

  // Without a key, the shortcut does nothing (the button it stands for is not there yet).
  await page.getByRole('heading', { name: 'Export', level: 1 }).click();
  await page.keyboard.press('Control+E');
  await expect(page.getByRole('progressbar', { name: 'Building the signed bundle' })).toHaveCount(0);

  await createSigningKey(page, { name: 'Ana Ödegaard', email: 'ana@example.com' });
  const fingerprint = (await page.getByTestId('signing-fingerprint').textContent())!;

  // The button shows the shortcut the keyboard runs.
  const build = page.getByRole('button', { name: 'Build signed bundle…' });
  await expect(build).toHaveAttribute('title', 'Ctrl+E');

  // Typing in a field keeps the key for the field; outside one, Ctrl+E builds and saves the bundle.
  await page.getByLabel('Public key (OpenSSH)').focus();
  await page.keyboard.press('Control+E');
  await expect(page.getByRole('progressbar', { name: 'Building the signed bundle' })).toHaveCount(0);
  await page.getByRole('heading', { name: 'Export', level: 1 }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.keyboard.press('Control+E');
  const bundle = await download;
  expect(bundle.suggestedFilename()).toMatch(/-ot-assessment-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = new Uint8Array(readFileSync(await bundle.path()));
  const verified = await verifyBundle(bytes);
  expect(verified.problems).toEqual([]);
  expect(verified.signer.fingerprint).toBe(fingerprint);
  expect(Object.keys(unzipSync(bytes)).some((name) => name.endsWith('/report/report.pdf'))).toBe(true);

  const fileDownload = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  expect((await fileDownload).suggestedFilename()).toMatch(/\.conduit\.json$/);
});
