import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test fails if the page throws, logs an error (a CSP violation included) or asks for
 * anything outside the app's own origin: the app is offline by design.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')) {
          problems.push(`request outside the app: ${url}`);
        }
      });
      await use();
      expect(problems, 'the page stayed clean').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function createAssessment(
  page: Page,
  details: { client: string; site: string; assessors?: string; start?: string; end?: string; scope?: string },
) {
  await page.getByRole('button', { name: 'New assessment' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New assessment' });
  await dialog.getByLabel('Client', { exact: true }).fill(details.client);
  await dialog.getByLabel('Site', { exact: true }).fill(details.site);
  if (details.assessors) await dialog.getByLabel('Assessors', { exact: true }).fill(details.assessors);
  if (details.start) await dialog.getByLabel('Start date', { exact: true }).fill(details.start);
  if (details.end) await dialog.getByLabel('End date', { exact: true }).fill(details.end);
  if (details.scope) await dialog.getByLabel('Scope', { exact: true }).fill(details.scope);
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

export async function waitForSaved(page: Page) {
  await expect(page.getByTestId('save-indicator')).toHaveText(/All changes saved/);
}
