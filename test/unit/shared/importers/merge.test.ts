import { describe, expect, it } from 'vitest';
import {
  applyMerge,
  applyUndo,
  makeImportBatch,
  mergeIntoInventory,
  undoBatch,
  type NormalizedAsset,
} from '../../../../shared/importers';
import {
  assetSchema,
  flowSchema,
  importBatchSchema,
  type Asset,
  type Flow,
  type ImportBatch,
} from '../../../../shared/model';
import { batchFor, parseFixture } from './helpers';

function record(fields: Partial<NormalizedAsset>): NormalizedAsset {
  return {
    record: 'record 1',
    sourceId: null,
    name: null,
    ips: [],
    macs: [],
    hostnames: [],
    vendor: null,
    model: null,
    firmware: null,
    os: null,
    serial: null,
    type: null,
    purdueLevel: null,
    protocols: [],
    criticality: null,
    firstSeen: null,
    lastSeen: null,
    endOfSupport: null,
    ...fields,
  };
}

const incoming = (...assets: NormalizedAsset[]) => ({ assets, flows: [], skipped: 0, warnings: [] });

describe('mergeIntoInventory', () => {
  it('merges records with the same MAC across sources', () => {
    const first = mergeIntoInventory(
      [],
      incoming(
        record({
          sourceId: 'n1',
          name: 'plc',
          macs: ['00:11:22:33:44:55'],
          ips: ['10.0.0.1'],
          vendor: 'Siemens',
        }),
      ),
      batchFor('nozomi', 'a.json'),
    );
    const second = mergeIntoInventory(
      first.added,
      incoming(
        record({ sourceId: '7-1', macs: ['00:11:22:33:44:55'], ips: ['10.0.0.99'], model: 'S7-1500' }),
      ),
      batchFor('claroty-ctd', 'b.json'),
    );
    expect(second.added).toEqual([]);
    expect(second.counts).toMatchObject({ records: 1, assets: 1, merged: 1, unchanged: 0 });
    const asset = second.updated[0]!.asset;
    expect(asset).toMatchObject({
      id: first.added[0]!.id,
      ips: ['10.0.0.1', '10.0.0.99'],
      vendor: 'Siemens',
      model: 'S7-1500',
    });
    expect(asset.sources.map((s) => [s.format, s.sourceId])).toEqual([
      ['nozomi', 'n1'],
      ['claroty-ctd', '7-1'],
    ]);
    expect(asset.batchIds).toHaveLength(2);
    expect(() => assetSchema.parse(asset)).not.toThrow();
  });

  it('merges by IP when there is no MAC, but not two devices with different MACs on one IP', () => {
    const base = mergeIntoInventory(
      [],
      incoming(record({ name: 'hmi', ips: ['10.0.0.2'], macs: ['00:11:22:33:44:66'] })),
      batchFor('armis'),
    );
    const sameIp = mergeIntoInventory(
      base.added,
      incoming(record({ name: 'HMI-2', ips: ['10.0.0.2'] })),
      batchFor('malcolm'),
    );
    expect(sameIp.added).toEqual([]);
    expect(sameIp.updated).toHaveLength(1);
    const otherMac = mergeIntoInventory(
      base.added,
      incoming(record({ ips: ['10.0.0.2'], macs: ['00:11:22:33:44:77'] })),
      batchFor('malcolm'),
    );
    expect(otherMac.added).toHaveLength(1);
  });

  it('merges by source id within the same source only', () => {
    const base = mergeIntoInventory(
      [],
      incoming(record({ sourceId: '41-1', name: 'module' })),
      batchFor('claroty-ctd'),
    );
    const again = mergeIntoInventory(
      base.added,
      incoming(record({ sourceId: '41-1', name: 'module', firmware: 'V32' })),
      batchFor('claroty-ctd'),
    );
    expect(again.added).toEqual([]);
    expect(again.updated[0]!.asset.firmware).toBe('V32');
    const otherSource = mergeIntoInventory(
      base.added,
      incoming(record({ sourceId: '41-1', name: 'x' })),
      batchFor('forescout'),
    );
    expect(otherSource.added).toHaveLength(1);
  });

  it('merges duplicates inside one file, and never on broadcast or zero MACs', () => {
    const result = mergeIntoInventory(
      [],
      incoming(
        record({ record: 'row 2', ips: ['10.0.0.5'] }),
        record({ record: 'row 3', ips: ['10.0.0.5'], vendor: 'WAGO' }),
        record({ record: 'row 4', name: 'a', macs: ['00:00:00:00:00:00'] }),
        record({ record: 'row 5', name: 'b', macs: ['00:00:00:00:00:00'] }),
        record({ record: 'row 6', name: 'c', ips: ['255.255.255.255'] }),
        record({ record: 'row 7', name: 'd', ips: ['255.255.255.255'] }),
      ),
      batchFor('csv'),
    );
    expect(result.added).toHaveLength(5);
    expect(result.counts).toMatchObject({ records: 6, assets: 5, merged: 1 });
    expect(result.added[0]).toMatchObject({ name: '10.0.0.5', vendor: 'WAGO' });
  });

  it('keeps conflicting values with their sources, once each', () => {
    const a = mergeIntoInventory(
      [],
      incoming(record({ sourceId: 'x', ips: ['10.0.0.3'], firmware: 'v1.0', purdueLevel: 1 })),
      batchFor('nozomi', 'nozomi.json'),
    );
    const b = mergeIntoInventory(
      a.added,
      incoming(record({ sourceId: 'y', ips: ['10.0.0.3'], firmware: 'v2.0', purdueLevel: 2 })),
      batchFor('armis', 'armis.json'),
    );
    const c = mergeIntoInventory(
      b.updated.map((u) => u.asset),
      incoming(record({ ips: ['10.0.0.3'], firmware: 'V2.0' })),
      batchFor('tenable-ot', 't.json'),
    );
    const asset = b.updated[0]!.asset;
    expect(asset.firmware).toBe('v1.0');
    expect(asset.conflicts).toEqual([
      {
        field: 'firmware',
        values: [
          { value: 'v1.0', source: expect.objectContaining({ fileName: 'nozomi.json' }) },
          { value: 'v2.0', source: expect.objectContaining({ fileName: 'armis.json' }) },
        ],
      },
      {
        field: 'purdueLevel',
        values: [
          { value: '1', source: expect.objectContaining({ format: 'nozomi' }) },
          { value: '2', source: expect.objectContaining({ format: 'armis' }) },
        ],
      },
    ]);
    expect(c.updated[0]!.asset.conflicts).toEqual(asset.conflicts);
  });

  it('replaces a name that is only an address, keeps the earliest first and the latest last seen', () => {
    const a = mergeIntoInventory(
      [],
      incoming(
        record({
          name: '10.0.0.4',
          ips: ['10.0.0.4'],
          firstSeen: '2024-02-01T00:00:00.000Z',
          lastSeen: '2024-03-01T00:00:00.000Z',
        }),
      ),
      batchFor('malcolm'),
    );
    const b = mergeIntoInventory(
      a.added,
      incoming(
        record({
          name: 'plc-4',
          ips: ['10.0.0.4'],
          firstSeen: '2024-01-01T00:00:00.000Z',
          lastSeen: '2024-02-15T00:00:00.000Z',
        }),
      ),
      batchFor('nozomi'),
    );
    expect(b.updated[0]!.asset).toMatchObject({
      name: 'plc-4',
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: '2024-03-01T00:00:00.000Z',
    });
  });

  it('does not modify its inputs', async () => {
    const parsed = await parseFixture('claroty_ctd/ranger_assets_children.json');
    const snapshot = JSON.stringify(parsed.assets);
    const first = mergeIntoInventory([], parsed, batchFor('claroty-ctd'));
    const existing = JSON.stringify(first.added);
    mergeIntoInventory(
      first.added,
      { ...parsed, assets: parsed.assets.map((a) => ({ ...a, firmware: 'other' })) },
      batchFor('claroty-ctd'),
    );
    expect(JSON.stringify(parsed.assets)).toBe(snapshot);
    expect(JSON.stringify(first.added)).toBe(existing);
  });
});

