import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForSaved } from './fixtures';

const DNP3 = path.resolve('test/fixtures/traffic/dnp3_test_data_part1.pcap'); // 10.0.0.3, .8, .9
const ENIP = path.resolve('test/fixtures/traffic/enip_EIP-ChangeDateAttempt.pcap'); // 192.168.10.105, .120
const NAV = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' });

async function importCapture(page: Page, file: string, packets: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import capture…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('capture-batch').filter({ hasText: path.basename(file) })).toContainText(
    packets,
  );
}

const unzonedGroup = (page: Page) =>
  page.locator('[data-testid="candidate-group"][data-kind="unzoned-endpoint"]');
const openChecks = (group: Locator) => group.locator('input[data-candidate-check]');

test('the demo plant walks through the dashboard, a triage rule, a bulk dismissal with Undo, and a reload', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });

  // The dashboard: the demo has 5 candidates, one confirmed; completion per zone and FR; a next step.
  const dashboard = page.getByTestId('overview-dashboard');
  await expect(dashboard.getByTestId('untriaged-candidates')).toHaveText('4 untriaged of 5');
  await expect(dashboard.getByTestId('completion-row')).toHaveCount(8);
  await expect(dashboard.getByTestId('completion-total')).toHaveText(/^\d+ of \d+ required items answered/);
  await expect(dashboard.getByTestId('unzoned-assets')).toHaveText(/^4 of 139 assets in no zone$/);
  await expect(dashboard.getByTestId('next-step')).toContainText('Place the unzoned assets in zones');
  const openFindings = await dashboard.getByTestId('open-findings').textContent();
  expect(openFindings).toMatch(/^\d+ open findings?$/);

  // A zone's row opens Requirements on that zone.
  await dashboard.getByRole('link', { name: 'Utilities' }).click();
  await expect(page).toHaveURL(/\/requirements$/);
  await expect(page.getByRole('heading', { name: 'Utilities', level: 2 })).toBeVisible();

  // The untriaged count opens Connections on its Traffic tab.
  await NAV(page)
    .getByRole('link', { name: /Overview/ })
    .click();
  await dashboard.getByTestId('untriaged-candidates').click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole('tab', { name: /Traffic/ })).toHaveAttribute('aria-selected', 'true');

  // A rule made before the capture that it is for: it matches nothing yet.
  await page.getByRole('button', { name: 'New rule…' }).click();
  const ruleDialog = page.getByRole('dialog', { name: 'New triage rule' });
  await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(ruleDialog.getByRole('alert')).toHaveText(
    'Give at least one of: kind, subnet, zone, protocol.',
  );
  await ruleDialog.getByLabel(/^Subnet/).fill('10.0.0.7/24');
  await ruleDialog
    .getByLabel('Rule reason')
    .fill('Lab test bench on the engineering desk, not plant traffic');
  await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(ruleDialog).toContainText('host bits are set; the network of this block is 10.0.0.0/24');
  await ruleDialog.getByLabel(/^Subnet/).fill('10.0.0.0/24');
  await expect(ruleDialog.getByTestId('rule-preview')).toHaveText(
    'Matches 0 candidates now; would triage 0.',
  );
  await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(ruleDialog).toBeHidden();
  const rule = page.getByTestId('triage-rule');
  await expect(rule).toContainText('address in 10.0.0.0/24');
  await expect(rule.getByTestId('rule-reach')).toHaveText('Matches 0 candidates, triages 0');

  // The next captures bring 6 endpoints in no zone (one a MAC): the rule triages the three in its subnet.
  await importCapture(page, DNP3, '181 packets');
  await importCapture(page, ENIP, 'packets');
  await expect(rule.getByTestId('rule-reach')).toHaveText('Matches 3 candidates, triages 3');
  const group = unzonedGroup(page);
  await expect(group.locator('summary')).toHaveText('Endpoint in no zone (4 open of 7)');
  await expect(group.getByTestId('triage').filter({ hasText: 'Dismissed by a rule' })).toHaveCount(3);

  // Multi-select: a click, then a shift-click selects the range; Escape clears it.
  const checks = openChecks(group);
  await expect(checks).toHaveCount(4);
  await checks.nth(0).click();
  await checks.nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 candidates selected');
  await checks.nth(2).press('Escape');
  await expect(page.getByTestId('selection-count')).toBeHidden();
  // Keyboard: Space selects, Shift+ArrowDown extends.
  await checks.nth(0).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selection-count')).toHaveText('2 candidates selected');
  await checks.nth(0).press('Escape');

  // Dismiss the whole group with one reason, then Undo.
  await group.getByRole('button', { name: 'Dismiss all in this group…' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Dismiss 4 candidates' });
  await dismiss.getByRole('button', { name: 'Dismiss 4' }).click();
  await expect(dismiss.getByRole('alert')).toHaveText('Give the reason for dismissing them.');
  await dismiss.getByLabel('Reason').fill('Commissioning laptops, removed from the network on 2026-03-04');
  await dismiss.getByRole('button', { name: 'Dismiss 4' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Dismissed 4 candidates.');
  await expect(group.locator('summary')).toHaveText('Endpoint in no zone (0 open of 7)');
  await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
  await expect(group.locator('summary')).toHaveText('Endpoint in no zone (4 open of 7)');

  // Again, through "select all in this group" and "Dismiss selected".
  await group.getByLabel('Select all in this group').check();
  await expect(page.getByTestId('selection-count')).toHaveText('4 candidates selected');
  await page.getByRole('button', { name: 'Dismiss selected…' }).click();
  const again = page.getByRole('dialog', { name: 'Dismiss 4 candidates' });
  await again.getByLabel('Reason').fill('Commissioning laptops, removed from the network on 2026-03-04');
  await again.getByRole('button', { name: 'Dismiss 4' }).click();
  await expect(group.locator('summary')).toHaveText('Endpoint in no zone (0 open of 7)');
  await waitForSaved(page);

  // After a reload: the rule and the dismissals are there.
  await page.reload();
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await expect(page.getByTestId('triage-rule').getByTestId('rule-reach')).toHaveText(
    'Matches 3 candidates, triages 3',
  );
  await expect(unzonedGroup(page).locator('summary')).toHaveText('Endpoint in no zone (0 open of 7)');
  await expect(
    unzonedGroup(page)
      .getByTestId('triage')
      .filter({ hasText: 'Dismissed: Commissioning laptops, removed from the network on 2026-03-04' }),
  ).toHaveCount(4);

  // The dashboard counts follow: 11 candidates now, 3 of them untriaged.
  await NAV(page)
    .getByRole('link', { name: /Overview/ })
    .click();
  await expect(dashboard.getByTestId('untriaged-candidates')).toHaveText('3 untriaged of 11');

  // Deleting the rule gives its three candidates back; Undo puts it back.
  await NAV(page)
    .getByRole('link', { name: /Connections/ })
    .click();
  await page.getByRole('tab', { name: /Traffic/ }).click();
  await page.getByTestId('triage-rule').getByRole('button', { name: 'Delete rule' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Rule deleted: 3 candidates open again.');
  await expect(unzonedGroup(page).locator('summary')).toHaveText('Endpoint in no zone (3 open of 7)');
  await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
  await expect(unzonedGroup(page).locator('summary')).toHaveText('Endpoint in no zone (0 open of 7)');

  // A decision by hand overrides the rule's for that one candidate.
  await unzonedGroup(page)
    .getByTestId('candidate')
    .filter({ hasText: '10.0.0.3 is in no zone' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  const one = page.getByRole('dialog', { name: 'Dismiss candidate' });
  await one.getByLabel('Reason').fill('The DNP3 master simulator, switched off after the test');
  await one.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('triage-rule').getByTestId('rule-reach')).toHaveText(
    'Matches 3 candidates, triages 2 (the rest are decided by hand or by an older rule)',
  );
});
