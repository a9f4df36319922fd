import { test, expect } from './fixtures';

test('the browser host explains where the signing key lives, offers no backup, and asks before replacing it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible();

  // Before a key exists: where it will live, and what clearing site data and losing it mean.
  const safety = page.getByTestId('key-safety');
  await expect(safety).toContainText('The private key lives in this browser profile, on this computer only.');
  await expect(safety.getByRole('note')).toContainText("Clearing this site's data");
  await expect(safety.getByRole('note')).toContainText('deletes the key');
  await expect(safety).toContainText('bundles you have already sent still verify');
  await expect(safety).toContainText('a new fingerprint, which you must give the client again');
  await expect(safety).toContainText('cannot be backed up');
  await expect(safety).toContainText('use the desktop app');
  await expect(page.getByRole('button', { name: 'Restore from backup…' })).toHaveCount(0);

  const form = page.getByRole('form', { name: 'Create signing key' });
  await form.getByLabel('Name').fill('Ana Ödegaard');
  await form.getByLabel('Email').fill('ana@example.com');
  await form.getByRole('button', { name: 'Create signing key' }).click();
  const fingerprint = page.getByTestId('signing-fingerprint');
  await expect(fingerprint).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
  const first = (await fingerprint.textContent())!;

  // With a key: still explained, and no backup button in the browser (the key is non-extractable).
  await expect(page.getByTestId('key-safety')).toContainText('cannot be backed up');
  await expect(page.getByRole('button', { name: 'Back up the signing key…' })).toHaveCount(0);

  // Replace asks first, naming the current fingerprint; Cancel keeps the key.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the signing key?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('replaced-fingerprint')).toHaveText(first);
  await expect(confirm).toContainText('The browser cannot back it up, so it is gone for good.');
  await expect(confirm).toContainText('Bundles already signed with it still verify.');
  await expect(confirm.getByRole('button', { name: 'Back up first…' })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(fingerprint).toHaveText(first);
  await expect(page.getByRole('form', { name: 'Create signing key' })).toHaveCount(0);

  // Escape also keeps it.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(fingerprint).toHaveText(first);

  // Confirmed: a new key, with a new fingerprint, survives a reload.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  await confirm.getByRole('button', { name: 'Replace the key' }).click();
  const again = page.getByRole('form', { name: 'Create signing key' });
  await again.getByLabel('Name').fill('Ana Ödegaard');
  await again.getByLabel('Email').fill('ana@example.com');
  await again.getByRole('button', { name: 'Create signing key' }).click();
  await expect(fingerprint).toHaveText(/^SHA256:/);
  const second = (await fingerprint.textContent())!;
  expect(second).not.toBe(first);
  await page.reload();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(second);
});
