import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test fails if the page throws, logs an error, violates the CSP (in the page or in a
 * worker) or asks for anything outside the app's own origin: the app is offline by design.
 * Chromium reports a blocked eval as a DevTools issue, not on the console, so violations are
 * caught by a `securitypolicyviolation` listener added before the page loads, the Audits domain's
 * CSP issues, and the errors that renderer/first-import.ts logs for violations in workers.
 */
export const test = base.extend<{ guard: void; pageProblems: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
  pageProblems: async ({}, use) => {
    await use([]);
  },
  guard: [
    async ({ page, baseURL, pageProblems: problems }, use) => {
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('worker', (worker) =>
        worker.on('console', (message) => {
          if (message.type() === 'error') problems.push(`worker console error: ${message.text()}`);
        }),
      );
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')) {
          problems.push(`request outside the app: ${url}`);
        }
      });
      await page.exposeFunction('__conduitCspViolation', (text: string) => problems.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __conduitCspViolation: (t: string) => void })
            .__conduitCspViolation;
          void report(`CSP violation: ${event.violatedDirective} (${event.blockedURI || 'inline'})`);
        });
      });
      const session = await page.context().newCDPSession(page);
      session.on('Audits.issueAdded', ({ issue }) => {
        if (issue.code === 'ContentSecurityPolicyIssue') {
          const details = issue.details.contentSecurityPolicyIssueDetails;
          problems.push(
            `CSP violation: ${details?.violatedDirective} (${details?.contentSecurityPolicyViolationType})`,
          );
        }
      });
      await session.send('Audits.enable');
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
