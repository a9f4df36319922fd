import { access, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { writePrivateFile } from '../../private-file';
import { generateKeyFile } from '../signing-key';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export const keygenCommand: CliCommandModule = {
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        org: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
      strict: true,
    });
    if (!values.name?.trim() || !values.email || !values.out) {
      throw new CliUsageError('--name, --email and --out are required');
    }
    if (!z.email().safeParse(values.email).success)
      throw new CliUsageError(`"${values.email}" is not an email address`);
    const keyFile = await generateKeyFile({
      name: values.name.trim(),
      organization: values.org?.trim() ?? '',
      email: values.email,
    });
    const out = values.out;
    // Refuse before writing anything, so that a key never lands without its .pub (or the reverse).
    if (!values.force) {
      for (const file of [out, `${out}.pub`]) {
        if (await exists(file)) throw new CliUsageError(`${file} exists already (use --force to overwrite)`);
      }
    }
    const flag = values.force ? 'w' : 'wx';
    await writePrivateFile(out, JSON.stringify(keyFile, null, 2) + '\n', {
      overwrite: Boolean(values.force),
    });
    await writeFile(`${out}.pub`, `${keyFile.publicKey}\n`, { mode: 0o644, flag });
    io.stderr(`wrote ${out} (private, keep it safe) and ${out}.pub\n`);
    printJson(io, {
      keyFile: values.out,
      publicKeyFile: `${values.out}.pub`,
      name: keyFile.name,
      organization: keyFile.organization,
      email: keyFile.email,
      publicKey: keyFile.publicKey,
      fingerprint: keyFile.fingerprint,
    });
    return EXIT.ok;
  },
};
