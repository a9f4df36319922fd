import type { Page } from '@playwright/test';
import { serializeAssessmentFile, type AssessmentData } from '../../shared/model';

/** Imports an assessment file from the home page, as a user picks it, and opens the assessment. */
export async function importAndOpen(page: Page, data: AssessmentData, linkName: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'imported.conduit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeAssessmentFile(data)),
  });
  await page.getByRole('link', { name: linkName }).click();
}
