import type { DesktopApi } from '../../shared/bridge';
import { test, expect } from './fixtures';

test('the browser host explains where the signing key lives, offers no backup, and asks before replacing it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible();

  // Before a key exists: where it will live, and what clearing site data and losing it mean.
  const safety = page.getByTestId('key-safety');
  await expect(safety).toContainText('The private key lives in this browser profile, on this computer only.');
  await expect(safety.getByRole('note')).toContainText("Clearing this site's data");
  await expect(safety.getByRole('note')).toContainText('deletes the key');
  await expect(safety).toContainText('bundles you have already sent still verify');
  await expect(safety).toContainText('a new fingerprint, which you must give the client again');
  await expect(safety).toContainText('cannot be backed up');
  await expect(safety).toContainText('use the desktop app');
  await expect(page.getByRole('button', { name: 'Restore from backup…' })).toHaveCount(0);

  const form = page.getByRole('form', { name: 'Create signing key' });
  await form.getByLabel('Name').fill('Ana Ödegaard');
  await form.getByLabel('Email').fill('ana@example.com');
  await form.getByRole('button', { name: 'Create signing key' }).click();
  const fingerprint = page.getByTestId('signing-fingerprint');
  await expect(fingerprint).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
  const first = (await fingerprint.textContent())!;

  // With a key: still explained, and no backup button in the browser (the key is non-extractable).
  await expect(page.getByTestId('key-safety')).toContainText('cannot be backed up');
  await expect(page.getByRole('button', { name: 'Back up the signing key…' })).toHaveCount(0);

  // Replace asks first, naming the current fingerprint; Cancel keeps the key.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the signing key?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('replaced-fingerprint')).toHaveText(first);
  await expect(confirm).toContainText('The browser cannot back it up, so it is gone for good.');
  await expect(confirm).toContainText('Bundles already signed with it still verify.');
  await expect(confirm.getByRole('button', { name: 'Back up first…' })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(fingerprint).toHaveText(first);
  await expect(page.getByRole('form', { name: 'Create signing key' })).toHaveCount(0);

  // Escape also keeps it.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(fingerprint).toHaveText(first);

  // Confirmed: a new key, with a new fingerprint, survives a reload.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  await confirm.getByRole('button', { name: 'Replace the key' }).click();
  const again = page.getByRole('form', { name: 'Create signing key' });
  await again.getByLabel('Name').fill('Ana Ödegaard');
  await again.getByLabel('Email').fill('ana@example.com');
  await again.getByRole('button', { name: 'Create signing key' }).click();
  await expect(fingerprint).toHaveText(/^SHA256:/);
  const second = (await fingerprint.textContent())!;
  expect(second).not.toBe(first);
  await page.reload();
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(second);
});

/**
 * The desktop host's panel, against a stand-in for the preload's window.desktop (no Electron
 * binary here). The stand-in keeps the host's contract: inspect stores nothing, a wrong
 * passphrase is refused with the host's message, restore replaces. The host itself is tested on
 * real files in test/unit/electron/key-backup.test.ts.
 */
