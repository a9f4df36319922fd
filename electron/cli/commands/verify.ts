import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BundleUnreadableError, verifyBundle, type Sha256Factory } from '../../../shared/bundle';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';

/** Node's native incremental SHA-256: several times the pure-JS one. */
const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') };
};

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

export const verifyCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { fingerprint: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('verify takes exactly one bundle');
    const expected = values.fingerprint?.trim();
    if (expected !== undefined && !FINGERPRINT.test(expected)) {
      throw new CliUsageError(
        `--fingerprint "${expected}" is not an SSH key fingerprint (SHA256: and 43 base64 characters, as ssh-keygen -l prints)`,
      );
    }
    const unreadable = (message: string): number => {
      io.stderr(`${file}: ${message}\n`);
      printJson(io, { valid: false, signer: null, signedAt: null, files: 0, problems: [message] });
      return EXIT.unreadable;
    };
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      return unreadable(
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message,
      );
    }
    try {
      const result = await verifyBundle(bytes, { fingerprint: expected, sha256: nodeSha256 });
      for (const problem of result.problems) io.stderr(`${file}: ${problem}\n`);
      if (result.valid) {
        const who = `${result.signer.name} <${result.signer.email}> with key ${result.signer.fingerprint}`;
        io.stderr(
          expected
            ? `${file}: valid, signed by ${who}, the fingerprint you gave\n`
            : `${file}: valid, signed by ${who}\n` +
                'Compare that fingerprint with the one you received from the signer separately,\n' +
                'or pass it with --fingerprint to have it checked.\n',
        );
      }
      const { valid, signer, signedAt, files, problems } = result;
      const fingerprintChecked = expected === undefined ? null : signer.fingerprint === expected;
      printJson(io, { valid, signer, signedAt, files, fingerprintChecked, problems });
      return valid ? EXIT.ok : EXIT.invalid;
    } catch (error) {
      if (error instanceof BundleUnreadableError) return unreadable(error.message);
      throw error;
    }
  },
};
