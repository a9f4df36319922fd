import { readFileSync } from 'node:fs';
import { parseAssessmentFile, serializeAssessmentFile } from '../../shared/model';
import { richAssessment } from '../fixtures/rich-assessment';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

async function importFile(page: Page, name: string, contents: string | Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

async function exportFrom(page: Page, card: ReturnType<Page['getByTestId']>) {
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('an exported assessment file imports as an identical assessment', async ({ page }) => {
  const rich = await richAssessment();
  const original = serializeAssessmentFile(rich, { exportedAt: '2026-03-05T10:00:00.000Z' });

  await page.goto('/');
  await importFile(page, 'fromagerie.conduit.json', original);
  await expect(page.getByText('Imported “Fromagerie Müller — Œuvre 2026”')).toBeVisible();
  const card = page.getByTestId('assessment-card').filter({ hasText: 'Fromagerie Müller' });
  await expect(card).toContainText('Plant Zürich-Nord');

  // Out through IndexedDB, Blobs included, and back: byte for byte the same content.
  const exported = await exportFrom(page, card);
  expect(exported.name).toBe('fromagerie-muller-sa-plant-zurich-nord.conduit.json');
  const data = await parseAssessmentFile(exported.text);
  expect(data).toEqual(rich);
  expect(serializeAssessmentFile(data, { exportedAt: '2026-03-05T10:00:00.000Z' })).toBe(original);

  // Delete it, import the exported file, and it is back as it was.
  await card.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('assessment-card')).toHaveCount(0);
  await importFile(page, exported.name, exported.text);
  await expect(page.getByTestId('assessment-card')).toHaveCount(1);
  await page.reload();
  const again = await exportFrom(page, page.getByTestId('assessment-card').first());
  expect(await parseAssessmentFile(again.text)).toEqual(rich);
});

test('a damaged or foreign file gets a clear message and changes nothing', async ({ page }) => {
  await page.goto('/');
  const rich = await richAssessment();
  await importFile(page, 'plant.conduit.json', serializeAssessmentFile(rich));
  await expect(page.getByTestId('assessment-card')).toHaveCount(1);

  const truncated = serializeAssessmentFile({
    ...rich,
    assessment: { ...rich.assessment, id: 'other-id' },
  }).slice(0, 900);
  await importFile(page, 'truncated.conduit.json', truncated);
  await expect(page.getByRole('alert')).toContainText(
    'truncated.conduit.json was not imported. The file is not valid JSON',
  );

  const raw = JSON.parse(
    serializeAssessmentFile({ ...rich, assessment: { ...rich.assessment, id: 'another-id' } }),
  );
  raw.zones[3].slt.base = 7;
  await importFile(page, 'tampered.conduit.json', JSON.stringify(raw));
  await expect(page.getByRole('alert').filter({ hasText: 'tampered.conduit.json' })).toContainText(
    'zones[3].slt.base',
  );

  await importFile(page, 'geo.json', JSON.stringify({ type: 'FeatureCollection', features: [] }));
  await expect(page.getByRole('alert').filter({ hasText: 'geo.json' })).toContainText(
    'not a Conduit assessment file',
  );

  await importFile(page, 'photo.conduit.json', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
  await expect(page.getByRole('alert').filter({ hasText: 'photo.conduit.json' })).toContainText(
    'not UTF-8 text',
  );

  await page.reload();
  await expect(page.getByTestId('assessment-card')).toHaveCount(1);
});
