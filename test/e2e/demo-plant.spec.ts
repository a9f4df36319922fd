import { expect, test } from './fixtures';
import { createSigningKey } from './signing';
import type { Page } from '@playwright/test';

async function openWorkspace(page: Page, label: string) {
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: new RegExp(label) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}$`));
}

test('the demo plant opens from the empty home screen with every workspace filled', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No assessments yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('assessment-title')).toHaveText('Demo plant: Hillcrest dairy (sample data)');
  const created = await page.evaluate(
    () => performance.getEntriesByName('conduit:demo-plant-created')[0]?.duration ?? null,
  );
  expect(created).not.toBeNull();
  console.log(`demo plant created in the browser in ${created!.toFixed(0)} ms`);

  await openWorkspace(page, 'Inventory');
  await expect(page.getByTestId('inventory-count')).toHaveText('138 assets · 1 seen in traffic');
  await page.getByRole('button', { name: 'Import history' }).click();
  const history = page.getByRole('dialog', { name: 'Import history' });
  await expect(
    history.getByTestId('import-batch').filter({ hasText: 'nozomi-guardian-assets.json' }),
  ).toBeVisible();
  await expect(
    history.getByTestId('import-batch').filter({ hasText: 'claroty-ctd-assets.json' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
  await page.getByPlaceholder('Name, address, vendor, model, serial').fill('fill2-clx');
  await expect(page.getByTestId('inventory-count')).toHaveText('1 of 139 assets');
  await expect(page.getByTestId('asset-table')).toContainText('Rockwell Automation');

  await openWorkspace(page, 'Diagram');
  await expect(page.getByTestId('zone-node')).toHaveCount(8);
  await expect(page.getByTestId('zone-node').filter({ hasText: 'Safety instrumented system' })).toBeVisible();
  await expect(page.getByTestId('zone-node').filter({ hasText: 'Control room' })).toContainText('18 assets');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7 + 1); // conduits + the undocumented link

  await openWorkspace(page, 'Requirements');
  await expect(page.getByTestId('zone-progress')).toHaveText(/^12 of \d+ required items answered/);
  await expect(page.getByTestId('slt-vector')).toContainText('{3,2,3,2,2,2,2}');
  await expect(page.getByTestId('item-detail')).toContainText('Operators log on with OT domain accounts');

  await openWorkspace(page, 'Connections');
  await expect(page.getByTestId('connection-row')).toHaveCount(2);
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await expect(page.getByTestId('capture-batch')).toContainText('control-room-span.pcap');
  await expect(page.getByTestId('flow-row').first()).toBeVisible();
  await expect(page.getByTestId('candidate').first()).toBeVisible();

  await openWorkspace(page, 'Findings');
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await expect(page.getByTestId('findings-summary')).toContainText(/^\d+ open/);

  await openWorkspace(page, 'Risk');
  // Every suggestion accepted, two scenarios by hand, and a consequence rated for every zone.
  await expect(page.getByTestId('risk-summary')).toHaveText(
    /^7 scenarios, \d+ above the tolerable line after countermeasures · 0 suggested$/,
  );
  await expect(page.getByTestId('risk-scenario')).toHaveCount(7);
  await expect(
    page.getByTestId('risk-scenario').filter({ hasText: 'Cellular/4G modem into Utilities' }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  // Enterprise IT is out of the system under consideration: 7 zones rated, 1 listed as excluded.
  await expect(page.getByTestId('risk-zone')).toHaveCount(7);
  await expect(page.getByTestId('risk-zone-excluded')).toContainText('Enterprise');
  await expect(
    page
      .getByTestId('risk-zone')
      .filter({ hasText: 'Safety instrumented system' })
      .getByTestId('risk-rationale'),
  ).not.toBeEmpty();
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  await expect(page.getByTestId('risk-countermeasure')).toHaveCount(3);
  await expect(
    page.getByTestId('risk-countermeasure').filter({ hasText: 'Application allow-listing' }),
  ).toContainText('SR 3.2');
  await page.getByRole('tab', { name: 'System under consideration' }).click();
  await expect(page.getByText('OT-NET-004 rev. C')).toBeVisible();

  await openWorkspace(page, 'Vulnerabilities');
  const summary = page.getByTestId('vulnerabilities-summary');
  await expect(summary).toHaveText(/^\d+ matches · \d+ KEV · \d+ undecided$/);
  const [matches, , undecided] = ((await summary.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(matches! - undecided!).toBe(4); // patch now on three PLCs, one accepted
  await expect(
    page.getByTestId('vulnerability-decision').filter({ hasText: /^Accepted: The engineering station/ }),
  ).toHaveCount(1);
  await expect(page.getByTestId('vulnerability-decision').filter({ hasText: /^Patch now$/ })).toHaveCount(3);

  await openWorkspace(page, 'Export');
  // The whole demo exports: a signing key, then the signed bundle with its PDF report.
  await createSigningKey(page, { name: 'Demo Assessor', email: 'demo@example.com' });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Build signed bundle…' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^hillcrest-dairy-cooperative-hillcrest-processing-plant-ot-assessment-\d{4}-\d{2}-\d{2}\.zip$/,
  );
});
