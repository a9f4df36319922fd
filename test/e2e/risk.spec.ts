import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCommand } from '../unit/helpers/tools';
import { expect, test, waitForSaved } from './fixtures';
import { openRichPlantRisk } from './rich-plant';
import { buildSignedBundle, createSigningKey } from './signing';

const CELL = 'Ligne d’embouteillage — Zelle 3';

test('create scenarios from the suggestions, add a countermeasure, see residual risk and the derived SL-T change, reload, and find it in the report', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  // MITRE is credited in the app, as its terms of use ask.
  await page.getByText(/^About Conduit/).click();
  await expect(page.getByTestId('credit-attack')).toContainText(
    'This work is reproduced and distributed with the permission of The MITRE Corporation.',
  );
  // The rich assessment before any risk work: its connections and conduits give the suggestions.
  await openRichPlantRisk(page);
  await expect(page.getByRole('heading', { name: 'Risk assessment', level: 1 })).toBeVisible();

  // The cellular modem on the PLC is suggested as an entry vector into the cell.
  const modem = page.getByTestId('risk-suggestion').filter({ hasText: `Cellular/4G modem into ${CELL}` });
  await expect(modem).toContainText('Criminal');
  await expect(modem).toContainText('T0883');
  await modem.getByRole('button', { name: 'Accept' }).click();
  const scenario = page.getByTestId('risk-scenario').filter({ hasText: `Cellular/4G modem into ${CELL}` });
  await expect(scenario).toBeVisible();
  await expect(modem).toHaveCount(0);
  // Nothing rated yet: the worst consequence is assumed, Likely × Severe → Critical.
  await expect(scenario.getByTestId('risk-inherent')).toHaveText('Critical ▲');

  // The S7comm-plus traffic no conduit allows is suggested too: drop it, which needs a reason.
  const flow = page.getByTestId('risk-suggestion').filter({ hasText: 'S7comm-plus' });
  await expect(flow).toContainText(`Traffic no conduit allows into ${CELL}`);
  await flow.getByRole('button', { name: 'Drop…' }).click();
  await flow.getByRole('button', { name: 'Drop', exact: true }).click();
  await expect(page.getByText('Dropping a suggestion needs a reason')).toBeVisible();
  await flow.getByRole('textbox').fill('Engineering laptop on commissioning; removed, see change 4711.');
  await flow.getByRole('button', { name: 'Drop', exact: true }).click();
  await expect(page.getByTestId('risk-suggestion')).toHaveCount(0);
  await expect(page.getByText('1 dropped suggestions')).toBeVisible();

  // Rate the cell: production Major. Likely × Major → High; criminal → SL 3 derived.
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  const zone = page.getByTestId('risk-zone').filter({ hasText: CELL });
  await zone.getByLabel(`Production and financial consequence of ${CELL}`).selectOption('4');
  await expect(zone.getByTestId('risk-derived-slt')).toHaveText('Derived {3,3,3,3,3,3,3}');
  await expect(zone.getByTestId('risk-slt')).toHaveText('In force {3,3,3,3,3,3,3} (derived)');
  await expect(zone.getByTestId('risk-rationale')).toContainText(
    'SL 3 (sophisticated means with moderate resources) for criminal threats',
  );

  // A jump host that replaces the modem: likelihood −2 → Unlikely × Major → Medium, under the line.
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  const form = page.getByRole('form', { name: 'New countermeasure' });
  await form.getByLabel('Title').fill('Remove the modem; vendor access through the DMZ jump host');
  await form.getByLabel('Jump host / remote-access gateway').check();
  await form.getByLabel('Lowers likelihood by').fill('2');
  await form.getByLabel('Owner').fill('Jürgen Weiß');
  await form.getByLabel(new RegExp(`Cellular/4G modem into ${CELL}`)).check();
  await form.getByRole('button', { name: 'Add countermeasure' }).click();
  const row = page.getByTestId('risk-countermeasure').filter({ hasText: 'Remove the modem' });
  await expect(row).toContainText('Medium');
  await waitForSaved(page);

  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await expect(scenario.getByTestId('risk-residual')).toContainText('Medium');
  await expect(scenario.getByTestId('risk-residual')).toContainText('Unlikely × Major');
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  await expect(zone.getByTestId('risk-derived-slt')).toHaveText('Derived {1,1,1,1,1,1,1}');
  await expect(zone.getByTestId('risk-rationale')).toContainText(
    'no scenario above the tolerable line (Medium)',
  );

  // Set it by hand: refused without a justification, kept with one.
  await zone.getByRole('button', { name: 'Set by hand…' }).click();
  const manual = zone.getByRole('form', { name: `SL-T of ${CELL} set by hand` });
  await manual.getByLabel('FR5').selectOption('3');
  await manual.getByRole('button', { name: 'Keep this SL-T' }).click();
  await expect(manual.getByText('A hand-set SL-T needs a justification')).toBeVisible();
  await manual
    .getByLabel('Justification')
    .fill('The asset owner keeps SL 2, SL 3 on FR5, until the modem is gone.');
  await manual.getByRole('button', { name: 'Keep this SL-T' }).click();
  await expect(zone.getByTestId('risk-slt')).toHaveText('In force {2,2,2,2,3,2,2} (set by hand)');
  await waitForSaved(page);

  // Reload: everything is still there.
  await page.reload();
  await page.getByRole('tab', { name: 'Consequence and SL-T' }).click();
  await expect(zone.getByTestId('risk-slt')).toHaveText('In force {2,2,2,2,3,2,2} (set by hand)');
  await expect(zone.getByTestId('risk-derived-slt')).toHaveText('Derived {1,1,1,1,1,1,1}');
  await expect(zone.getByTestId('risk-rationale')).toContainText('Set by hand: The asset owner keeps SL 2');
  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await expect(scenario.getByTestId('risk-residual')).toContainText('Medium');
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  await expect(row).toContainText('Jürgen Weiß');

  // The Requirements workspace shows the ATT&CK mitigations of an item; a compensating control links to the countermeasure.
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('link', { name: 'Requirements' })
    .click();
  await page.getByLabel('Zone', { exact: true }).selectOption({ label: CELL });
  await page.getByRole('option', { name: /^SR 1\.1 Human/ }).click();
  await expect(page.getByTestId('attack-mitigations')).toHaveText('M0804 Human User Authentication');
  await expect(page.getByTestId('attack-techniques')).toContainText('T0886 Remote Services');
  await page.getByRole('option', { name: /^SR 1\.13 Access/ }).click();
  await page
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: /Compensating control/ })
    .click();
  await page
    .getByLabel('Compensating control (required)')
    .fill('Vendor sessions only through the DMZ jump host.');
  await page.getByLabel('Compensating control (required)').press('Enter');
  const link = page.getByLabel('Countermeasure (Risk register)');
  await link.selectOption({ label: 'Remove the modem; vendor access through the DMZ jump host' });
  await waitForSaved(page);
  await page.reload();
  await page.getByLabel('Zone', { exact: true }).selectOption({ label: CELL });
  await page.getByRole('option', { name: /^SR 1\.13 Access/ }).click();
  await expect(page.getByLabel('Countermeasure (Risk register)')).toHaveValue(/.+/);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Findings' }).click();
  const fr1 = `Human user identification and authentication (SR 1.1) not met in ${CELL}`;
  const finding = page.getByTestId('finding').filter({ hasText: fr1 });
  await finding.getByRole('button', { name: fr1, exact: true }).click();
  await expect(finding.getByTestId('finding-attack')).toContainText(
    'ATT&CK for ICS: M0804 Human User Authentication',
  );
  // Its severity takes the cell's consequence from the rating made above, not from its criticality.
  await expect(finding).toContainText('consequence 4 (risk assessment)');

  // The signed bundle's report holds the rationale; the data folder holds the risk files.
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await createSigningKey(page);
  const bundle = await buildSignedBundle(page);
  const dir = mkdtempSync(join(tmpdir(), 'conduit-e2e-risk-'));
  try {
    const riskCsv = bundle.text('data/risk.csv');
    expect(riskCsv).toContain(`Cellular/4G modem into ${CELL}`);
    const crs = bundle.text('data/crs.csv');
    expect(crs).toContain('{2,2,2,2,3,2,2}');
    expect(crs).toContain('Remove the modem; vendor access through the DMZ jump host (recommended, open)');
    expect(JSON.parse(bundle.text('data/attack-layer.json'))).toMatchObject({
      domain: 'ics-attack',
    });
    if (hasCommand('pdftotext')) {
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, bundle.file('report/report.pdf'));
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Risk assessment');
      expect(text).toContain(
        'Set by hand: The asset owner keeps SL 2, SL 3 on FR5, until the modem is gone.',
      );
      expect(text).toContain('Remove the modem; vendor access through the DMZ jump host');
      expect(text).toContain('Sophisticated means with moderate resources (criminal, hacktivist) give SL 3.');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('edit a scenario and a countermeasure after creation, reload and find the edits, and export the ATT&CK layer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const rich = await openRichPlantRisk(page);
  const modemTitle = `Cellular/4G modem into ${CELL}`;
  await page
    .getByTestId('risk-suggestion')
    .filter({ hasText: modemTitle })
    .getByRole('button', { name: 'Accept' })
    .click();
  await page.getByTestId('risk-scenario').filter({ hasText: modemTitle }).waitFor();

  // Edit the scenario: every valid change autosaves, a bad one names its field and is not saved.
  await page.getByRole('button', { name: `Edit ${modemTitle}` }).click();
  const editor = page.getByRole('form', { name: 'Edit scenario' });
  await editor.getByLabel('Title').fill('');
  await expect(editor.getByText('A scenario needs a title')).toBeVisible();
  await editor.getByLabel('Title').fill('Vendor reaches the filler PLC over the 4G modem');
  await expect(editor.getByText('A scenario needs a title')).toHaveCount(0);
  await editor.getByLabel('Description').fill('The modem is always on; the vendor uses TeamViewer.');
  await editor.getByLabel('Threat source').selectOption({ label: 'Vendor or supply chain' });
  await editor.getByLabel('Capability').selectOption('3');
  await editor.getByLabel('Entry vector').selectOption({ label: 'Remote access' });
  await editor.getByLabel('ATT&CK for ICS techniques').fill('T0883, T9999');
  await expect(editor.getByText('Not an ATT&CK for ICS technique: T9999')).toBeVisible();
  await editor.getByLabel('ATT&CK for ICS techniques').fill('T0883, T0822');
  await editor.getByLabel('FR1').check();
  await editor.getByLabel('FR5').check();
  // Likely × Minor → Medium: the residual risk follows live, in the dialog and behind it.
  await editor.getByLabel('Consequence').selectOption('2');
  await expect(editor.getByTestId('risk-editor-live')).toContainText('residual Medium');
  // Almost certain × Minor → High.
  await editor.getByLabel('Likelihood').selectOption('5');
  await expect(editor.getByTestId('risk-editor-live')).toContainText('residual High ▲');
  await editor.getByRole('button', { name: 'Done' }).click();
  const scenario = page.getByTestId('risk-scenario').filter({ hasText: 'Vendor reaches the filler PLC' });
  await expect(scenario).toContainText('Remote access · T0883, T0822');
  await expect(scenario.getByTestId('risk-residual')).toContainText('High');
  await waitForSaved(page);

  // A countermeasure, then edited: its reduction lowers the residual risk.
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  const form = page.getByRole('form', { name: 'New countermeasure' });
  await form.getByLabel('Title').fill('Modem off');
  await form.getByRole('button', { name: 'Add countermeasure' }).click();
  await page.getByRole('button', { name: 'Edit Modem off' }).click();
  const cm = page.getByRole('form', { name: 'Edit countermeasure' });
  await cm.getByLabel('Title').fill('Remove the modem; vendor access through the DMZ jump host');
  await cm.getByLabel('Requirements it stands for').fill('SR 1.13, SR 99');
  await expect(cm.getByText('Not a requirement id: SR 99')).toBeVisible();
  await cm.getByLabel('Requirements it stands for').fill('SR 1.13, sr 5.1 re 1');
  await cm.getByLabel('Kind').selectOption('existing');
  await cm.getByLabel('Status').selectOption('rejected');
  await expect(cm.getByText('An existing countermeasure is in place: it cannot be rejected')).toBeVisible();
  await cm.getByLabel('Status').selectOption('in-progress');
  await cm.getByLabel('Jump host / remote-access gateway').check();
  await cm.getByLabel('Lowers likelihood by').fill('2');
  await cm.getByLabel('Owner').fill('Jürgen Weiß');
  await cm.getByLabel('Due').fill('2027-03-31');
  await cm.getByLabel(/Vendor reaches the filler PLC/).check();
  // Possible × Minor → Medium, under the tolerable line.
  await expect(cm.getByText(/Vendor reaches the filler PLC/)).toContainText('Medium');
  // It stands for SR 1.13 and SR 5.1 RE 1, so the derivation does not credit it (that would be
  // circular): the scenario's FR1 and FR5 keep the vendor's SL 3, live.
  await expect(cm.getByTestId('risk-editor-live')).toHaveText(`${CELL}: derived SL-T {3,1,1,1,3,1,1}`);
  await cm.getByRole('button', { name: 'Done' }).click();
  await waitForSaved(page);

  await page.reload();
  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await expect(scenario).toContainText('Remote access · T0883, T0822');
  await expect(scenario.getByTestId('risk-residual')).toContainText('Medium');
  await expect(
    scenario.getByLabel('Threat source of Vendor reaches the filler PLC over the 4G modem'),
  ).toHaveValue('supply-chain');
  await page.getByRole('button', { name: 'Edit Vendor reaches the filler PLC over the 4G modem' }).click();
  await expect(editor.getByLabel('Description')).toHaveValue(
    'The modem is always on; the vendor uses TeamViewer.',
  );
  await expect(editor.getByLabel('FR5')).toBeChecked();
  await expect(editor.getByLabel('FR2')).not.toBeChecked();
  await editor.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: 'Countermeasures' }).click();
  const row = page.getByTestId('risk-countermeasure').filter({ hasText: 'Remove the modem' });
  await expect(row).toContainText('Existing · Jürgen Weiß · due Mar 31, 2027');
  await expect(row).toContainText('SR 1.13, SR 5.1 RE 1, Jump host / remote-access gateway');
  await expect(row).toContainText('likelihood −2');
  await expect(row.getByLabel(/^Status of/)).toHaveValue('in-progress');

  // The ATT&CK Navigator layer, of the site and of the cell, through the platform's save.
  const siteDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ATT&CK layer…' }).click();
  const site = JSON.parse(readFileSync((await (await siteDownload).path())!, 'utf8'));
  expect(site).toMatchObject({ domain: 'ics-attack', versions: { layer: '4.5' } });
  expect(site.name).toContain(`${rich.zones.length} zones`);
  expect(site.techniques.length).toBeGreaterThan(0);
  await page.getByLabel('ATT&CK layer of').selectOption({ label: CELL });
  const zoneDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ATT&CK layer…' }).click();
  const cellLayer = JSON.parse(readFileSync((await (await zoneDownload).path())!, 'utf8'));
  expect(cellLayer.domain).toBe('ics-attack');
  expect(cellLayer.name).toContain(`zone ${CELL}`);
});
