import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a private key file so that it is never readable by others, not even for a moment: a
 * new file created 0600 next to the target, then renamed over it. (Writing into an existing file
 * keeps that file's mode until a later chmod.)
 */
export async function writePrivateFile(
  file: string,
  contents: string,
  options: { overwrite: boolean },
): Promise<void> {
  if (!options.overwrite) {
    await writeFile(file, contents, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600); // the umask may have taken bits away, never added any; be exact
    return;
  }
  const temp = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, contents, { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o600);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A warning when others can read the key file (group or world bits), or null. Not on Windows, which has no such bits. */
export async function keyFilePermissionWarning(file: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const { mode } = await stat(file);
  if ((mode & 0o077) === 0) return null;
  return `${file}: the private key is readable by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); run "chmod 600 ${file}"`;
}
