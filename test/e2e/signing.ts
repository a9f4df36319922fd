import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';

export interface Signer {
  name: string;
  organization?: string;
  email: string;
}

export const ANA: Signer = { name: 'Ana Ödegaard', organization: 'Sécurité OT', email: 'ana@example.com' };

/** Fills the Export workspace's "Create signing key" form, as an assessor does, and submits it. */
export async function createSigningKey(page: Page, signer: Signer = ANA): Promise<void> {
  const form = page.getByRole('form', { name: 'Create signing key' });
  await form.getByLabel('Name').fill(signer.name);
  if (signer.organization) await form.getByLabel('Organization').fill(signer.organization);
  await form.getByLabel('Email').fill(signer.email);
  await form.getByRole('button', { name: 'Create signing key' }).click();
}

/** A downloaded bundle's files, read by their path inside its top folder. */
export interface DownloadedBundle {
  entries: Record<string, Uint8Array>;
  file: (path: string) => Uint8Array;
  text: (path: string) => string;
}

/** Clicks "Build signed bundle…" and reads the zip the browser downloads. */
export async function buildSignedBundle(page: Page): Promise<DownloadedBundle> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Build signed bundle…' }).click();
  const entries = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
  const folder = Object.keys(entries)[0]!.split('/')[0]!;
  const file = (path: string) => {
    const bytes = entries[`${folder}/${path}`];
    if (!bytes) throw new Error(`the bundle has no ${path}`);
    return bytes;
  };
  return { entries, file, text: (path) => new TextDecoder().decode(file(path)) };
}
