import { test, expect } from './fixtures';
import { openRichPlant } from './rich-plant';

test('set the report’s document control and edit its narrative; a final report with gaps warns', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await openRichPlant(page, 'Export');

  // Document control: autosaved, and a final status with unassessed items warns before export.
  await page.getByLabel('Version').fill('1.0');
  await page.getByLabel('Author').fill('Ana Ödegaard');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  const recipient = page.getByRole('group', { name: 'Recipient 1' });
  await recipient.getByLabel('Name').fill('Jiří Novák');
  await recipient.getByLabel('Organisation').fill('Fromagerie Müller SA');
  await recipient.getByLabel('Role').fill('Plant manager');
  await expect(page.getByTestId('export-final-warning')).toHaveCount(0);
  await page.getByLabel('Status').selectOption('final');
  await expect(page.getByTestId('final-warnings')).toContainText('not assessed yet');
  await expect(page.getByTestId('export-final-warning')).toContainText('Marked final, but:');

  // The narrative: generated from the data, then edited, and the edit survives a reload.
  const generated = page.getByTestId('narrative-generated');
  await expect(generated).toContainText('Fromagerie Müller SA');
  await expect(generated).toContainText('required items');
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByLabel(/Executive narrative \(your edit/);
  await expect(editor).toHaveValue(/Fromagerie Müller SA/);
  await editor.fill('Our own summary for the board.');
  await editor.blur();
  await expect(page.getByTestId('narrative-stale')).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel(/Executive narrative \(your edit/)).toHaveValue(
    'Our own summary for the board.',
  );
  await expect(page.getByLabel('Version')).toHaveValue('1.0');
  await expect(page.getByRole('group', { name: 'Recipient 1' }).getByLabel('Name')).toHaveValue('Jiří Novák');
  await expect(page.getByLabel('Status')).toHaveValue('final');

  // Regenerate drops the edit.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByTestId('narrative-generated')).toContainText('Fromagerie Müller SA');
});
