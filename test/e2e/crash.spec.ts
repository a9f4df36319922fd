import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { test, expect, createAssessment, waitForSaved } from './fixtures';

/*
 * Power-cut tests: the browser process is SIGKILLed (no unload, no graceful close) with a
 * persistent profile, then started again on the same profile.
 */

/** The pid of the browser process (not a renderer or helper: those carry --type=) using this profile. */
function browserPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.filter((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='));
  expect(main, 'one browser process for the profile').toHaveLength(1);
  return Number(main[0]!.trim().split(/\s+/)[0]);
}

async function kill(context: BrowserContext, profile: string): Promise<void> {
  process.kill(browserPid(profile), 'SIGKILL');
  await context.close().catch(() => {});
}

async function launch(profile: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

test('a SIGKILL in the middle of editing keeps every edit saved before it', async ({ baseURL }) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'conduit-profile-'));
  try {
    let { context, page } = await launch(profile, baseURL!);
    await page.goto('/');
    await createAssessment(page, { client: 'Crash Test AG', site: 'Basel' });
    const scope = page.getByLabel('Scope', { exact: true });
    await scope.fill('First edit.');
    await waitForSaved(page);
    await page.getByLabel('Client', { exact: true }).fill('Crash Test AG (Werk 2)');
    await waitForSaved(page);
    await scope.fill('Saved part.');
    await waitForSaved(page);
    const url = page.url();
    // Keep typing and pull the plug at once, before the debounced write.
    await scope.pressSequentially(' Unsaved tail');
    await kill(context, profile);

    ({ context, page } = await launch(profile, baseURL!));
    await page.goto(url);
    await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Crash Test AG (Werk 2)');
    // The saved edits all survived; the tail is either not written at all or written whole.
    expect(['Saved part.', 'Saved part. Unsaved tail']).toContain(
      await page.getByLabel('Scope').inputValue(),
    );
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a SIGKILL during a 100,000-row import leaves all of it or none of it', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'conduit-profile-'));
  const csv = path.join(profile, '..', `${path.basename(profile)}-assets.csv`);
  const rows = 100_000;
  const lines = ['ip,name'];
  for (let i = 0; i < rows; i++) lines.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},plc-${i}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  try {
    let { context, page } = await launch(profile, baseURL!);
    await page.goto('/');
    await createAssessment(page, { client: 'Import Kill AG', site: 'Zug' });
    await page.getByLabel('Scope', { exact: true }).fill('Written before the import.');
    await waitForSaved(page);
    const url = page.url();
    await page
      .getByRole('navigation', { name: 'Workspaces' })
      .getByRole('link', { name: 'Inventory' })
      .click();
    await page.getByTestId('inventory-file-input').setInputFiles(csv);
    const dialog = page.getByRole('dialog', { name: `Import ${path.basename(csv)}` });
    await expect(dialog.getByTestId('import-counts')).toContainText('100,000 assets', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.waitForTimeout(300);
    await kill(context, profile);

    ({ context, page } = await launch(profile, baseURL!));
    await page.goto(url);
    await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('Written before the import.');
    await page
      .getByRole('navigation', { name: 'Workspaces' })
      .getByRole('link', { name: 'Inventory' })
      .click();
    const count = page.getByTestId('inventory-count');
    await expect(count).toHaveText(/assets?$/, { timeout: 60_000 });
    const assets = Number((await count.textContent())!.replace(/\D/g, ''));
    expect([0, rows]).toContain(assets);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(csv, { force: true });
  }
});
