import { createAssessment, expect, test, waitForSaved } from './fixtures';
import { openRichPlantRisk } from './rich-plant';

const CELL = 'Ligne d’embouteillage — Zelle 3';

test.use({ viewport: { width: 1600, height: 1000 } });

test('the diagram: edit, reload, and undo and redo still work', async ({ page }) => {
  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'North plant' });
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: /Diagram/ })
    .click();
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
  await page.getByLabel('Zone name').fill('Cell A');
  await page.getByLabel('Zone name').blur();
  const zone = (name: string) => page.locator(`[data-testid="zone-node"][data-zone-name="${name}"]`);
  await expect(zone('Cell A')).toBeVisible();
  await waitForSaved(page);

  await page.reload();
  const undo = page.getByRole('toolbar', { name: 'Diagram tools' }).getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(page.getByText('Undone: Rename zone')).toBeVisible();
  await expect(zone('Zone 1')).toBeVisible();
  await waitForSaved(page);

  // The undone step is still there to redo after another reload, from the keyboard.
  await page.reload();
  await expect(zone('Zone 1')).toBeVisible();
  await page.getByTestId('diagram-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+Shift+Z');
  await expect(zone('Cell A')).toBeVisible();
  await waitForSaved(page);
  await page.reload();
  await expect(zone('Cell A')).toBeVisible();
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await expect(zone('Cell A')).toHaveCount(0);
  await expect(zone('Zone 1')).toHaveCount(0);
});

test('the Risk workspace: accept a suggestion, rate the zone, reload, and undo and redo both', async ({
  page,
}) => {
  await page.goto('/');
  await openRichPlantRisk(page);
  const history = page.getByRole('toolbar', { name: 'Risk history' });
  await expect(history.getByRole('button', { name: 'Undo' })).toBeDisabled();

  const title = `Cellular/4G modem into ${CELL}`;
  const modem = page.getByTestId('risk-suggestion').filter({ hasText: title });
  await modem.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('risk-scenario').filter({ hasText: title })).toBeVisible();
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  const rating = page
    .getByTestId('risk-zone')
    .filter({ hasText: CELL })
    .getByLabel(`Production and financial consequence of ${CELL}`);
  await rating.selectOption('4');
  await waitForSaved(page);

  await page.reload();
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  await expect(rating).toHaveValue('4');
  // Ctrl+Z outside a text field undoes the rating, written back to IndexedDB.
  await page.getByRole('heading', { name: 'Risk assessment', level: 1 }).click();
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Undone: Edit a zone’s rating')).toBeVisible();
  await expect(rating).not.toHaveValue('4');
  await history.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`Undone: Accept suggestion “${title}”`)).toBeVisible();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(page.getByTestId('risk-scenario').filter({ hasText: title })).toHaveCount(0);
  await expect(modem).toBeVisible();
  await waitForSaved(page);

  await page.reload();
  await expect(modem).toBeVisible();
  await history.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('risk-scenario').filter({ hasText: title })).toBeVisible();
  await page.getByRole('heading', { name: 'Risk assessment', level: 1 }).click();
  await page.keyboard.press('Control+Shift+Z');
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  await expect(rating).toHaveValue('4');
  await expect(history.getByRole('button', { name: 'Redo' })).toBeDisabled();
});
