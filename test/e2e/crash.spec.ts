import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { test, expect, createAssessment, waitForSaved } from './fixtures';

test('closing the browser in the middle of editing keeps the last saved state', async ({ baseURL }) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'conduit-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });

  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await createAssessment(page, { client: 'Crash Test AG', site: 'Basel' });
  await page.getByLabel('Scope', { exact: true }).fill('Saved part.');
  await waitForSaved(page);
  const url = page.url();
  // Keep typing and pull the plug before the debounce can write it.
  await page.getByLabel('Scope', { exact: true }).pressSequentially(' Unsaved tail', { delay: 5 });
  await context.close();

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Crash Test AG');
  const scope = await page.getByLabel('Scope', { exact: true }).inputValue();
  expect(scope.startsWith('Saved part.')).toBe(true);
  expect(' Unsaved tail'.startsWith(scope.slice('Saved part.'.length))).toBe(true);
  await context.close();
});
