import { ConduitDatabase } from './schema';

/** The app's one database connection, opened lazily on first use. */
let instance: ConduitDatabase | null = null;

export function db(): ConduitDatabase {
  instance ??= new ConduitDatabase();
  return instance;
}

/** For tests: use another database (e.g. one per test in fake-indexeddb). */
export function useDatabase(database: ConduitDatabase): void {
  instance = database;
}

export { ConduitDatabase, ASSESSMENT_TABLES, CURRENT_STORES, SCHEMA_VERSIONS } from './schema';
