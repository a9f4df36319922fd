import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { analyzeCapture } from '../../../shared/traffic/analyzer';
import { CaptureError } from '../../../shared/traffic/errors';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { loadOuiTable } from '../oui';

const CHUNK_SIZE = 1 << 20;

export const flowsCommand: CliCommandModule = {
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('flows takes exactly one capture file');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new CaptureError('not a regular file');
      const summary = await analyzeCapture(createReadStream(file, { highWaterMark: CHUNK_SIZE }), {
        oui: loadOuiTable(),
      });
      // Cut short mid-record: every packet before the cut is kept, and the cut is said, as tshark does.
      for (const warning of summary.warnings) io.stderr(`${file}: warning: ${warning}\n`);
      printJson(io, {
        packets: summary.packets,
        warnings: summary.warnings,
        flows: summary.flows,
        assets: summary.assets,
        l2: summary.l2,
      });
      return EXIT.ok;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        error instanceof CaptureError
          ? error.message
          : code === 'ENOENT'
            ? 'no such file'
            : code === 'EACCES'
              ? 'permission denied'
              : code === 'EISDIR'
                ? 'is a directory'
                : null;
      if (reason === null) throw error;
      io.stderr(`${file}: ${reason}\n`);
      return EXIT.unreadable;
    }
  },
};
