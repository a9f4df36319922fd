import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, strToU8, zipSync } from 'fflate';
import { parseTar } from 'nanotar';
import { test, expect, createAssessment } from './fixtures';

const ROOT = path.join(import.meta.dirname, '..', '..');
const NOZOMI = path.join(ROOT, 'test', 'fixtures', 'importers', 'nozomi', 'ibm-car_query_assets.json');

/** Real CSAF files (and sidecars) from the shipped CISA snapshot, by path in the archive. */
function shippedFiles(paths: string[]): Record<string, Uint8Array> {
  const tar = gunzipSync(
    readFileSync(path.join(ROOT, 'assets', 'advisories', 'cisa-csaf-ot-2017-2023.tar.gz')),
  );
  const out: Record<string, Uint8Array> = {};
  for (const entry of parseTar(tar))
    if (paths.includes(entry.name) && entry.data) out[entry.name] = entry.data;
  expect(Object.keys(out).sort()).toEqual([...paths].sort());
  return out;
}

/** The M340 advisory in a later revision, as CISA would republish it (its sidecar then left out). */
function laterRevision(bytes: Uint8Array): Uint8Array {
  const csaf = JSON.parse(new TextDecoder().decode(bytes));
  csaf.document.title = 'Schneider Electric Modicon Controllers (Update B)';
  csaf.document.tracking.version = '3';
  csaf.document.tracking.current_release_date = '2024-02-01T00:00:00.000Z';
  csaf.document.tracking.revision_history.push({
    number: '3',
    date: '2024-02-01T00:00:00.000Z',
    summary: 'Update B',
  });
  return strToU8(JSON.stringify(csaf));
}

test('an imported zip pack is listed with its dates and counts, and its later revision is what matches', async ({
  page,
}, testInfo) => {
  const real = shippedFiles([
    '2019/icsa-19-344-06.json',
    '2019/icsa-19-344-06.json.sha512',
    '2020/icsa-20-016-01.json',
  ]);
  const zipFile = testInfo.outputPath('pack-2024.zip');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    zipFile,
    zipSync({
      '2019/icsa-19-344-06.json': real['2019/icsa-19-344-06.json']!,
      '2019/icsa-19-344-06.json.sha512': real['2019/icsa-19-344-06.json.sha512']!,
      '2024/icsa-20-016-01.json': laterRevision(real['2020/icsa-20-016-01.json']!),
      '2024/broken.json': strToU8('{"document": {"title": "cut off'),
    }),
  );
  const bad = testInfo.outputPath('tampered.zip');
  const tampered = new Uint8Array(real['2019/icsa-19-344-06.json']!);
  tampered[tampered.length - 2] = 0x20;
  writeFileSync(
    bad,
    zipSync({
      'icsa-19-344-06.json': tampered,
      'icsa-19-344-06.json.sha512': real['2019/icsa-19-344-06.json.sha512']!,
    }),
  );

  await page.goto('/');
  await createAssessment(page, { client: 'Acme Foods', site: 'Lyon' });
  const nav = page.getByRole('navigation', { name: 'Workspaces' });
  await nav.getByRole('link', { name: 'Inventory' }).click();
  await page.getByTestId('inventory-file-input').setInputFiles(NOZOMI);
  await page
    .getByRole('dialog', { name: 'Import ibm-car_query_assets.json' })
    .getByRole('button', { name: 'Import' })
    .click();
  await nav.getByRole('link', { name: 'Vulnerabilities' }).click();
  const packs = page.getByRole('region', { name: 'Advisory packs' });
  await expect(packs.getByTestId('advisory-pack').first()).toContainText(
    /Bundled CISA ICS advisories · 2017-\d\d-\d\d to 20\d\d-\d\d-\d\d · 20\d\d advisories/,
  );

  // A checksum that does not match refuses the pack, naming the file.
  await page.getByTestId('advisory-pack-input').setInputFiles(bad);
  await expect(
    page.getByText(/icsa-19-344-06\.json: does not match its checksum in icsa-19-344-06\.json\.sha512/),
  ).toBeVisible();
  await expect(packs.getByTestId('advisory-pack')).toHaveCount(1);

  await page.getByTestId('advisory-pack-input').setInputFiles(zipFile);
  const row = packs.getByTestId('advisory-pack').nth(1);
  await expect(row).toContainText(
    'pack-2024.zip · 2019-12-10 to 2024-02-01 · 2 advisories from 3 files, 1 checksum verified',
  );
  await row.getByText('1 file not read').click();
  await expect(row).toContainText('2024/broken.json: not valid JSON');
  // Matching ran again over both packs: the M340 matches the later revision's title.
  await expect(
    page.getByRole('region', {
      name: /^ICSA-20-016-01 · Schneider Electric Modicon Controllers \(Update B\)/,
    }),
  ).toBeVisible();

  await page.reload();
  await expect(packs.getByTestId('advisory-pack')).toHaveCount(2);
});
