import path from 'node:path';
import { test, expect, createAssessment } from './fixtures';

const NOZOMI = path.join(
  import.meta.dirname,
  '..',
  'fixtures',
  'importers',
  'nozomi',
  'ibm-car_query_assets.json',
);

test('an imported Modicon M340 is matched, decided in bulk, kept on reload, and becomes a finding', async ({
  page,
}) => {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'Lyon' });
  const nav = page.getByRole('navigation', { name: 'Workspaces' });
  await nav.getByRole('link', { name: 'Inventory' }).click();
  await page.getByTestId('inventory-file-input').setInputFiles(NOZOMI);
  const dialog = page.getByRole('dialog', { name: 'Import ibm-car_query_assets.json' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('inventory-count')).toHaveText('1 asset');

  await nav.getByRole('link', { name: 'Vulnerabilities' }).click();
  await page.getByRole('button', { name: 'Match against the advisories' }).click();
  await expect(page.getByTestId('vulnerabilities-summary')).toHaveText(/^8 matches · \d+ KEV · 8 undecided$/);
  await expect(page.getByRole('region', { name: /^ICSA-20-016-01 · / })).toBeVisible();

  await page.getByRole('button', { name: 'By asset' }).click();
  await page.getByRole('checkbox', { name: /^Select all \d+ match(es)? in plc180/ }).check();
  await page.getByRole('button', { name: 'Decide for 8 selected' }).click();
  const decide = page.getByRole('dialog', { name: 'Decide for 8 matches' });
  await decide.getByLabel('Accept and document').check();
  await decide.getByLabel('Reason').fill('Controller replaced at the August shutdown');
  await decide.getByLabel('Owner').fill('J. Weber');
  await decide.getByLabel('Review date').fill('2026-09-01');
  await decide.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByTestId('vulnerability-decision').first()).toHaveText(
    'Accepted: Controller replaced at the August shutdown (J. Weber, review Sep 1, 2026)',
  );

  await page.reload();
  await expect(page.getByTestId('vulnerabilities-summary')).toHaveText(/^8 matches · \d+ KEV · 0 undecided$/);
  await expect(page.getByTestId('vulnerability-decision')).toHaveCount(8);

  // One match decided patch-now: the product line's phase-5 finding lists it.
  await page.getByRole('checkbox', { name: /^Select ICSA-20-016-01 on plc180/ }).check();
  await page.getByRole('button', { name: 'Decide for 1 selected' }).click();
  const patch = page.getByRole('dialog', { name: 'Decide for 1 match' });
  await patch.getByLabel('Patch now').check();
  await patch.getByRole('button', { name: 'Save decision' }).click();
  await nav.getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByText(/^Schneider Electric .* outside any zone: 8 advisories/)).toBeVisible();

  // The inventory's asset detail lists the asset's advisories with their decisions.
  await nav.getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('button', { name: /^Details of plc180/ }).click();
  const advisories = page.getByRole('region', { name: 'Advisories' });
  await expect(advisories.getByTestId('asset-advisory')).toHaveCount(8);
  await expect(advisories.getByRole('row', { name: /ICSA-20-016-01/ })).toContainText('Patch now');
  await expect(advisories.getByRole('row', { name: /ICSA-20-016-01/ })).toContainText('Version in range');
});

test('mitigate creates a linked countermeasure, shown in the decision and the risk assessment', async ({
  page,
}) => {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'Lyon' });
  const nav = page.getByRole('navigation', { name: 'Workspaces' });
  await nav.getByRole('link', { name: 'Inventory' }).click();
  await page.getByTestId('inventory-file-input').setInputFiles(NOZOMI);
  await page
    .getByRole('dialog', { name: 'Import ibm-car_query_assets.json' })
    .getByRole('button', { name: 'Import' })
    .click();
  await nav.getByRole('link', { name: 'Vulnerabilities' }).click();
  await page.getByRole('button', { name: 'Match against the advisories' }).click();
  await expect(page.getByTestId('vulnerabilities-summary')).toHaveText(/^8 matches/);
  await page.getByRole('checkbox', { name: /^Select ICSA-20-016-01 on plc180/ }).check();
  await page.getByRole('button', { name: 'Decide for 1 selected' }).click();
  const decide = page.getByRole('dialog', { name: 'Decide for 1 match' });
  await decide.getByLabel('Mitigate').check();
  await decide
    .getByLabel('Countermeasure of the risk assessment')
    .selectOption({ label: 'New countermeasure from the control below' });
  await decide
    .getByLabel('Control', { exact: true })
    .fill('Modbus/TCP to the M340 only from the SCADA server');
  await decide.getByRole('button', { name: 'Save decision' }).click();
  await expect(
    page.getByRole('row', { name: /ICSA-20-016-01/ }).getByTestId('vulnerability-decision'),
  ).toHaveText(
    'Mitigated: Modbus/TCP to the M340 only from the SCADA server (countermeasure “Modbus/TCP to the M340 only from the SCADA server”)',
  );
  await nav.getByRole('link', { name: 'Risk' }).click();
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  await expect(
    page
      .getByRole('tabpanel', { name: 'Countermeasures' })
      .getByText('Modbus/TCP to the M340 only from the SCADA server')
      .first(),
  ).toBeVisible();
});
