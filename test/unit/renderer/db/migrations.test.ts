import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  assessmentSchema,
  assetSchema,
  triageRuleSchema,
  vulnerabilitySchema,
  zoneSchema,
} from '../../../../shared/model';
import { conduitRiskSchema, threatScenarioSchema, zoneRiskSchema } from '../../../../shared/risk';
import { ConduitDatabase, CURRENT_STORES, SCHEMA_VERSIONS } from '../../../../renderer/db';
import { Normaliser } from '../../../../shared/vendors';
import { richAssessment } from '../../../fixtures/rich-assessment';

/**
 * Records as each released schema version wrote them. When a version is added, add its
 * records here: the harness opens every older database with the current code.
 */
async function writeRichAssessment(db: Dexie) {
  const data = await richAssessment();
  await db.table('assessments').add(data.assessment);
  await db.table('zones').bulkAdd(data.zones);
  await db.table('assets').bulkAdd(data.assets);
  await db.table('settings').add({
    key: 'import.presets',
    value: [{ name: 'Dragos export' }],
    updatedAt: data.assessment.updatedAt,
  });
}

/**
 * Aliases as versions 7 to 10 stored them: a device type saved before type keys split CamelCase
 * keeps its old id ("type:engineeringstation"), and the same spelling saved again later landed
 * beside it under the new one.
 */
const ALIASES_AT_7 = [
  {
    id: 'vendor:siemens mobility',
    kind: 'vendor',
    spelling: 'Siemens Mobility GmbH',
    canonical: 'Siemens',
    updatedAt: '2026-03-02T08:15:00.000Z',
  },
  {
    id: 'type:engineeringstation',
    kind: 'type',
    spelling: 'EngineeringStation',
    canonical: 'Engineering workstation',
    updatedAt: '2026-03-02T08:20:00.000Z',
  },
  {
    id: 'type:schaltschrankpc',
    kind: 'type',
    spelling: 'SchaltschrankPC',
    canonical: 'Workstation',
    updatedAt: '2026-03-02T08:25:00.000Z',
  },
  {
    id: 'type:engineering station',
    kind: 'type',
    spelling: 'EngineeringStation',
    canonical: 'EWS',
    updatedAt: '2026-03-05T10:00:00.000Z',
  },
];
const ALIASES_AT_11 = [
  { ...ALIASES_AT_7[0]! },
  { ...ALIASES_AT_7[2]!, id: 'type:schaltschrank pc' },
  { ...ALIASES_AT_7[3]! },
];

const WRITERS: Record<number, (db: Dexie) => Promise<void>> = {
  1: writeRichAssessment,
  // Version 2 only dropped asset indexes: its records are v1's.
  2: writeRichAssessment,
  // 3: the risk tables (IEC 62443-3-2).
  3: async (db) => {
    await writeRichAssessment(db);
    const data = await richAssessment();
    for (const table of RISK_TABLES) await db.table(table).bulkAdd(data[table]);
  },
  4: writeVersion4,
  // 7: the assessor's vendor and device-type aliases.
  7: async (db) => {
    await WRITERS[6]!(db);
    await db.table('aliases').bulkAdd(ALIASES_AT_7);
  },
  // 10: a conduit's SL-T set by hand with its justification.
  10: async (db) => {
    await WRITERS[7]!(db);
    const data = await richAssessment();
    await db.table('conduits').bulkAdd(data.conduits);
    await db.table('conduitRisks').bulkAdd(data.conduitRisks);
  },
  // 11: aliases under today's keys (device types split CamelCase), one per spelling.
  11: async (db) => {
    await WRITERS[10]!(db);
    await db.table('aliases').clear();
    await db.table('aliases').bulkAdd(ALIASES_AT_11);
  },
  // 5: triage rules over traffic candidates.
  5: async (db) => {
    await WRITERS[4]!(db);
    const data = await richAssessment();
    await db.table('triageRules').add({
      id: 'rule-1',
      assessmentId: data.assessment.id,
      createdAt: data.assessment.updatedAt,
      updatedAt: data.assessment.updatedAt,
      kind: 'public-ip',
      subnet: '52.0.0.0/8',
      zoneAId: null,
      zoneBId: null,
      service: null,
      action: 'dismiss',
      reason: 'Vendor cloud licence check, agreed with the plant',
    });
  },
  // 6: the persisted undo history (a new table): a diagram step recorded at version 6.
  6: async (db) => {
    await WRITERS[5]!(db);
    const data = await richAssessment();
    const zone = data.zones[0]!;
    await db.table('undoSteps').add({
      id: `${data.assessment.id}:diagram:000000000001`,
      assessmentId: data.assessment.id,
      workspace: 'diagram',
      seq: 1,
      label: 'Rename zone',
      change: {
        label: 'Rename zone',
        zones: [{ before: { ...zone, name: 'Old name' }, after: zone }],
        conduits: [],
        assets: [],
        assetZones: [],
      },
      mergeKey: null,
      at: 1,
      undone: false,
    });
  },
};