test('the desktop host backs the key up with a passphrase typed twice, and restores only after showing what it replaces', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls: { method: string; payload?: unknown }[] = [];
    const current = {
      name: 'Ana Ödegaard',
      organization: '',
      email: 'ana@example.com',
      publicKey:
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICurrentCurrentCurrentCurrentCurrentCurrentCu ana@example.com',
      fingerprint: 'SHA256:CurrentKeyCurrentKeyCurrentKeyCurrentKey000',
      createdAt: '2026-11-30T09:00:00.000Z',
      protection: 'os-keychain' as const,
    };
    const inBackup = {
      ...current,
      publicKey:
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBackupBackupBackupBackupBackupBackupBackupBa ana@example.com',
      fingerprint: 'SHA256:BackedUpKeyBackedUpKeyBackedUpKeyBackedUp00',
      createdAt: '2025-03-01T09:00:00.000Z',
    };
    let stored: typeof current | null = current;
    const record = (method: string, payload?: unknown) => calls.push({ method, payload });
    (window as unknown as { __desktopCalls: typeof calls }).__desktopCalls = calls;
    const refuse = (message: string) => Promise.reject(new Error(message));
    const desktop: DesktopApi = {
      openFiles: async (options) => {
        record('openFiles', options);
        return [
          {
            name: 'ana-conduit-key-backup.json',
            bytes: new TextEncoder().encode('{"format":"conduit-signing-key-backup"}'),
          },
        ];
      },
      saveFile: async () => ({ saved: false }),
      getSigningIdentity: async () => stored,
      createSigningKey: () => refuse('not in this test'),
      sign: () => refuse('not in this test'),
      deleteSigningKey: async () => undefined,
      backupSigningKey: async (request) => {
        record('backupSigningKey', request);
        return { saved: true, path: '/home/ana/ana-conduit-key-backup.json' };
      },
      inspectKeyBackup: async (request) => {
        record('inspectKeyBackup', request);
        if (request.passphrase !== 'four unrelated words here')
          return refuse(
            'ana-conduit-key-backup.json: the passphrase is wrong, or the file was changed since it was written',
          );
        const { protection: _p, ...identity } = inBackup;
        return { identity, replaces: stored?.fingerprint ?? null };
      },
      restoreSigningKey: async (request) => {
        record('restoreSigningKey', request);
        stored = inBackup;
        return inBackup;
      },
      openExternal: async () => false,
      openSha256: async () => null,
      updateSha256: () => refuse('no native hash'),
      digestSha256: () => refuse('no native hash'),
    };
    (window as unknown as { desktop: DesktopApi }).desktop = desktop;
  });
  const calls = () =>
    page.evaluate(() =>
      (
        window as unknown as { __desktopCalls: { method: string; payload?: { passphrase?: string } }[] }
      ).__desktopCalls.map((c) => `${c.method}${c.payload?.passphrase ? `:${c.payload.passphrase}` : ''}`),
    );

  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo plant' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(
    'SHA256:CurrentKeyCurrentKeyCurrentKeyCurrentKey000',
  );
  const safety = page.getByTestId('key-safety');
  await expect(safety).toContainText('The private key lives on this computer only');
  await expect(safety).toContainText('bundles you have already sent still verify');
  await expect(safety).not.toContainText('browser profile');

  // Replace offers the backup first; the backup asks for the passphrase twice, with a hint.
  await page.getByRole('button', { name: 'Replace key…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the signing key?' });
  await expect(confirm.getByTestId('replaced-fingerprint')).toHaveText(
    'SHA256:CurrentKeyCurrentKeyCurrentKeyCurrentKey000',
  );
  await confirm.getByRole('button', { name: 'Back up first…' }).click();
  const backup = page.getByRole('form', { name: 'Back up the signing key' });
  await expect(backup.getByText('At least 12 characters.')).toBeVisible();
  await backup.getByLabel('Backup passphrase').fill('aaaaaaaaaaaaaa');
  await expect(backup.getByText(/^Weak:/)).toBeVisible();
  await backup.getByLabel('Backup passphrase').fill('four unrelated words here');
  await expect(backup.getByText('Strong.')).toBeVisible();
  await backup.getByLabel('Repeat the passphrase').fill('four unrelated words there');
  await expect(backup.getByText('The two passphrases differ.')).toBeVisible();
  await backup.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(backup.getByRole('alert')).toHaveText('The two passphrases differ.');
  expect(await calls()).toEqual([]);
  await backup.getByLabel('Repeat the passphrase').fill('four unrelated words here');
  await backup.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(
    page.getByText('Signing key backed up to /home/ana/ana-conduit-key-backup.json'),
  ).toBeVisible();
  expect(await calls()).toEqual(['backupSigningKey:four unrelated words here']);
  // Back at the confirmation, which still keeps the key on Cancel.
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Restore: a wrong passphrase is refused with the host's message; the right one shows both fingerprints.
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore the signing key from a backup' });
  await restore.getByRole('button', { name: 'Choose backup file…' }).click();
  await expect(restore.getByText('ana-conduit-key-backup.json')).toBeVisible();
  await restore.getByLabel('Backup passphrase').fill('not the passphrase');
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await expect(restore.getByRole('alert')).toHaveText(
    'ana-conduit-key-backup.json: the passphrase is wrong, or the file was changed since it was written',
  );
  await restore.getByLabel('Backup passphrase').fill('four unrelated words here');
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await expect(restore.getByTestId('backup-fingerprint')).toHaveText(
    'SHA256:BackedUpKeyBackedUpKeyBackedUpKeyBackedUp00',
  );
  await expect(restore.getByRole('note')).toContainText(
    'Restoring replaces the current key, fingerprint SHA256:CurrentKeyCurrentKeyCurrentKeyCurrentKey000',
  );
  expect((await calls()).filter((c) => c.startsWith('restore'))).toEqual([]);
  await restore.getByRole('button', { name: 'Replace with this key' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(
    'SHA256:BackedUpKeyBackedUpKeyBackedUpKeyBackedUp00',
  );
  expect((await calls()).slice(-1)).toEqual(['restoreSigningKey:four unrelated words here']);
});
