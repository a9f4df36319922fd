import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { emptyRiskRecords, serializeAssessmentFile } from '../../shared/model';
import { richAssessment } from '../fixtures/rich-assessment';
import { expect, test, waitForSaved } from './fixtures';

const CONDUIT = 'IT ↔ DMZ';
const WHY = 'Vendor remote access crosses this conduit: held at SL 3 on FR1 until the jump host is in.';

test('set a conduit’s SL-T by hand (refused without a justification), apply it, reload, find it, and see it in the bundle’s crs.csv', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const rich = { ...(await richAssessment()), ...emptyRiskRecords() };
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
  const key = page.getByRole('form', { name: 'Create signing key' });
  await key.getByLabel('Name').fill('Ana Ödegaard');
  await key.getByLabel('Organization').fill('Sécurité OT');
  await key.getByLabel('Email').fill('ana@example.com');
  await key.getByRole('button', { name: 'Create signing key' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Build signed bundle…' }).click();
  const bundle = await download;
  const dir = mkdtempSync(join(tmpdir(), 'conduit-e2e-conduit-slt-'));
  try {
    const zipFile = join(dir, 'bundle.zip');
    await bundle.saveAs(zipFile);
    const entries = unzipSync(new Uint8Array(readFileSync(zipFile)));
    const folder = Object.keys(entries)[0]!.split('/')[0]!;
    const crs = new TextDecoder().decode(entries[`${folder}/data/crs.csv`]);
    const row = crs.split(/\r?\n/).find((line) => line.startsWith(`conduit,${CONDUIT},`));
    expect(row).toBeDefined();
    expect(row).toMatch(/^conduit,IT ↔ DMZ,"?\{3,2,2,2,2,2,2\}"?,manual,/);
    expect(row).toContain(`Set by hand: ${WHY}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