interface Store {
  assets: Asset[];
  flows: Flow[];
  importBatches: ImportBatch[];
}

async function importInto(store: Store, file: string, fileName = file) {
  const parsed = await parseFixture(file);
  const batch = batchFor(parsed.format, fileName, 'assessment-1');
  const result = mergeIntoInventory(store.assets, parsed, batch, store.flows);
  const batchRecord = makeImportBatch(batch, { sha256: 'a'.repeat(64), size: 1 }, parsed.records, result);
  return { store: applyMerge(store, result, batchRecord), result, batchRecord };
}

describe('re-import and undo', () => {
  it('importing the same file again changes nothing', async () => {
    const empty: Store = { assets: [], flows: [], importBatches: [] };
    const once = await importInto(empty, 'nozomi/ibm-car_query_assets.json');
    const withLinks = await importInto(once.store, 'nozomi/links.json');
    const twice = await importInto(withLinks.store, 'nozomi/ibm-car_query_assets.json');
    expect(twice.result.added).toEqual([]);
    expect(twice.result.updated).toEqual([]);
    expect(twice.result.counts).toMatchObject({ merged: 1, unchanged: 1 });
    const linksAgain = await importInto(twice.store, 'nozomi/links.json');
    expect(linksAgain.result.flows).toEqual([]);
    expect(linksAgain.store.assets).toEqual(withLinks.store.assets);
    expect(linksAgain.store.flows).toEqual(withLinks.store.flows);
  });

  it('undoing a batch restores the inventory exactly', async () => {
    let store: Store = { assets: [], flows: [], importBatches: [] };
    store = (await importInto(store, 'tenable_ot/graphql_assets.json')).store;
    const before = structuredClone(store);
    const second = await importInto(store, 'tenable_ot/export_details.json');
    const third = await importInto(second.store, 'nozomi/links.json');
    expect(second.result.updated).toHaveLength(1);

    // The last batch first: its flows go, nothing else moves.
    const undoThird = undoBatch(third.store, third.batchRecord.undo as never);
    expect(undoThird.ok).toBe(true);
    const afterThird = applyUndo(third.store, undoThird, third.batchRecord.id);
    expect(afterThird).toEqual(second.store);

    const plan = undoBatch(afterThird, second.batchRecord.undo as never);
    expect(plan).toMatchObject({ ok: true, deleteAssetIds: [], blockedBy: [] });
    expect(plan.restoreAssets).toHaveLength(1);
    expect(applyUndo(afterThird, plan, second.batchRecord.id)).toEqual(before);
    for (const a of second.store.assets) assetSchema.parse(a);
    for (const f of third.store.flows) flowSchema.parse(f);
    importBatchSchema.parse(second.batchRecord);
  });

  it('names the assets edited by hand since the import', async () => {
    const first = await importInto(
      { assets: [], flows: [], importBatches: [] },
      'armis/search_response.json',
    );
    const edited = {
      ...first.store,
      assets: first.store.assets.map((a, i) =>
        i === 0 ? { ...a, notes: 'seen on site', updatedAt: '2025-02-01T00:00:00.000Z' } : a,
      ),
    };
    const plan = undoBatch(edited, first.batchRecord.undo as never);
    expect(plan.ok).toBe(true);
    expect(plan.editedAssetIds).toEqual([edited.assets[0]!.id]);
    expect(undoBatch(first.store, first.batchRecord.undo as never).editedAssetIds).toEqual([]);
  });

  it('refuses to undo a batch a later import built on', async () => {
    let store: Store = { assets: [], flows: [], importBatches: [] };
    const first = await importInto(store, 'tenable_ot/graphql_assets.json');
    store = first.store;
    const second = await importInto(store, 'tenable_ot/export_details.json');
    const plan = undoBatch(second.store, first.batchRecord.undo as never);
    expect(plan.ok).toBe(false);
    expect(plan.blockedBy).toEqual([second.batchRecord.id]);
  });

  it('deletes the assets a batch added and the flows it brought', async () => {
    const devices = await importInto(
      { assets: [], flows: [], importBatches: [] },
      'defender_iot/devices_for_connections.json',
    );
    const connections = await importInto(
      devices.store,
      'defender_iot/mslearn_sensor_api_v1_devices_connections_example.json',
    );
    expect(connections.store.flows).toHaveLength(2);
    const blocked = undoBatch(connections.store, devices.batchRecord.undo as never);
    expect(blocked.ok).toBe(false);
    const undoConnections = undoBatch(connections.store, connections.batchRecord.undo as never);
    const afterConnections = applyUndo(connections.store, undoConnections, connections.batchRecord.id);
    const undoDevices = undoBatch(afterConnections, devices.batchRecord.undo as never);
    expect(undoDevices.ok).toBe(true);
    expect(undoDevices.deleteAssetIds).toHaveLength(3);
    expect(applyUndo(afterConnections, undoDevices, devices.batchRecord.id)).toEqual({
      assets: [],
      flows: [],
      importBatches: [],
    });
  });
});
