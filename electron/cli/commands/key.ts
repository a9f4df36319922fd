import { access, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MIN_BACKUP_PASSPHRASE } from '../../../shared/bridge-validation';
import { decryptKeyBackup, encryptKeyBackup } from '../../key-backup';
import { writePrivateFile } from '../../private-file';
import { CliUsageError, EXIT, printJson, type CliCommandModule, type CliIo } from '../command';
import { KEY_FILE_FORMAT, readKeyFile, type KeyFile } from '../signing-key';

export const PASSPHRASE_ENV = 'CONDUIT_KEY_PASSPHRASE';

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliUsageError(
      `no passphrase: set ${PASSPHRASE_ENV}, or pipe it on stdin (it is never read from the command line)`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The passphrase from the environment, or else the first line of stdin; never from argv. */
async function passphrase(io: CliIo): Promise<string> {
  const fromEnv = (io.env ?? process.env)[PASSPHRASE_ENV];
  const value = fromEnv ?? (await (io.readStdin ?? readProcessStdin)()).split(/\r?\n/)[0]!;
  if (!value)
    throw new CliUsageError(
      `the passphrase is empty (from ${fromEnv === undefined ? 'stdin' : PASSPHRASE_ENV})`,
    );
  return value;
}

async function refuseExisting(files: string[], force: boolean | undefined): Promise<void> {
  if (force) return;
  for (const file of files) {
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliUsageError(`${file} exists already (use --force to overwrite)`);
  }
}

async function backup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { key: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  if (!values.key || !values.out) throw new CliUsageError('--key and --out are required');
  const { keyFile } = await readKeyFile(values.key);
  await refuseExisting([values.out], values.force);
  const secret = await passphrase(io);
  if (secret.length < MIN_BACKUP_PASSPHRASE) {
    throw new CliUsageError(`a backup passphrase has at least ${MIN_BACKUP_PASSPHRASE} characters`);
  }
  const { format: _format, version: _version, privateKey, ...identity } = keyFile;
  const text = await encryptKeyBackup(privateKey, identity, secret);
  await writePrivateFile(values.out, text, { overwrite: Boolean(values.force) });
  io.stderr(
    `wrote ${values.out} (the key, encrypted with your passphrase; keep it away from this computer)\n`,
  );
  printJson(io, { backupFile: values.out, fingerprint: keyFile.fingerprint, email: keyFile.email });
  return EXIT.ok;
}

async function restore(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { in: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  if (!values.in || !values.out) throw new CliUsageError('--in and --out are required');
  const backupText = await readFile(values.in, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${values.in}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  await refuseExisting([values.out, `${values.out}.pub`], values.force);
  const { identity, privateKeyPem } = await decryptKeyBackup(backupText, await passphrase(io), values.in);
  const keyFile: KeyFile = { format: KEY_FILE_FORMAT, version: 1, ...identity, privateKey: privateKeyPem };
  await writePrivateFile(values.out, JSON.stringify(keyFile, null, 2) + '\n', {
    overwrite: Boolean(values.force),
  });
  await writeFile(`${values.out}.pub`, `${identity.publicKey}\n`, {
    mode: 0o644,
    flag: values.force ? 'w' : 'wx',
  });
  io.stderr(`restored ${values.out} (private, mode 0600) and ${values.out}.pub\n`);
  printJson(io, {
    keyFile: values.out,
    publicKeyFile: `${values.out}.pub`,
    name: identity.name,
    email: identity.email,
    fingerprint: identity.fingerprint,
  });
  return EXIT.ok;
}

export const keyCommand: CliCommandModule = {
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'backup') return backup(rest, io);
    if (action === 'restore') return restore(rest, io);
    throw new CliUsageError(action ? `unknown action "${action}" (backup or restore)` : 'backup or restore?');
  },
};
