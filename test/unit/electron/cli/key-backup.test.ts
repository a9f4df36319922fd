import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { loadSigner } from '../../../../electron/cli/signing-key';

const PASSPHRASE = 'four unrelated words here';

async function cli(argv: string[], input: { env?: Record<string, string>; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: input.env ?? {},
    readStdin: async () => input.stdin ?? '',
  });
  return { code, stdout, stderr };
}

describe.runIf(process.platform !== 'win32')('conduit key backup / restore', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-key-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs a key file up under a passphrase from the environment and restores it from stdin', async () => {
    const key = join(dir, 'ada.key');
    const backup = join(dir, 'ada-backup.json');
    const restored = join(dir, 'restored.key');
    expect((await cli(['keygen', '--name', 'Ada', '--email', 'ada@example.com', '--out', key])).code).toBe(0);
    const original = JSON.parse(readFileSync(key, 'utf8')) as { fingerprint: string; privateKey: string };

    const saved = await cli(['key', 'backup', '--key', key, '--out', backup], {
      env: { CONDUIT_KEY_PASSPHRASE: PASSPHRASE },
    });
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toEqual({
      backupFile: backup,
      fingerprint: original.fingerprint,
      email: 'ada@example.com',
    });
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const backupText = readFileSync(backup, 'utf8');
    expect(backupText).not.toContain('PRIVATE KEY');
    expect(backupText).not.toContain(PASSPHRASE);

    const back = await cli(['key', 'restore', '--in', backup, '--out', restored], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ fingerprint: original.fingerprint });
    expect(statSync(restored).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(restored, 'utf8')).privateKey).toBe(original.privateKey);
    expect(readFileSync(`${restored}.pub`, 'utf8')).toBe(readFileSync(`${key}.pub`, 'utf8'));
    expect((await loadSigner(restored)).fingerprint).toBe(original.fingerprint);
  });

  it('refuses a wrong passphrase, a short one, one on the command line, and an existing target', async () => {
    const key = join(dir, 'b.key');
    const backup = join(dir, 'b-backup.json');
    await cli(['keygen', '--name', 'B', '--email', 'b@example.com', '--out', key]);
    const short = await cli(['key', 'backup', '--key', key, '--out', backup], {
      env: { CONDUIT_KEY_PASSPHRASE: 'short' },
    });
    expect(short.code).toBe(64);
    expect(short.stderr).toContain('a backup passphrase has at least 12 characters');
    const onArgv = await cli(['key', 'backup', '--key', key, '--out', backup, '--passphrase', PASSPHRASE]);
    expect(onArgv.code).toBe(64);
    expect(() => statSync(backup)).toThrow();
    await cli(['key', 'backup', '--key', key, '--out', backup], { stdin: PASSPHRASE });

    const again = await cli(['key', 'backup', '--key', key, '--out', backup], { stdin: PASSPHRASE });
    expect(again.code).toBe(64);
    expect(again.stderr).toContain(`${backup} exists already (use --force to overwrite)`);

    const wrong = await cli(['key', 'restore', '--in', backup, '--out', join(dir, 'never.key')], {
      stdin: 'four unrelated words there',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      `${backup}: the passphrase is wrong, or the file was changed since it was written`,
    );
    expect(() => statSync(join(dir, 'never.key'))).toThrow();
    const none = await cli(['key', 'restore', '--in', backup, '--out', join(dir, 'never.key')]);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('the passphrase is empty (from stdin)');
  });
});
