import { escapeControlCharacters } from '../../shared/model/escape-control';
import { TOOL_VERSION } from '../../shared/model/version';
import { CliUsageError, EXIT, type CliIo } from './command';
import { COMMANDS } from './commands';

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `conduit ${TOOL_VERSION}: OT security assessments against IEC 62443, from the command line`,
    '',
    'Usage: conduit <command> [options]   (in a checkout, the same as: npm run -s cli -- <command> [options])',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "conduit <command> --help" for a command\'s options.',
    'Machine-readable output goes to stdout as JSON; messages go to stderr.',
    '',
  ].join('\n');
}

/** Runs one command line and returns its exit code; never throws. Control characters never reach the terminal. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(escapeControlCharacters(text)),
    stderr: (text) => rawIo.stderr(escapeControlCharacters(text)),
  };
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`conduit: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`Usage: conduit ${command.usage}\n\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await (await command.load()).run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`conduit ${name}: ${(error as Error).message}\nUsage: conduit ${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr(`conduit ${name}: ${(error as Error).message}\n`);
    return EXIT.unreadable;
  }
}