async function writeVersion4(db: Dexie) {
  await writeRichAssessment(db);
  const data = await richAssessment();
  for (const table of RISK_TABLES) await db.table(table).bulkAdd(data[table]);
  const s7 = data.assets.find((a) => a.model === 'S7-1516')!;
  await db.table('vulnerabilities').add({
    id: 'vuln-1',
    assessmentId: data.assessment.id,
    createdAt: data.assessment.updatedAt,
    updatedAt: data.assessment.updatedAt,
    assetId: s7.id,
    advisoryId: 'ICSA-23-257-01',
    title: 'Siemens SIMATIC and SIPLUS Products',
    cves: ['CVE-2023-28831'],
    cvss: 7.5,
    kev: false,
    status: 'affected',
    confidence: 'version-in-range',
    why: 'Siemens / SIMATIC S7-1500 CPU 1516-3 PN/DP, versions "vers:all/<V2.9.7": firmware V2.9.4 is in range',
    remediation: 'Update to V2.9.7 or later version',
    stale: false,
    matchedAt: data.assessment.updatedAt,
    decision: 'accept',
    mitigation: null,
    acceptance: { reason: 'Line 3 stops in August', owner: 'Plant manager', reviewDate: '2026-09-01' },
    decidedAt: data.assessment.updatedAt,
  });
  await db.table('advisoryPacks').add({
    id: 'pack-1',
    name: 'csaf-2024.tar.gz',
    importedAt: data.assessment.updatedAt,
    from: '2024-01-02',
    to: '2024-06-30',
    advisories: 1,
    files: 1,
    verified: 1,
    superseded: 0,
    problems: [],
    sha256: '0'.repeat(64),
    index: new Uint8Array([1, 2, 3]),
  });
}
const RISK_TABLES = ['riskMethods', 'riskScopes', 'zoneRisks', 'threatScenarios', 'countermeasures'] as const;

