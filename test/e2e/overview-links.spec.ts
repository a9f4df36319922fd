import { expect, test } from './fixtures';

test('the Overview opens Inventory on the unzoned assets and Vulnerabilities on the undecided matches; both searches find by words', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  // A short notice: the long one covered the dashboard's lower right for seconds.
  const notices = page.getByRole('region', { name: 'Notifications' });
  await expect(notices).toContainText('Opened the demo plant');
  await expect(notices).not.toContainText('fictional dairy');
  const dashboard = page.getByTestId('overview-dashboard');
  await expect(dashboard.getByTestId('unzoned-assets')).toHaveText(/^4 of 139 assets in no zone$/);

  await dashboard.getByTestId('unzoned-assets').click();
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByLabel('Zone filter')).toHaveValue('none');
  await expect(page.getByTestId('inventory-count')).toHaveText(/^4 of 139 assets/);

  await page.goBack();
  const undecidedLink = dashboard.getByTestId('undecided-vulnerabilities');
  const undecided = Number(/^(\d+) of/.exec((await undecidedLink.textContent()) ?? '')![1]);
  expect(undecided).toBeGreaterThan(0);
  await undecidedLink.click();
  await expect(page).toHaveURL(/\/vulnerabilities$/);
  await expect(page.getByLabel('Decision')).toHaveValue('undecided');
  await expect(page.getByTestId('vulnerability-row')).toHaveCount(undecided);
  await expect(page.getByTestId('vulnerability-decision').filter({ hasNotText: 'Not decided' })).toHaveCount(
    0,
  );

  // The search box: an advisory id, and an asset name with other case.
  const search = page.getByRole('searchbox', { name: 'Search advisories, CVEs and assets' });
  const firstRow = page.getByTestId('vulnerability-row').first();
  const advisoryId = /^(IC\S+?)(?: KEV)?$/m.exec(
    (await firstRow.locator('td').nth(1).innerText()).split('\n')[0]!,
  )![1]!;
  await search.fill(advisoryId.toLowerCase());
  const rows = page.getByTestId('vulnerability-row');
  await expect(rows.first()).toContainText(advisoryId);
  for (const text of await rows.locator('td:nth-child(2)').allInnerTexts())
    expect(text).toContain(advisoryId);
  await search.fill('no advisory is called this');
  await expect(rows).toHaveCount(0);
  await search.fill('');
  await expect(rows).toHaveCount(undecided);
  // The group checkbox says what it selects.
  await expect(
    page.getByRole('checkbox', { name: /^Select all \d+ match(es)? in IC/ }).first(),
  ).toBeVisible();

  // Requirements: the item list filtered by id or title.
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Requirements/ })
    .click();
  const list = page.getByRole('listbox', { name: /^Requirements for / });
  await expect(list.getByRole('option').first()).toBeVisible();
  const requirementsSearch = page.getByRole('searchbox', { name: 'Search requirements by id or title' });
  await requirementsSearch.fill('PASSWORD');
  await expect(list.getByRole('option').first()).toContainText('SR 1.7');
  for (const text of await list.getByRole('option').allInnerTexts())
    expect(text.toLowerCase()).toContain('password');
  await requirementsSearch.fill('zzz nothing');
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(page.getByText('No item matches “zzz nothing”.')).toBeVisible();
});
