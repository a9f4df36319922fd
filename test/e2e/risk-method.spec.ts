import { emptyRiskRecords, serializeAssessmentFile } from '../../shared/model';
import { richAssessment } from '../fixtures/rich-assessment';
import { expect, test, waitForSaved } from './fixtures';

const CELL = 'Ligne d’embouteillage — Zelle 3';

test('rename the scale levels, refused when empty or taken; exclude a zone from scope; the matrix, scenarios and derivation follow; move a scenario to another target', async ({
  page,
}) => {
  const rich = { ...(await richAssessment()), ...emptyRiskRecords(), triage: [] };
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'fromagerie.conduit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeAssessmentFile(rich)),
  });
  await page.getByRole('link', { name: rich.assessment.title }).click();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Risk' }).click();

  await page.getByRole('tab', { name: 'Risk matrix' }).click();
  const likely = page.getByLabel('Likelihood level 4', { exact: true });
  await expect(likely).toHaveValue('Likely');
  // Taken by another level: refused, with the reason next to the field.
  await likely.fill('possible');
  await likely.press('Enter');
  await expect(page.getByText('Two likelihood levels are both called "possible"')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Risk matrix' })).toContainText('4 Likely');
  await likely.fill(' ');
  await likely.blur();
  await expect(page.getByText('A level needs a label.')).toBeVisible();
  await likely.fill('Probable (once a year)');
  await likely.blur();
  await expect(page.getByRole('table', { name: 'Risk matrix' })).toContainText('4 Probable (once a year)');
  await page.getByLabel('Consequence level 5', { exact: true }).fill('Catastrophic');
  await page.getByLabel('Consequence level 5', { exact: true }).blur();
  await expect(page.getByRole('table', { name: 'Risk matrix' })).toContainText('5 Catastrophic');
  await waitForSaved(page);

  // The scenarios use the new labels.
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  const modem = page.getByTestId('risk-suggestion').filter({ hasText: `Cellular/4G modem into ${CELL}` });
  await modem.getByRole('button', { name: 'Accept' }).click();
  const scenario = page.getByTestId('risk-scenario').filter({ hasText: `Cellular/4G modem into ${CELL}` });
  await expect(scenario.getByLabel(`Likelihood of Cellular/4G modem into ${CELL}`)).toContainText(
    '4 Probable (once a year)',
  );

  // Excluding the cell from scope takes its scenario out of the derivation and no suggestion targets it.
  await expect(page.getByTestId('risk-summary')).toContainText('1 scenario,');
  const flow = page
    .getByTestId('risk-suggestion')
    .filter({ hasText: `Traffic no conduit allows into ${CELL}` });
  await expect(flow).toHaveCount(1);
  await page.getByRole('tab', { name: 'System under consideration' }).click();
  const form = page.getByRole('form', { name: 'Exclude from scope' });
  await form.getByLabel('Zone, conduit or asset').selectOption({ label: CELL });
  await form.getByLabel('Reason').fill('Line 3 is assessed in phase 2');
  await form.getByRole('button', { name: 'Exclude' }).click();
  await expect(page.getByText(`Zone ${CELL}: Line 3 is assessed in phase 2`)).toBeVisible();
  await expect(page.getByTestId('risk-summary')).toContainText('0 scenarios');
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(flow).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('risk-summary')).toContainText('0 scenarios');
  await expect(flow).toHaveCount(0);

  // The scenario's target can be changed after creation: onto the IT ↔ DMZ conduit, it counts again.
  const title = `Cellular/4G modem into ${CELL}`;
  await page.getByRole('button', { name: `Edit ${title}` }).click();
  const editor = page.getByRole('form', { name: 'Edit scenario' });
  await editor.getByLabel('Target').selectOption({ label: 'Conduit IT ↔ DMZ' });
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('risk-scenario').filter({ hasText: title })).toContainText(
    'Conduit IT ↔ DMZ',
  );
  await expect(page.getByTestId('risk-summary')).toContainText('1 scenario,');
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('risk-scenario').filter({ hasText: title })).toContainText(
    'Conduit IT ↔ DMZ',
  );
  // The conduit now derives its own SL-T from the scenario, shown beside the floor its zones set.
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  const conduit = page.getByTestId('risk-conduit').filter({ hasText: 'IT ↔ DMZ' });
  await expect(conduit.getByTestId('risk-conduit-derived')).toHaveText('{3,3,3,3,3,3,3}');
  await expect(conduit.getByTestId('risk-conduit-slt')).toHaveText('{3,3,3,3,3,3,3}');
});
