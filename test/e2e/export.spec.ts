import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { generateKeyPairSync, sign } from 'node:crypto';
import { buildBundle, verifyBundle, type BundleSigner } from '../../shared/bundle';
import { RED_PIXEL_PNG } from '../fixtures/rich-assessment';
import { hasCommand } from '../unit/helpers/tools';
import { test, expect } from './fixtures';
import { openRichPlant } from './rich-plant';
import { createSigningKey } from './signing';

/** An Ed25519 signer in this test process: another assessor's key. */
async function nodeSigner(identity: {
  name: string;
  organization: string;
  email: string;
}): Promise<BundleSigner> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    ...identity,
    publicKey: new Uint8Array(raw),
    sign: async (data) => new Uint8Array(sign(null, data, privateKey)),
  };
}

test('create a signing key, export the signed bundle, verify it, and see a tampered copy rejected', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const rich = await openRichPlant(page, 'Export');
  await expect(page.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible();

  // Signing identity: created once, fingerprint and public key shown, .pub exported.
  await createSigningKey(page);
  const fingerprint = (await page.getByTestId('signing-fingerprint').textContent())!;
  expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  const publicKey = await page.getByLabel('Public key (OpenSSH)').inputValue();
  expect(publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\S+ ana@example\.com$/);

  const dir = mkdtempSync(join(tmpdir(), 'conduit-e2e-export-'));
  try {
    const pubDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export public key (.pub)' }).click();
    const pubFile = join(dir, (await pubDownload).suggestedFilename());
    await (await pubDownload).saveAs(pubFile);
    expect(readFileSync(pubFile, 'utf8')).toBe(`${publicKey}\n`);
    if (hasCommand('ssh-keygen')) {
      const listed = spawnSync('ssh-keygen', ['-lf', pubFile], { encoding: 'utf8' });
      expect(listed.stdout.split(' ')[1]).toBe(fingerprint);
    }

    // The bundle, built in a worker with a progress bar, downloaded.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Build signed bundle…' }).click();
    await expect(page.getByRole('progressbar', { name: 'Building the signed bundle' })).toBeVisible();
    const bundleDownload = await download;
    expect(bundleDownload.suggestedFilename()).toMatch(
      /^fromagerie-muller-sa-plant-zurich-nord-ot-assessment-\d{4}-\d{2}-\d{2}\.zip$/,
    );
    const zipFile = join(dir, bundleDownload.suggestedFilename());
    await bundleDownload.saveAs(zipFile);
    const zipBytes = new Uint8Array(readFileSync(zipFile));

    const verified = await verifyBundle(zipBytes);
    expect(verified.problems).toEqual([]);
    expect(verified.valid).toBe(true);
    expect(verified.signer).toEqual({
      name: 'Ana Ödegaard',
      organization: 'Sécurité OT',
      email: 'ana@example.com',
      fingerprint,
    });
    const entries = unzipSync(zipBytes);
    const folder = Object.keys(entries)[0]!.split('/')[0]!;
    expect(Object.keys(entries)).toContain(`${folder}/report/report.pdf`);
    expect(Object.keys(entries)).toContain(`${folder}/report/report.docx`);
    expect(Object.keys(entries)).toContain(`${folder}/data/findings.xlsx`);
    // The diagram: the SVG, and a PNG the page rasterised from it.
    expect(new TextDecoder().decode(entries[`${folder}/diagram/zones.svg`])).toContain('Industrial DMZ');
    const png = entries[`${folder}/diagram/zones.png`]!;
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    // The system's tools agree.
    if (hasCommand('ssh-keygen') && hasCommand('sha256sum')) {
      const into = join(dir, 'extracted');
      for (const [path, bytes] of Object.entries(entries)) {
        const target = join(into, path);
        rmSync(target, { force: true });
        spawnSync('mkdir', ['-p', join(target, '..')]);
        writeFileSync(target, bytes);
      }
      const root = join(into, folder);
      const signature = spawnSync(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          'allowed_signers',
          '-I',
          'ana@example.com',
          '-n',
          'ot-assessment@conduit',
          '-s',
          'SHA256SUMS.sig',
        ],
        { cwd: root, input: readFileSync(join(root, 'SHA256SUMS')), encoding: 'utf8' },
      );
      expect(signature.status, signature.stderr).toBe(0);
      expect(signature.stdout).toContain(fingerprint);
      const sums = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: root, encoding: 'utf8' });
      expect(sums.status, sums.stdout + sums.stderr).toBe(0);
      expect(sums.stdout).toContain('report/report.pdf: OK');
      expect(sums.stdout).toContain('report/report.docx: OK');
      expect(sums.stdout).toContain('data/findings.xlsx: OK');
      if (hasCommand('pdftotext')) {
        const text = spawnSync('pdftotext', [join(root, 'report/report.pdf'), '-'], {
          encoding: 'utf8',
        }).stdout;
        expect(text).toContain('Fromagerie Müller SA');
        expect(text).toContain(fingerprint);
        for (const zone of rich.zones) expect(text).toContain(zone.name);
      }
    }
    expect(readdirSync(dir).length).toBeGreaterThan(0);

    // The app's verifier: the good bundle is valid...
    const dropZip = async (name: string, bytes: Uint8Array) => {
      const dataTransfer = await page.evaluateHandle(
        ({ name, base64 }) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([data], name, { type: 'application/zip' }));
          return transfer;
        },
        { name, base64: Buffer.from(bytes).toString('base64') },
      );
      await page.getByTestId('verify-drop').dispatchEvent('drop', { dataTransfer });
    };
    await dropZip('good.zip', zipBytes);
    const result = page.getByTestId('verify-result');
    await expect(result).toContainText('good.zip is valid');
    await expect(result).toContainText('Signed with your own signing key.');
    await expect(result).toContainText(fingerprint);
    await expect(result).toContainText('Ana Ödegaard');
    // In the user's locale, not raw ISO.
    const signedAtShown = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        ),
      verified.signedAt!,
    );
    await expect(result).toContainText(signedAtShown);
    await expect(result).not.toContainText(verified.signedAt!);

    // ...and a copy with one byte of the data changed is rejected, naming the file.
    const tampered = { ...entries };
    const csvPath = `${folder}/data/zones.csv`;
    const csv = Uint8Array.from(tampered[csvPath]!);
    csv[csv.length - 2] = csv[csv.length - 2]! ^ 0x01;
    tampered[csvPath] = csv;
    await dropZip('tampered.zip', zipSync(tampered));
    await expect(result).toContainText('tampered.zip is NOT valid');
    await expect(result.getByRole('list', { name: 'Files that do not match' })).toContainText(
      'data/zones.csv: changed',
    );
    // Said once: the file list names it, the problems do not repeat it.
    await expect(result.getByText(/zones\.csv/)).toHaveCount(1);

    // Something that is not a bundle at all says so, with no empty signer or file count.
    await dropZip('notes.pdf', new TextEncoder().encode('%PDF-1.7 a report, not a bundle'));
    await expect(result).toContainText('notes.pdf is not a Conduit bundle');
    await expect(result).toContainText('It is not a zip archive.');
    await expect(result).not.toContainText('Fingerprint');
    await expect(result).not.toContainText('unknown');

    // A bundle by another assessor: signed by an unknown key, not checked until the user compares the
    // fingerprint received separately and trusts it; then checked in full.
    const colleague = await nodeSigner({
      name: 'Bo Lindqvist',
      organization: 'Nordic OT',
      email: 'bo@example.com',
    });
    const theirs = await buildBundle({ data: rich, signer: colleague, signedAt: '2026-03-06T17:00:00Z' });
    await dropZip('colleague.zip', theirs.bytes);
    await expect(result).toContainText('colleague.zip is signed by an unknown key');
    const standing = page.getByTestId('signer-standing');
    await expect(standing).toContainText('Signed by an unknown key.');
    // Refused before any file was hashed (the app pins the signers it trusts), naming who it claims to be.
    await expect(standing).toContainText('The bundle says it is from Bo Lindqvist, Nordic OT');
    await expect(standing).toContainText('Its files were not checked.');
    await expect(result).toContainText(theirs.fingerprint);
    const trust = standing.getByRole('button', { name: 'Trust this signer' });
    await expect(trust).toBeDisabled();
    const received = standing.getByLabel(/Fingerprint the signer gave you separately/);
    await received.fill(fingerprint);
    await expect(standing).toContainText("That is not this bundle's fingerprint");
    await expect(trust).toBeDisabled();
    await received.fill(theirs.fingerprint);
    await trust.click();
    await expect(result).toContainText('colleague.zip is valid');
    await expect(standing).toContainText('Signed by a known signer: Bo Lindqvist, Nordic OT');

    // A forgery in the colleague's name, with another key: loudly unknown, with a warning.
    const forger = await nodeSigner({
      name: 'Bo Lindqvist',
      organization: 'Nordic OT',
      email: 'bo@example.com',
    });
    const forged = await buildBundle({ data: rich, signer: forger, signedAt: '2026-03-06T17:00:00Z' });
    await dropZip('forged.zip', forged.bytes);
    await expect(result).toContainText('forged.zip is signed by an unknown key');
    await expect(standing).toContainText(`you trust another key for this signer (${theirs.fingerprint})`);
    // Trusted signers survive a reload (they live in the settings table).
    await page.reload();
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
    await dropZip('colleague.zip', theirs.bytes);
    await expect(result).toContainText('colleague.zip is valid');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report branding and finding settings persist, validate, and reach the DOCX and XLSX in the bundle', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const rich = await openRichPlant(page, 'Export');
  const settings = page.getByTestId('report-settings');

  // A file that is no image is refused with its name; a PNG is taken and shown.
  const logoInput = settings.getByLabel('Client logo (PNG or JPEG)');
  await logoInput.setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not a png'),
  });
  await expect(settings).toContainText('notes.png is not a PNG or JPEG image');
  await logoInput.setInputFiles({
    name: 'client-logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(RED_PIXEL_PNG),
  });
  await expect(settings.getByTestId('report-logo')).toBeVisible();
  await expect(settings).toContainText('client-logo.png · 1×1 px');

  // An accent too light for white text is refused; a dark one is kept.
  const accent = settings.getByLabel('Accent colour', { exact: true });
  await accent.fill('#ffee00');
  await expect(settings).toContainText('is too light against white');
  await accent.fill('#7A1F5C');
  await accent.blur();

  const fr4 = settings.getByLabel('FR4 Data confidentiality weight');
  await fr4.fill('9');
  await expect(settings).toContainText('a number from 0 to 3');
  await fr4.fill('0.4');
  const capacity = settings.getByLabel('Roadmap capacity per quarter (effort points)');
  await capacity.fill('0');
  await expect(settings).toContainText('a whole number of effort points');
  await capacity.fill('6');
  await capacity.blur();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();

  // All of it survives a reload (it lives on the assessment record).
  await page.reload();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(settings.getByTestId('report-logo')).toBeVisible();
  await expect(settings.getByLabel('Accent colour', { exact: true })).toHaveValue('#7a1f5c');
  await expect(settings.getByLabel('FR4 Data confidentiality weight')).toHaveValue('0.4');
  await expect(settings.getByLabel('Roadmap capacity per quarter (effort points)')).toHaveValue('6');

  // The Findings workspace plans with the new capacity.
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('button', { name: 'Roadmap' }).click();
  await expect(page.getByText('at most 6 effort points a quarter')).toBeVisible();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();

  await createSigningKey(page, { name: 'Ana Ödegaard', email: 'ana@example.com' });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Build signed bundle…' }).click();
  const zipBytes = new Uint8Array(readFileSync(await (await download).path()));
  const verified = await verifyBundle(zipBytes);
  expect(verified.problems).toEqual([]);
  const entries = unzipSync(zipBytes);
  const folder = Object.keys(entries)[0]!.split('/')[0]!;
  const docx = unzipSync(entries[`${folder}/report/report.docx`]!);
  const document = new TextDecoder().decode(docx['word/document.xml']);
  expect(document).toContain('Fromagerie Müller SA');
  for (const zone of rich.zones) expect(document).toContain(zone.name.replace(/&/g, '&amp;'));
  // The client's accent on Heading 1 and its logo as an image.
  expect(new TextDecoder().decode(docx['word/styles.xml'])).toContain('<w:color w:val="7A1F5C"/>');
  expect(Object.keys(docx).some((name) => name.startsWith('word/media/'))).toBe(true);
  const xlsx = unzipSync(entries[`${folder}/data/findings.xlsx`]!);
  expect(new TextDecoder().decode(xlsx['xl/workbook.xml'])).toContain('name="Findings"');
  expect(new TextDecoder().decode(xlsx['xl/styles.xml'])).toContain('FF7A1F5C');
  const sums = new TextDecoder().decode(entries[`${folder}/SHA256SUMS`]);
  expect(sums).toContain('  report/report.docx\n');
  expect(sums).toContain('  data/findings.xlsx\n');
});
