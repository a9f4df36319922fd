import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergeIntoInventory, parseInventory } from '../../../../../shared/importers';
import type { Asset } from '../../../../../shared/model';
import {
  ASSET_COLUMNS,
  NO_FILTER,
  assetsToCsv,
  filterAssets,
  filterChoices,
  sortAssets,
} from '../../../../../renderer/features/inventory/asset-columns';

async function assetsFrom(csv: string): Promise<Asset[]> {
  const parsed = await parseInventory({ name: 'plant.csv', bytes: new TextEncoder().encode(csv) });
  const batch = { id: crypto.randomUUID(), assessmentId: 'a', format: parsed.format, fileName: 'plant.csv' };
  return mergeIntoInventory([], parsed, batch).added;
}

const PLANT = [
  'name,ip,mac,vendor,model,firmware,protocols',
  'PLC-1,10.1.1.10,00:1b:1b:00:00:01,Siemens,S7-1500,V2.9.4,"s7comm, profinet"',
  'HMI-1,10.1.1.20,00:0e:8c:00:00:02,Siemens,TP1500,V16,http',
  'Drive-7,10.1.2.7,00:80:f4:00:00:07,Schneider Electric,ATV630,1.2,modbus',
].join('\r\n');

describe('inventory table helpers', () => {
  it('exports CSV that a spreadsheet will not run as formulas', async () => {
    const assets = await assetsFrom(PLANT);
    // Import strips exporters' guards, but values typed by hand can start with anything.
    const evil: Asset = {
      ...assets[0]!,
      name: '=HYPERLINK("http://evil")',
      vendor: "+cmd|' /C calc'!A0",
      firmware: '@SUM(1)',
      protocols: ['-2+3'],
    };
    const columns = ASSET_COLUMNS.filter((c) => ['name', 'vendor', 'firmware', 'protocols'].includes(c.id));
    const csv = assetsToCsv([evil], columns, new Map());
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['Name', 'Vendor', 'Firmware', 'Protocols']);
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows[1]).toEqual([`'${evil.name}`, `'${evil.vendor}`, "'@SUM(1)", "'-2+3"]);
    expect(csv.startsWith('Name,Vendor')).toBe(true);
  });

  it('exports every shown row with its zone name', async () => {
    const assets = await assetsFrom(PLANT);
    const zoneId = crypto.randomUUID();
    const placed = assets.map((a) => (a.name === 'PLC-1' ? { ...a, zoneId } : a));
    const columns = ASSET_COLUMNS.filter((c) => c.id === 'name' || c.id === 'zone');
    const rows = Papa.parse<string[]>(
      assetsToCsv(placed, columns, new Map([[zoneId, 'Cell 1']])).trim(),
    ).data;
    expect(rows).toHaveLength(assets.length + 1);
    expect(rows).toContainEqual(['PLC-1', 'Cell 1']);
    expect(rows).toContainEqual(['HMI-1', '']);
  });

  it('filters by text, vendor, zone, protocol, source and firmware', async () => {
    const assets = await assetsFrom(PLANT);
    const names = (list: readonly Asset[]) => list.map((a) => a.name).sort();
    expect(filterAssets(assets, NO_FILTER)).toBe(assets);
    expect(names(filterAssets(assets, { ...NO_FILTER, text: '10.1.1.' }))).toEqual(['HMI-1', 'PLC-1']);
    expect(names(filterAssets(assets, { ...NO_FILTER, text: 'atv630' }))).toEqual(['Drive-7']);
    expect(names(filterAssets(assets, { ...NO_FILTER, vendor: 'Siemens' }))).toEqual(['HMI-1', 'PLC-1']);
    expect(names(filterAssets(assets, { ...NO_FILTER, protocol: 'MODBUS' }))).toEqual(['Drive-7']);
    expect(names(filterAssets(assets, { ...NO_FILTER, firmware: 'v2.9' }))).toEqual(['PLC-1']);
    expect(filterAssets(assets, { ...NO_FILTER, source: 'nozomi' })).toHaveLength(0);
    expect(filterAssets(assets, { ...NO_FILTER, source: 'csv' })).toHaveLength(assets.length);
    const zoneId = crypto.randomUUID();
    const placed = assets.map((a) => (a.name === 'Drive-7' ? { ...a, zoneId } : a));
    expect(names(filterAssets(placed, { ...NO_FILTER, zone: zoneId }))).toEqual(['Drive-7']);
    expect(filterAssets(placed, { ...NO_FILTER, zone: 'none' })).toHaveLength(assets.length - 1);
    expect(filterChoices(assets).vendors).toEqual(expect.arrayContaining(['Schneider Electric', 'Siemens']));
  });

  it('sorts by a column, both ways, numbers as numbers, ties in their order', async () => {
    const assets = await assetsFrom(PLANT);
    const names = (list: readonly Asset[]) => list.map((a) => a.name);
    const zones = new Map<string, string>();
    expect(sortAssets(assets, [], zones)).toBe(assets);
    expect(names(sortAssets(assets, [{ id: 'name', desc: false }], zones))).toEqual([
      'Drive-7',
      'HMI-1',
      'PLC-1',
    ]);
    expect(names(sortAssets(assets, [{ id: 'name', desc: true }], zones))).toEqual([
      'PLC-1',
      'HMI-1',
      'Drive-7',
    ]);
    // Numbers sort as numbers: 9 before 10 (as text, "10" would come first).
    const conflicts = (n: number) => Array.from({ length: n }, () => ({ field: 'firmware', values: [] }));
    const counted = assets.map((a, i) => ({ ...a, conflicts: conflicts([10, 9, 0][i]!) }));
    expect(
      sortAssets(counted, [{ id: 'conflicts', desc: false }], zones).map((a) => a.conflicts.length),
    ).toEqual([0, 9, 10]);
    const byVendor = sortAssets(assets, [{ id: 'vendor', desc: false }], zones);
    expect(names(byVendor)).toEqual(['Drive-7', ...names(assets.filter((a) => a.vendor === 'Siemens'))]);
  });
  it('searches accents and case away, every word anywhere in the asset', async () => {
    const assets = await assetsFrom(
      [
        'name,ip,vendor',
        'Pumpe Müller,10.9.0.1,Bürkert',
        'Pump Mueller,10.9.0.2,ABB',
        'ÉCRAN-3,10.9.0.3,Schneider',
      ].join('\n'),
    );
    const names = (list: readonly Asset[]) => list.map((a) => a.name).sort();
    expect(names(filterAssets(assets, { ...NO_FILTER, text: 'muller' }))).toEqual(['Pumpe Müller']);
    expect(names(filterAssets(assets, { ...NO_FILTER, text: 'MÜLLER burkert' }))).toEqual(['Pumpe Müller']);
    expect(names(filterAssets(assets, { ...NO_FILTER, text: 'ecran' }))).toEqual(['ÉCRAN-3']);
    expect(names(filterAssets(assets, { ...NO_FILTER, text: 'pump 10.9.0' }))).toEqual([
      'Pump Mueller',
      'Pumpe Müller',
    ]);
  });
});
