import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  Answer,
  Assessment,
  Asset,
  Conduit,
  Connection,
  Evidence,
  Finding,
  Flow,
  ImportBatch,
  Triage,
  TriageRule,
  Vulnerability,
  Zone,
} from '../../shared/model';
import type {
  Countermeasure,
  RiskMethod,
  SystemUnderConsideration,
  ThreatScenario,
  ZoneRisk,
  ConduitRisk,
} from '../../shared/risk';
import { foldAliasKeys, type AliasRecord } from '../../shared/vendors';
import { RECORD_TABLES } from '../../shared/model';
import type { StoredAdvisoryPack } from './advisory-packs';
import type { SigningIdentity } from '../../shared/bridge';
import type { UndoStep } from '../../shared/undo';

/** A stored setting, such as a saved column-mapping preset (not tied to an assessment). */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: string;
}

/** One alias the assessor set: a vendor or device-type spelling and the name it stands for. */
export type StoredAlias = AliasRecord;

/** The browser host's signing key: a non-extractable WebCrypto key, stored as is. */
export interface StoredSigningKey {
  id: 'default';
  identity: SigningIdentity;
  privateKey: CryptoKey;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/**
 * Every schema version, oldest first. Never edit a released entry: add a new version with an
 * upgrade function, and a record for it in test/unit/renderer/db/migrations.test.ts.
 */
const VERSION_1_STORES: Record<string, string> = {
  assessments: 'id, updatedAt, status',
  zones: 'id, assessmentId',
  conduits: 'id, assessmentId, fromZoneId, toZoneId',
  assets: 'id, assessmentId, zoneId, [assessmentId+zoneId], *ips, *macs, *batchIds',
  importBatches: 'id, assessmentId, importedAt',
  flows: 'id, assessmentId, batchId',
  answers: 'id, assessmentId, zoneId, [zoneId+itemId]',
  connections: 'id, assessmentId',
  triage: 'id, assessmentId, [assessmentId+candidateKey]',
  findings: 'id, assessmentId',
  evidence: 'id, assessmentId, sha256',
  settings: 'key',
  signingKeys: 'id',
};

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  { version: 1, stores: VERSION_1_STORES },
  {
    // A lean assets table: every query reads an assessment's assets whole (by assessmentId) and
    // filters in memory; nothing looks assets up by zone, IP, MAC or batch, and each of those
    // indexes (three of them multi-entry) cost seconds per 100,000 assets stored (npm run bench
    // -- store). Only indexes change, which IndexedDB drops by itself: no record is rewritten,
    // so there is no upgrade function.
    version: 2,
    stores: { assets: 'id, assessmentId' },
  },
  {
    version: 3,
    stores: {
      riskMethods: 'id, assessmentId',
      riskScopes: 'id, assessmentId',
      zoneRisks: 'id, assessmentId, zoneId',
      threatScenarios: 'id, assessmentId, suggestionKey',
      countermeasures: 'id, assessmentId',
    },
  },
  {
    version: 4,
    stores: {
      advisoryPacks: 'id, importedAt',
      vulnerabilities: 'id, assessmentId, [assessmentId+assetId], advisoryId',
    },
  },
  {
    // Triage rules over traffic candidates (issue 15): a new table, nothing to rewrite.
    version: 5,
    stores: { triageRules: 'id, assessmentId' },
  },
  {
    // The persisted undo history: the last steps of each workspace of each assessment (a new,
    // empty table; nothing to upgrade).
    version: 6,
    stores: { undoSteps: 'id, assessmentId, [assessmentId+workspace]' },
  },
  {
    // The assessor's vendor and device-type aliases, over the built-in tables (shared/vendors);
    // app-wide, like the mapping presets. A new table: no record is rewritten.
    version: 7,
    stores: { aliases: 'id, kind' },
  },
  {
    // A conduit's SL-T set by hand with its justification (issue 12): a new table, nothing to
    // rewrite; a conduit without a record keeps its derived SL-T.
    version: 10,
    stores: { conduitRisks: 'id, assessmentId, conduitId' },
  },
  {
    // Aliases saved before device-type keys split CamelCase keep their old id: re-key them all with
    // today's keys, keeping the assessor's latest choice where two now share one (foldAliasKeys).
    version: 11,
    stores: {},
    upgrade: async (transaction) => {
      const aliases = transaction.table<StoredAlias, string>('aliases');
      const folded = foldAliasKeys(await aliases.toArray());
      await aliases.clear();
      await aliases.bulkAdd(folded);
    },
  },
];

/** Each table's indexes as the newest version has them (a version lists only what it changes). */
export const CURRENT_STORES: Record<string, string | null> = Object.assign(
  {},
  ...SCHEMA_VERSIONS.map((v) => v.stores),
);

export const DATABASE_NAME = 'conduit';

export class ConduitDatabase extends Dexie {
  assessments!: Table<Assessment, string>;
  zones!: Table<Zone, string>;
  conduits!: Table<Conduit, string>;
  assets!: Table<Asset, string>;
  importBatches!: Table<ImportBatch, string>;
  flows!: Table<Flow, string>;
  answers!: Table<Answer, string>;
  connections!: Table<Connection, string>;
  triage!: Table<Triage, string>;
  findings!: Table<Finding, string>;
  evidence!: Table<Evidence, string>;
  settings!: Table<SettingRecord, string>;
  signingKeys!: Table<StoredSigningKey, string>;
  riskMethods!: Table<RiskMethod, string>;
  riskScopes!: Table<SystemUnderConsideration, string>;
  zoneRisks!: Table<ZoneRisk, string>;
  conduitRisks!: Table<ConduitRisk, string>;
  threatScenarios!: Table<ThreatScenario, string>;
  countermeasures!: Table<Countermeasure, string>;
  advisoryPacks!: Table<StoredAdvisoryPack, string>;
  vulnerabilities!: Table<Vulnerability, string>;
  aliases!: Table<StoredAlias, string>;
  triageRules!: Table<TriageRule, string>;
  undoSteps!: Table<UndoStep<unknown>, string>;

  constructor(name = DATABASE_NAME, versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** Tables whose records belong to one assessment (all carry assessmentId): the file's record tables. */
export const ASSESSMENT_TABLES = RECORD_TABLES satisfies readonly (keyof ConduitDatabase)[];
