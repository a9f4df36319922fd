import { readFile } from 'node:fs/promises';
import { BundleUnreadableError, verifyBundle } from '../../../shared/bundle';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';

export const verifyCommand: CliCommandModule = {
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('verify takes exactly one bundle');
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
      const result = await verifyBundle(bytes);
      for (const problem of result.problems) io.stderr(`${file}: ${problem}\n`);
      if (result.valid) {
        io.stderr(
          `${file}: valid, signed by ${result.signer.name} <${result.signer.email}> with key ${result.signer.fingerprint}\n` +
            'Compare that fingerprint with the one you received from the signer separately.\n',
        );
      }
      const { valid, signer, signedAt, files, problems } = result;
      printJson(io, { valid, signer, signedAt, files, problems });
      return valid ? EXIT.ok : EXIT.invalid;
    } catch (error) {
      if (error instanceof BundleUnreadableError) return unreadable(error.message);
      throw error;
    }
  },
};
