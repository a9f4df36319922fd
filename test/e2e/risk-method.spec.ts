import { expect, test, waitForSaved } from './fixtures';
import { openRichPlantRisk } from './rich-plant';

const CELL = 'Ligne d’embouteillage — Zelle 3';

test('rename the scale levels, refused when empty or taken; exclude a zone from scope; the matrix, scenarios and derivation follow; move a scenario to another target', async ({
  page,
}) => {
  await page.goto('/');
  await openRichPlantRisk(page);

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

test('a zone’s SL-T: derived from scenarios, applied to the checklist, set by hand and back; a matrix cell; an exclusion included again', async ({
  page,
}) => {
  await page.goto('/');
  await openRichPlantRisk(page);
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  const zone = page.getByTestId('risk-zone').filter({ hasText: CELL });
  // Never risk-assessed: the SL-T typed in the diagram is in force, as set by hand.
  await expect(zone.getByTestId('risk-slt')).toContainText('(set by hand)');
  await zone.getByRole('button', { name: 'Derive from scenarios' }).click();
  await expect(zone.getByTestId('risk-slt')).toContainText('(derived)');
  const derived = (await zone.getByTestId('risk-derived-slt').textContent())!.replace('Derived ', '');
  await expect(zone.getByTestId('risk-slt')).toHaveText(`In force ${derived} (derived)`);

  const apply = zone.getByRole('button', { name: 'Apply to checklist' });
  await expect(apply).toHaveAttribute('title', /^The checklist assesses against \{[\d,]+\}$/);
  await apply.click();
  await expect(page.getByText(`${CELL}: the checklist now assesses against SL-T ${derived}`)).toBeVisible();
  await expect(apply).toHaveCount(0);

  await zone.getByRole('button', { name: 'Set by hand…' }).click();
  const manual = zone.getByRole('form', { name: `SL-T of ${CELL} set by hand` });
  await manual.getByLabel('FR5').selectOption('3');
  await manual.getByLabel('Justification').fill('Held at SL 3 on FR5 until the modem is removed.');
  await manual.getByRole('button', { name: 'Keep this SL-T' }).click();
  await expect(zone.getByTestId('risk-slt')).toContainText('(set by hand)');
  await expect(apply).toBeVisible();
  await zone.getByRole('button', { name: 'Use derived' }).click();
  await expect(zone.getByTestId('risk-slt')).toHaveText(`In force ${derived} (derived)`);
  await expect(zone.getByRole('button', { name: 'Use derived' })).toHaveCount(0);

  // One matrix cell raised above the tolerable line turns red, and only that cell changes.
  await page.getByRole('tab', { name: 'Risk matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Risk matrix' });
  const before = await matrix
    .locator('select')
    .evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
  const cell = matrix.getByLabel('Risk at likelihood Possible, consequence Moderate');
  await expect(cell).toHaveValue('2');
  await cell.selectOption({ label: 'High' });
  await expect(cell.locator('xpath=..')).toHaveClass(/risk-level-over/);
  await waitForSaved(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Risk matrix' }).click();
  await expect(cell).toHaveValue('3');
  const after = await matrix
    .locator('select')
    .evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
  expect(after.filter((value, i) => value !== before[i])).toEqual(['3']);
  // A cell below its lower neighbours is refused: a higher likelihood never gives a lower risk.
  await matrix
    .getByLabel('Risk at likelihood Almost certain, consequence Severe')
    .selectOption({ label: 'Low' });
  await expect(page.getByText('The matrix was not changed')).toBeVisible();

  await page.getByRole('tab', { name: 'System under consideration' }).click();
  const form = page.getByRole('form', { name: 'Exclude from scope' });
  await form.getByLabel('Zone, conduit or asset').selectOption({ label: CELL });
  await form.getByLabel('Reason').fill('Assessed in phase 2');
  await form.getByRole('button', { name: 'Exclude' }).click();
  const exclusion = page.getByRole('listitem').filter({ hasText: `Zone ${CELL}: Assessed in phase 2` });
  await exclusion.getByRole('button', { name: 'Include again' }).click();
  await expect(exclusion).toHaveCount(0);
  await expect(form.getByLabel('Zone, conduit or asset')).toContainText(CELL);
});
