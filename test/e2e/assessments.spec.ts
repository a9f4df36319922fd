import { test, expect, createAssessment, waitForSaved } from './fixtures';

test('create an assessment, edit it, reload, and find every edit', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No assessments yet' })).toBeVisible();
  await createAssessment(page, {
    client: 'Fromagerie Müller',
    site: 'Zürich-Nord',
    assessors: 'Ana Ödegaard, Jo Kim',
    start: '2026-03-02',
    end: '2026-03-04',
    scope: 'Bottling lines',
  });
  await expect(page.getByTestId('assessment-title')).toHaveText('Fromagerie Müller – Zürich-Nord');

  await page.getByLabel('Site', { exact: true }).fill('Zürich-Süd');
  await page.getByLabel('Scope', { exact: true }).fill('Bottling lines 1–3 and the SIS');
  await page.getByLabel('Assessors', { exact: true }).fill('Ana Ödegaard, Jo Kim, Σωκράτης');
  await page.getByLabel('End date', { exact: true }).fill('2026-03-05');
  await waitForSaved(page);

  await page.reload();
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('Zürich-Süd');
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('Bottling lines 1–3 and the SIS');
  await expect(page.getByLabel('Assessors', { exact: true })).toHaveValue('Ana Ödegaard, Jo Kim, Σωκράτης');
  await expect(page.getByLabel('Start date', { exact: true })).toHaveValue('2026-03-02');
  await expect(page.getByLabel('End date', { exact: true })).toHaveValue('2026-03-05');

  // An invalid edit is explained and not saved.
  await page.getByLabel('Client', { exact: true }).fill('');
  await expect(page.getByText('the client is required')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Fromagerie Müller');
});

test('every workspace is reachable, and the unbuilt ones say so', async ({ page }) => {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme', site: 'Plant 1' });
  const nav = page.getByRole('navigation', { name: 'Workspaces' });
  for (const name of ['Inventory', 'Diagram', 'Requirements', 'Connections', 'Findings', 'Export']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  // Keyboard focus is visible.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});

test('list, search, rename, duplicate, archive and delete assessments', async ({ page }) => {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'Lyon', scope: 'Packaging' });
  await page.getByRole('link', { name: 'All assessments' }).click();
  await createAssessment(page, { client: 'Borealis Steel', site: 'Oulu' });
  await page.getByRole('link', { name: 'All assessments' }).click();

  const cards = page.getByTestId('assessment-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('Borealis Steel');

  await page.getByLabel('Search assessments', { exact: true }).fill('packaging');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Acme Foods');
  await page.getByLabel('Search assessments', { exact: true }).fill('');

  const acme = cards.filter({ hasText: 'Acme Foods' });
  await acme.getByRole('button', { name: 'Rename' }).click();
  await page
    .getByRole('dialog', { name: 'Rename assessment' })
    .getByLabel('Title', { exact: true })
    .fill('Acme — Lyon packaging');
  await page.getByRole('button', { name: 'Rename', exact: true }).last().click();
  await expect(cards.first()).toContainText('Acme — Lyon packaging');

  await cards.filter({ hasText: 'Acme — Lyon packaging' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Acme — Lyon packaging (copy)' })).toHaveCount(1);

  await cards.filter({ hasText: 'Borealis' }).getByRole('button', { name: 'Archive' }).click();
  await expect(cards).toHaveCount(2);
  await page.getByLabel(/Show archived/).check();
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Borealis' })).toContainText('Archived');

  await cards.filter({ hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete assessment?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(cards).toHaveCount(3);
  await cards.filter({ hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(cards).toHaveCount(2);
  await page.reload();
  await page.getByLabel(/Show archived/).check();
  await expect(cards).toHaveCount(2);
});
