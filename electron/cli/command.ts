/**
 * One `conduit` subcommand as `--help` lists it. Its module is loaded only when it runs, so that
 * `conduit --help` starts without loading every command's dependencies.
 */
export interface CliCommand {
  name: string;
  /** One line for the help listing. */
  summary: string;
  /** Usage line(s) after "conduit ". */
  usage: string;
  load(): Promise<CliCommandModule>;
}

/** What a command's module exports. Output for machines goes to stdout as JSON; messages to stderr. */
export interface CliCommandModule {
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment; process.env when absent. */
  env?: Record<string, string | undefined>;
  /** All of stdin as text; the process's stdin when absent. */
  readStdin?: () => Promise<string>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2, usage: 64 } as const;

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}
