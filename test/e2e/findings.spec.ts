import type { Page } from '@playwright/test';
import { expect, test, waitForSaved } from './fixtures';
import { openRichPlant } from './rich-plant';

async function openFindings(page: Page) {
  await page.goto('/');
  await openRichPlant(page, 'Findings');
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
}

const findings = (page: Page) => page.getByTestId('finding');
const finding = (page: Page, title: string) => findings(page).filter({ hasText: title });
const titles = (page: Page) => page.locator('.finding-title').allTextContents();

test('review, edit, dismiss, add, reorder and plan findings; all of it survives a reload', async ({
  page,
}) => {
  await openFindings(page);

  // Generated on opening, most severe first; the stored FR1 finding of an earlier version gave way to
  // the SR 1.1 finding, which keeps its roadmap placement.
  await expect(findings(page)).toHaveCount(7);
  await expect(finding(page, '3 zones without assets')).toContainText('Phase 1 · Asset inventory');
  const modem = 'Undocumented connection: Cellular/4G modem';
  await expect(finding(page, modem)).toBeVisible();
  await expect(finding(page, modem).getByTestId('severity')).toHaveText('Critical');
  await expect(finding(page, modem).getByTestId('phase')).toContainText('Phase 2 · Segmentation');
  const fr1 =
    'Human user identification and authentication (SR 1.1) not met in Ligne d’embouteillage — Zelle 3';
  await finding(page, fr1).getByRole('button', { name: fr1, exact: true }).click();
  await expect(finding(page, fr1)).toContainText('Shared “operator” account on all HMIs.');
  await expect(finding(page, fr1)).toContainText('Requirements: SR 1.1');
  await expect(
    finding(page, 'Cleartext control protocols cross zone boundaries (1 path)').getByTestId('severity'),
  ).toHaveText('High');

  // Filter by severity.
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('low');
  await expect(findings(page)).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');

  // Edit one.
  await finding(page, fr1).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit finding' });
  await edit.getByLabel('Title').fill('Shared operator logins on bottling line 3');
  await edit.getByLabel('Severity').selectOption('critical');
  await edit
    .getByLabel('Recommendation')
    .fill('Named accounts per operator; the shift account can only view.');
  await edit.getByRole('button', { name: 'Save finding' }).click();
  const edited = 'Shared operator logins on bottling line 3';
  await expect(finding(page, edited).getByTestId('severity')).toHaveText('Critical');
  await expect(finding(page, edited)).toContainText('Edited');

  // Dismiss one: a reason is required.
  const unzoned = '1 asset is not placed in any zone';
  await finding(page, unzoned).getByRole('button', { name: 'Dismiss' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Dismiss finding' });
  await dismiss.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(dismiss).toContainText('Say why this finding does not apply');
  await dismiss.getByLabel('Reason').fill('EWS-01 was decommissioned on the second day.');
  await dismiss.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(finding(page, unzoned)).toHaveCount(0);
  await expect(page.getByTestId('findings-summary')).toHaveText('6 open · 1 dismissed');

  // Add a manual one, then move it up twice with the buttons and once with Alt+↑.
  await page.getByRole('button', { name: 'Add finding' }).click();
  const add = page.getByRole('dialog', { name: 'New finding' });
  await add.getByLabel('Title').fill('No OT incident response plan');
  await add.getByLabel('Severity').selectOption('high');
  await add.getByLabel('Program phase').selectOption('6');
  await add
    .getByLabel('Description')
    .fill('Nobody knows who may isolate the bottling lines during an incident.');
  await add.getByRole('button', { name: 'Add finding' }).click();
  const manual = 'No OT incident response plan';
  await expect(findings(page).last()).toContainText(manual);
  await expect(finding(page, manual)).toContainText('Manual');
  const before = await titles(page);
  await finding(page, manual)
    .getByRole('button', { name: `Move “${manual}” up` })
    .click();
  await expect.poll(() => titles(page)).toEqual([...before.slice(0, -2), manual, before.at(-2)!]);
  await finding(page, manual).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => titles(page)).toEqual([...before.slice(0, -3), manual, ...before.slice(-3, -1)]);
  await waitForSaved(page);
  const ordered = await titles(page);

  // Plan: the modem goes to months 9-12 through the select; the manual one is dragged to months 1-3.
  await page.getByRole('button', { name: 'Roadmap' }).click();
  const rows = page.getByTestId('roadmap-row');
  await expect(rows.filter({ hasText: modem })).toHaveAttribute('data-slot', 'm1-3');
  // A high phase-6 finding stays in months 10-12: only critical work is brought forward.
  await expect(rows.filter({ hasText: manual })).toHaveAttribute('data-slot', 'm9-12');
  await expect(rows.filter({ hasText: edited })).toHaveAttribute('data-slot', 'm6-9');
  await expect(rows.filter({ hasText: unzoned })).toHaveCount(0);
  await page.getByRole('combobox', { name: `Quarter for “${modem}”` }).selectOption('m9-12');
  await expect(rows.filter({ hasText: modem })).toHaveAttribute('data-slot', 'm9-12');
  const manualRow = rows.filter({ hasText: manual });
  await manualRow.locator('.roadmap-bar').dragTo(manualRow.getByRole('cell').nth(1));
  await expect(manualRow).toHaveAttribute('data-slot', 'm1-3');
  await expect(page.getByRole('combobox', { name: `Quarter for “${manual}”` })).toHaveValue('m1-3');
  await waitForSaved(page);

  // Reload (which regenerates again): everything is as it was left.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(findings(page)).toHaveCount(7);
  await expect.poll(() => titles(page)).toEqual(ordered);
  await expect(finding(page, edited).getByTestId('severity')).toHaveText('Critical');
  await finding(page, edited).getByRole('button', { name: edited, exact: true }).click();
  await expect(finding(page, edited)).toContainText(
    'Named accounts per operator; the shift account can only view.',
  );
  await expect(finding(page, manual)).toContainText('Phase 6 · Incident response');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('dismissed');
  await expect(findings(page)).toHaveCount(1);
  await expect(finding(page, unzoned).getByTestId('dismiss-reason')).toHaveText(
    'Dismissed: EWS-01 was decommissioned on the second day.',
  );
  await page.getByRole('button', { name: 'Roadmap' }).click();
  await expect(rows.filter({ hasText: modem })).toHaveAttribute('data-slot', 'm9-12');
  await expect(rows.filter({ hasText: manual })).toHaveAttribute('data-slot', 'm1-3');
});

test('merge findings into one, restore a dismissed one, and regenerate without losing either', async ({
  page,
}) => {
  await openFindings(page);
  await expect(findings(page)).toHaveCount(7);
  // Grouped by phase: a section per phase, moves stay inside it.
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('phase');
  const segmentation = page.getByRole('region', { name: 'Phase 2 · Segmentation' });
  await expect(segmentation.getByTestId('finding')).toHaveCount(4);
  await expect(
    page
      .getByRole('region', { name: 'Phase 1 · Asset inventory and network mapping' })
      .getByTestId('finding'),
  ).toHaveCount(2);
  const firstOfPhase2 = (await segmentation.locator('.finding-title').first().textContent())!;
  await segmentation.getByRole('button', { name: `Move “${firstOfPhase2}” down` }).click();
  await expect(segmentation.locator('.finding-title').nth(1)).toHaveText(firstOfPhase2);
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('none');

  // The assessor's own to-do: items not assessed per zone, which are not findings.
  await page.getByRole('button', { name: 'Assessor to-do' }).click();
  const todo = page.getByTestId('assessor-todo');
  await expect(todo).toContainText('required items not assessed in 4 zones');
  await expect(todo.getByRole('region', { name: 'Enterprise IT' })).toContainText('Not assessed: SR 1.1');
  await page.getByRole('button', { name: 'List' }).click();

  const lows = [
    '1 asset is not placed in any zone',
    '3 zones without assets',
    '2 conduits with no observed traffic',
  ];
  for (const title of lows) await finding(page, title).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Merge selected (3)' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge 3 findings' });
  await merge.getByRole('button', { name: 'Merge findings' }).click();
  await expect(findings(page)).toHaveCount(5);
  const merged = findings(page).filter({ hasText: 'Manual' });
  await expect(merged).toHaveCount(1);
  await merged.locator('.finding-title').click();
  for (const title of lows) await expect(merged).toContainText(title);

  const modem = 'Undocumented connection: Cellular/4G modem';
  await finding(page, modem).getByRole('button', { name: 'Dismiss' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Dismiss finding' });
  await dismiss.getByLabel('Reason').fill('Removed during the visit.');
  await dismiss.getByRole('button', { name: 'Dismiss finding' }).click();
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByText('Findings regenerated: 0 new, 0 refreshed, 0 no longer apply')).toBeVisible();
  await expect(findings(page)).toHaveCount(4);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('dismissed');
  await finding(page, modem).getByRole('button', { name: 'Restore' }).click();
  await expect(findings(page)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('open');
  await expect(findings(page)).toHaveCount(5);
  await waitForSaved(page);
});

test('the keyboard acts on the finding clicked and on the workspace after a click on the toolbar', async ({
  page,
}) => {
  await openFindings(page);
  await expect(findings(page)).toHaveCount(7);

  // A mouse click on a finding's title, then Delete: the dismiss dialog of that finding.
  const modem = 'Undocumented connection: Cellular/4G modem';
  await finding(page, modem).getByRole('button', { name: modem, exact: true }).click();
  await page.keyboard.press('Delete');
  const dismiss = page.getByRole('dialog', { name: 'Dismiss finding' });
  await expect(dismiss).toContainText(`${modem} leaves the report`);
  await dismiss.getByLabel('Reason').fill('Removed during the visit.');
  await dismiss.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(finding(page, modem)).toHaveCount(0);
  await expect(page.getByTestId('findings-summary')).toHaveText('6 open · 1 dismissed');
  // Ctrl+Z takes it back; the Redo button dismisses it again.
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Dismiss “${modem}”`)).toBeVisible();
  await expect(finding(page, modem)).toHaveCount(1);
  await expect(page.getByTestId('findings-summary')).toHaveText('7 open · 0 dismissed');
  await expect(page.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', 'Ctrl+Shift+Z');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(finding(page, modem)).toHaveCount(0);
  await expect(page.getByTestId('findings-summary')).toHaveText('6 open · 1 dismissed');

  // J and K walk the list from a clicked row; E edits the one reached, and typing in it is typing.
  const [first, second] = await titles(page);
  await finding(page, first!).locator('.finding-meta').click();
  await page.keyboard.press('j');
  await expect(finding(page, second!)).toBeFocused();
  await page.keyboard.press('k');
  await expect(finding(page, first!)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  const edit = page.getByRole('dialog', { name: 'Edit finding' });
  await expect(edit.getByLabel('Title')).toHaveValue(second!);
  await edit.getByLabel('Title').press('End');
  await edit.getByLabel('Title').pressSequentially(' n');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);

  // After a click on the toolbar the workspace's keys still work: 1 for the list, N for a new finding.
  await page.getByRole('button', { name: 'Roadmap' }).click();
  await expect(page.getByRole('table', { name: 'Roadmap' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Roadmap' })).toHaveAttribute('title', '2');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search findings' })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search findings' })).toHaveValue('');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByText('Findings regenerated: 0 new, 0 refreshed, 0 no longer apply')).toBeVisible();
  await page.keyboard.press('n');
  const add = page.getByRole('dialog', { name: 'New finding' });
  await expect(add.getByLabel('Title')).toBeFocused();
  await add.getByLabel('Title').fill('No OT incident response plan');
  await add.getByRole('button', { name: 'Add finding' }).click();
  await expect(finding(page, 'No OT incident response plan')).toContainText('Manual');
  await waitForSaved(page);
});
