import { expect, test, waitForSaved } from './fixtures';
import { openRichPlantRisk } from './rich-plant';
import { buildSignedBundle, createSigningKey } from './signing';

const CONDUIT = 'IT ↔ DMZ';
const WHY = 'Vendor remote access crosses this conduit: held at SL 3 on FR1 until the jump host is in.';

test('set a conduit’s SL-T by hand (refused without a justification), apply it, reload, find it, and see it in the bundle’s crs.csv', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openRichPlantRisk(page, { keepTriage: true });
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();

  const conduit = page.getByTestId('risk-conduit').filter({ hasText: CONDUIT });
  await expect(conduit.getByTestId('risk-conduit-source')).toHaveText('(derived)');
  const derived = await conduit.getByTestId('risk-conduit-slt').textContent();

  await conduit.getByRole('button', { name: 'Set by hand…' }).click();
  const manual = conduit.getByRole('form', { name: `SL-T of ${CONDUIT} set by hand` });
  for (const fr of ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'])
    await manual.getByLabel(fr).selectOption('2');
  await manual.getByLabel('FR1').selectOption('3');
  await manual.getByRole('button', { name: 'Keep this SL-T' }).click();
  await expect(manual.getByText('A hand-set SL-T needs a justification')).toBeVisible();
  await expect(conduit.getByTestId('risk-conduit-source')).toHaveText('(derived)');
  await manual.getByLabel('Justification').fill(WHY);
  await manual.getByRole('button', { name: 'Keep this SL-T' }).click();
  await expect(conduit.getByTestId('risk-conduit-slt')).toHaveText('{3,2,2,2,2,2,2}');
  await expect(conduit.getByTestId('risk-conduit-source')).toHaveText('(set by hand)');
  await expect(conduit.getByTestId('risk-conduit-rationale')).toContainText(`Set by hand: ${WHY}`);
  expect(derived).not.toBe('{3,2,2,2,2,2,2}');

  // Apply to conduit: the conduit itself now carries that SL-T; the button goes away.
  await conduit.getByRole('button', { name: 'Apply to conduit' }).click();
  await expect(page.getByText(`${CONDUIT}: the conduit now has SL-T {3,2,2,2,2,2,2}`)).toBeVisible();
  await expect(conduit.getByRole('button', { name: 'Apply to conduit' })).toHaveCount(0);
  await waitForSaved(page);

  await page.reload();
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  await expect(conduit.getByTestId('risk-conduit-slt')).toHaveText('{3,2,2,2,2,2,2}');
  await expect(conduit.getByTestId('risk-conduit-source')).toHaveText('(set by hand)');
  await expect(conduit.getByTestId('risk-conduit-rationale')).toContainText(`Set by hand: ${WHY}`);
  await expect(conduit.getByRole('button', { name: 'Apply to conduit' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await createSigningKey(page);
  const bundle = await buildSignedBundle(page);
  const crs = bundle.text('data/crs.csv');
  const row = crs.split(/\r?\n/).find((line) => line.startsWith(`conduit,${CONDUIT},`));
  expect(row).toBeDefined();
  expect(row).toMatch(/^conduit,IT ↔ DMZ,"?\{3,2,2,2,2,2,2\}"?,manual,/);
  expect(row).toContain(`Set by hand: ${WHY}`);
});
