import type { CliCommand } from '../command';
import { catalogueCommand } from './catalogue';
import { newCommand } from './new';
import { validateCommand } from './validate';

/** Every subcommand, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: CliCommand[] = [newCommand, validateCommand, catalogueCommand];
