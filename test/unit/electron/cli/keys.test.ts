import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { keyFilePermissionWarning } from '../../../../electron/private-file';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe.runIf(process.platform !== 'win32')('signing key files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keygen --force replaces a world-readable file with a new 0600 file, never writing the key into the old one', async () => {
    const out = join(dir, 'assessor.key');
    writeFileSync(out, 'old contents\n');
    chmodSync(out, 0o644);
    const before = statSync(out).ino;
    const result = await cli('keygen', '--name', 'A', '--email', 'a@example.com', '--out', out, '--force');
    expect(result.code, result.stderr).toBe(0);
    const after = statSync(out);
    expect(after.mode & 0o777).toBe(0o600);
    expect(after.ino).not.toBe(before);
    expect(readFileSync(out, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(await keyFilePermissionWarning(out)).toBeNull();
  });

  it('warns when a key file is readable by others', async () => {
    const out = join(dir, 'shared.key');
    expect((await cli('keygen', '--name', 'A', '--email', 'a@example.com', '--out', out)).code).toBe(0);
    chmodSync(out, 0o644);
    expect(await keyFilePermissionWarning(out)).toBe(
      `${out}: the private key is readable by others (mode 0644); run "chmod 600 ${out}"`,
    );
  });
});
