import type { CliCommand } from '../command';
import { attackLayerCommand } from './attack-layer';
import { catalogueCommand } from './catalogue';
import { exportCommand } from './export';
import { findingsCommand } from './findings';
import { flowsCommand } from './flows';
import { importCommand } from './import';
import { keygenCommand } from './keygen';
import { newCommand } from './new';
import { reconcileCommand } from './reconcile';
import { reportCommand } from './report';
import { riskCommand } from './risk';
import { validateCommand } from './validate';
import { verifyCommand } from './verify';

/** Every subcommand, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: CliCommand[] = [
  newCommand,
  validateCommand,
  importCommand,
  flowsCommand,
  reconcileCommand,
  catalogueCommand,
  findingsCommand,
  riskCommand,
  attackLayerCommand,
  keygenCommand,
  exportCommand,
  reportCommand,
  verifyCommand,
];