describe('schema migrations', () => {
  it('has a writer for every released version', () => {
    expect(Object.keys(WRITERS).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a database written at version ${version} with the current code`, async () => {
      const name = `migrate-from-${version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
        const declared = old.version(v.version).stores(v.stores);
        if (v.upgrade) declared.upgrade(v.upgrade);
      }
      await old.open();
      await WRITERS[version]!(old);
      old.close();

      const current = new ConduitDatabase(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      const [assessment] = await current.assessments.toArray();
      expect(assessmentSchema.parse(assessment)).toEqual(assessment);
      const zones = await current.zones.where('assessmentId').equals(assessment!.id).toArray();
      expect(zones.map((z) => zoneSchema.parse(z).name)).toContain('Industrial DMZ');
      const assets = await current.assets.where('assessmentId').equals(assessment!.id).toArray();
      const byIp = assets.filter((a) => a.ips.includes('10.30.3.10'));
      expect(byIp.map((a) => assetSchema.parse(a).name)).toEqual(['PLC-Ligne-3']);
      expect(assets.filter((a) => a.macs.includes('00:1b:1b:aa:bb:cc'))).toHaveLength(1);
      expect(await current.settings.get('import.presets')).toBeDefined();
      if (version >= 4) {
        const [decision] = await current.vulnerabilities
          .where('[assessmentId+assetId]')
          .equals([assessment!.id, byIp[0]!.id])
          .toArray();
        expect(vulnerabilitySchema.parse(decision)).toMatchObject({
          advisoryId: 'ICSA-23-257-01',
          decision: 'accept',
        });
        expect((await current.advisoryPacks.get('pack-1'))!.index).toEqual(new Uint8Array([1, 2, 3]));
      } else {
        expect(await current.vulnerabilities.count()).toBe(0);
      }
      const scenarios = await current.threatScenarios.where('assessmentId').equals(assessment!.id).toArray();
      if (version >= 3) {
        expect(scenarios.map((s) => threatScenarioSchema.parse(s).title)).toEqual([
          'Criminal access through the 4G router — Zelle 3',
        ]);
        const [zoneRisk] = await current.zoneRisks.where('zoneId').equals(zones[2]!.id).toArray();
        expect(zoneRiskSchema.parse(zoneRisk).justification).toMatch(/^Agreed with the asset owner/);
      } else {
        // An older database gains the risk tables, empty and writable.
        expect(scenarios).toEqual([]);
        const data = await richAssessment();
        await current.countermeasures.add(data.countermeasures[0]!);
        expect(await current.countermeasures.count()).toBe(1);
      }
      const rules = await current.triageRules.where('assessmentId').equals(assessment!.id).toArray();
      if (version >= 5) {
        expect(rules.map((r) => triageRuleSchema.parse(r).subnet)).toEqual(['52.0.0.0/8']);
      } else {
        expect(rules).toEqual([]);
      }
      const conduitRisks = await current.conduitRisks.where('assessmentId').equals(assessment!.id).toArray();
      if (version >= 10) {
        expect(conduitRisks.map((r) => conduitRiskSchema.parse(r).justification)).toEqual([
          'Vendor remote access crosses this conduit: held at SL 3 on FR1–FR3 and FR5.',
        ]);
      } else {
        // An older database gains the table, empty and writable.
        expect(conduitRisks).toEqual([]);
        const [record] = (await richAssessment()).conduitRisks;
        await current.conduitRisks.add(record!);
        expect(await current.conduitRisks.where('conduitId').equals(record!.conduitId).count()).toBe(1);
      }
      const aliases = await current.aliases.toArray();
      if (version >= 7) {
        // Every alias under today's key; of the two for one spelling, the one saved last.
        expect(aliases.map((a) => [a.id, a.canonical])).toEqual([
          ['type:engineering station', 'EWS'],
          ['type:schaltschrank pc', 'Workstation'],
          ['vendor:siemens mobility', 'Siemens'],
        ]);
        const normaliser = new Normaliser(aliases);
        expect(['EngineeringStation', 'SchaltschrankPC'].map((t) => normaliser.type(t))).toEqual([
          'EWS',
          'Workstation',
        ]);
      } else {
        expect(aliases).toEqual([]);
      }
      const steps = await current.undoSteps
        .where('[assessmentId+workspace]')
        .equals([assessment!.id, 'diagram'])
        .toArray();
      expect(steps.map((s) => s.label)).toEqual(version >= 6 ? ['Rename zone'] : []);
      current.close();
    });
  }

  it('indexes what the features query: by assessment, answers by zone and item, and nothing more on assets', () => {
    const stores = CURRENT_STORES;
    for (const table of [
      'zones',
      'conduits',
      'assets',
      'flows',
      'answers',
      'connections',
      'findings',
      'evidence',
      ...RISK_TABLES,
      'vulnerabilities',
    ]) {
      expect(stores[table], table).toMatch(/assessmentId/);
    }
    expect(stores.answers).toMatch(/\[zoneId\+itemId\]/);
    // Every read of assets takes an assessment's assets whole; each further index costs seconds
    // per 100,000 assets stored (npm run bench -- store).
    expect(stores.assets).toBe('id, assessmentId');
    expect(stores.zoneRisks).toMatch(/zoneId/);
    expect(stores.conduitRisks).toMatch(/assessmentId, conduitId/);
  });
});
