import type { z } from 'zod';

/** One upgrade step: turns a record as version `n - 1` wrote it into version `n`. */
export type RecordMigrationStep = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * A stored record type: its name, its zod validator, its current version and the steps that
 * bring an older record up to it. Steps run one version at a time, so a record written at any
 * older version chains through every later step.
 */
export interface RecordType<S extends z.ZodType> {
  typeName: string;
  schema: S;
  version: number;
  /** steps[n] upgrades version n - 1 to n; versions 2..version each need one. */
  steps: Readonly<Record<number, RecordMigrationStep>>;
}

export function defineRecordType<S extends z.ZodType>(definition: RecordType<S>): RecordType<S> {
  for (let version = 2; version <= definition.version; version++) {
    if (!definition.steps[version])
      throw new Error(`${definition.typeName}: no migration step to version ${version}`);
  }
  return definition;
}

/** Upgrades a record written at `fromVersion` to the type's current version (not validated). */
export function migrateRecord<S extends z.ZodType>(
  type: RecordType<S>,
  record: Record<string, unknown>,
  fromVersion: number,
): Record<string, unknown> {
  if (!Number.isInteger(fromVersion) || fromVersion < 1)
    throw new Error(`${type.typeName}: no record version ${fromVersion}`);
  if (fromVersion > type.version)
    throw new Error(
      `${type.typeName}: written at version ${fromVersion}, newer than this build reads (${type.version})`,
    );
  let current = record;
  for (let version = fromVersion + 1; version <= type.version; version++)
    current = type.steps[version]!(current);
  return current;
}
