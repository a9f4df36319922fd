import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseInventory } from '../../../../shared/importers';
import { sha256Hex, type Asset } from '../../../../shared/model';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { createAssessmentRecord } from '../../../../renderer/db/assessments';
import { generateNozomiCsv } from '../../../fixtures/inventory/nozomi-csv';
import {
  assignZone,
  commitImport,
  countAssets,
  addManualAsset,
  listImportBatches,
  listMappingPresets,
  readAssetPage,
  readSetting,
  saveMappingPreset,
  updateAsset,
  writeSetting,
} from '../../../../renderer/db/inventory';
import { checkUndo, ImportRefusedError, undoBatch } from '../../../../renderer/db/import-batches';

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'fixtures');

let database: ConduitDatabase;
beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
});

async function importFixture(assessmentId: string, relative: string) {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, relative)));
  const name = path.basename(relative);
  const parsed = await parseInventory({ name, bytes });
  const file = { name, sha256: await sha256Hex(bytes), size: bytes.length };
  return commitImport(assessmentId, parsed.format, file, parsed);
}

async function snapshot(assessmentId: string) {
  const assets = await database.assets.where({ assessmentId }).toArray();
  const flows = await database.flows.where({ assessmentId }).toArray();
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { assets: assets.sort(byId), flows: flows.sort(byId) };
}

