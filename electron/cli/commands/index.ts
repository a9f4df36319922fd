import type { CliCommand } from '../command';
import { flowsCommand } from './flows';
import { newCommand } from './new';
import { validateCommand } from './validate';

/** Every subcommand, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: CliCommand[] = [newCommand, validateCommand, flowsCommand];