describe('inventory repositories', () => {
  it('writes an import with its batch record (file, SHA-256, format, counts) in one go', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    const result = await importFixture(id, 'inventory/base-assets.csv');
    expect(result.batch).not.toBeNull();
    const [batch] = await listImportBatches(id);
    expect(batch).toMatchObject({
      fileName: 'base-assets.csv',
      format: 'csv',
      kind: 'inventory',
      counts: { records: 2, assets: 2, merged: 0, skipped: 0, flows: 0 },
    });
    const bytes = readFileSync(path.join(FIXTURES, 'inventory/base-assets.csv'));
    expect(batch!.fileSha256).toBe(await sha256Hex(new Uint8Array(bytes)));
    const assets = await database.assets.where({ assessmentId: id }).toArray();
    expect(assets.map((a) => a.name).sort()).toEqual(['Historian', 'PLC-Line1']);
    expect(assets.every((a) => a.batchIds.includes(batch!.id))).toBe(true);
    // The inventory handed back to the table is a fresh read's, in the same order.
    expect(result.inventory).toEqual(assets);
  });

  it('stores the connections of an export that has them, linked to its assets', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    const session = await importFixture(id, 'importers/grassmarlin/session.gm3');
    expect(session.counts.assets).toBe(2);
    expect(session.counts.flows).toBe(2);
    const links = session;
    const flows = await database.flows.where({ assessmentId: id }).toArray();
    expect(flows).toHaveLength(links.counts.flows);
    expect(flows.some((f) => f.a.assetId !== null && f.b.assetId !== null)).toBe(true);
  });

  it('records nothing when the same file is imported again', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    await importFixture(id, 'inventory/base-assets.csv');
    const before = await snapshot(id);
    const again = await importFixture(id, 'inventory/base-assets.csv');
    expect(again.batch).toBeNull();
    expect(again.counts.unchanged).toBe(2);
    expect(await snapshot(id)).toEqual(before);
    expect(await listImportBatches(id)).toHaveLength(1);
  });

  it('refuses an import into an assessment that does not exist, writing nothing', async () => {
    await expect(importFixture('no-such-assessment', 'inventory/base-assets.csv')).rejects.toThrow(
      'This assessment no longer exists.',
    );
    expect(await database.assets.count()).toBe(0);
    expect(await database.importBatches.count()).toBe(0);
  });

  it('undoes an import: the inventory is exactly as it was, merged assets restored', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    await importFixture(id, 'inventory/base-assets.csv');
    const before = await snapshot(id);
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'inventory/line1-mapped.csv')));
    const parsed = await parseInventory(
      { name: 'line1-mapped.csv', bytes },
      {
        mapping: {
          version: 1,
          fields: {
            name: ['Device Label'],
            ips: ['Address'],
            macs: ['HW Addr'],
            vendor: ['Kit Maker'],
            firmware: ['Firmware Version'],
          },
        },
      },
    );
    const second = await commitImport(
      id,
      'csv',
      { name: 'line1-mapped.csv', sha256: await sha256Hex(bytes), size: bytes.length },
      parsed,
    );
    expect(second.counts).toMatchObject({ assets: 3, merged: 1 });
    expect(await countAssets(id)).toBe(4);
    const plc = (await database.assets.where({ assessmentId: id }).toArray()).find(
      (a) => a.name === 'PLC-Line1',
    )!;
    expect(plc.conflicts).toEqual([
      expect.objectContaining({
        field: 'firmware',
        values: [expect.objectContaining({ value: 'V2.9.4' }), expect.objectContaining({ value: 'V3.0.1' })],
      }),
    ]);

    // The first import is built on by the second: undoing it is refused, nothing changes.
    const [newest, oldest] = await listImportBatches(id);
    expect(newest!.fileName).toBe('line1-mapped.csv');
    expect(await checkUndo(oldest!.id)).toMatchObject({ ok: false, blockedBy: ['line1-mapped.csv'] });
    await expect(undoBatch(oldest!.id)).rejects.toThrow(ImportRefusedError);
    await expect(undoBatch(oldest!.id)).rejects.toThrow(/undo the later import of line1-mapped\.csv first/);
    expect(await countAssets(id)).toBe(4);

    expect(await checkUndo(newest!.id)).toMatchObject({ ok: true, deletes: 2, restores: 1, edited: 0 });
    const undone = await undoBatch(newest!.id);
    expect(await snapshot(id)).toEqual(before);
    // What the table is given after an undo is what a fresh read of the table gives.
    expect(undone.inventory).toEqual(await database.assets.where({ assessmentId: id }).toArray());
    expect((await listImportBatches(id)).map((b) => b.fileName)).toEqual(['base-assets.csv']);
  });

  it('warns before an undo drops edits made by hand since the import', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    const { batch } = await importFixture(id, 'inventory/base-assets.csv');
    const [asset] = await database.assets.where({ assessmentId: id }).toArray();
    await new Promise((r) => setTimeout(r, 5));
    await updateAsset(asset!.id, { notes: 'behind the panel in MCC-2' });
    expect(await checkUndo(batch!.id)).toMatchObject({ ok: true, edited: 1 });
  });

  it('reads assets page by page, in a stable order, without repeats', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    const bytes = new TextEncoder().encode(generateNozomiCsv(25, 3));
    const parsed = await parseInventory({ name: 'nozomi.csv', bytes });
    await commitImport(
      id,
      parsed.format,
      { name: 'nozomi.csv', sha256: await sha256Hex(bytes), size: 1 },
      parsed,
    );
    const total = await countAssets(id);
    expect(total).toBe(25);
    const pages: Asset[] = [];
    for (let offset = 0; offset < total; offset += 2) pages.push(...(await readAssetPage(id, offset, 2)));
    expect(new Set(pages.map((a) => a.id)).size).toBe(total);
  });

  it('edits, adds by hand and assigns zones with validation', async () => {
    const { id } = await createAssessmentRecord({ client: 'Acme', site: 'Lyon' });
    const manual = await addManualAsset(id, {
      name: 'Cellular modem',
      ips: ['10.9.9.9'],
      vendor: 'Teltonika',
    });
    expect(manual.sources).toEqual([{ batchId: null, format: 'manual', sourceId: null, fileName: null }]);
    const edited = await updateAsset(manual.id, { firmware: 'RUT_R_00.07.06' });
    expect((await database.assets.get(manual.id))!.firmware).toBe('RUT_R_00.07.06');
    expect(edited.updatedAt >= manual.updatedAt).toBe(true);
    await expect(updateAsset(manual.id, { purdueLevel: 9 })).rejects.toThrow();
    expect((await database.assets.get(manual.id))!.purdueLevel).toBeNull();

    const zoneId = crypto.randomUUID();
    const other = await addManualAsset(id, { name: 'HMI' });
    const assigned = await assignZone([manual.id, other.id], zoneId);
    expect(assigned.map((a) => a.zoneId)).toEqual([zoneId, zoneId]);
    expect((await database.assets.toArray()).filter((a) => a.zoneId === zoneId)).toHaveLength(2);
    await assignZone([other.id], null);
    expect((await database.assets.get(other.id))!.zoneId).toBeNull();
  });

  it('saves mapping presets and settings', async () => {
    await saveMappingPreset('  Line 1 spreadsheet ', { version: 1, fields: { vendor: ['Kit Maker'] } });
    await saveMappingPreset('Armis CSV', { version: 1, fields: { ips: ['IP'] } });
    expect(await listMappingPresets()).toEqual([
      { name: 'Armis CSV', mapping: { version: 1, fields: { ips: ['IP'] } } },
      { name: 'Line 1 spreadsheet', mapping: { version: 1, fields: { vendor: ['Kit Maker'] } } },
    ]);
    await expect(saveMappingPreset('  ', {})).rejects.toThrow('a preset needs a name');
    await writeSetting('inventory.columns', ['name', 'ips']);
    expect(await readSetting('inventory.columns')).toEqual(['name', 'ips']);
  });
});
