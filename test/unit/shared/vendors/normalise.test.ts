import { describe, expect, it } from 'vitest';
import { mergeIntoInventory, parseInventory } from '../../../../shared/importers';
import { parseAssessmentFile, serializeAssessmentFile } from '../../../../shared/model';
import { Normaliser, normaliseNames } from '../../../../shared/vendors';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('one alias table for vendors and device types', () => {
  const builtIn = new Normaliser();

  it('folds the spellings sensors use into one name; unknown ones stay as they are', () => {
    expect(['Siemens AG', 'SIEMENS', 'Siemens Industry, Inc.'].map((v) => builtIn.vendor(v))).toEqual([
      'Siemens',
      'Siemens',
      'Siemens',
    ]);
    expect(['ABB', 'ABB Automation', 'Asea Brown Boveri Ltd.'].map((v) => builtIn.vendor(v))).toEqual([
      'ABB',
      'ABB',
      'ABB',
    ]);
    expect(['PLC', 'PLCs', 'plc', 'Controller', 'controllers'].map((t) => builtIn.type(t))).toEqual([
      'PLC',
      'PLC',
      'PLC',
      'PLC',
      'PLC',
    ]);
    expect(['EngineeringStation', 'IOModule', 'NetworkSwitch'].map((t) => builtIn.type(t))).toEqual([
      'Engineering workstation',
      'I/O module',
      'Switch',
    ]);
    expect(builtIn.vendor('  Acme Kontrols ')).toBe('Acme Kontrols');
    expect(builtIn.type('Espresso machine')).toBe('Espresso machine');
    expect(builtIn.vendor(null)).toBeNull();
  });

  it('puts the assessor’s aliases first, and normalises again from the raw spelling', () => {
    const edited = new Normaliser([
      { kind: 'vendor', spelling: 'Siemens Mobility GmbH', canonical: 'Siemens' },
      { kind: 'type', spelling: 'Steuerung', canonical: 'PLC' },
      { kind: 'vendor', spelling: 'Siemens', canonical: 'Siemens Digital Industries' },
    ]);
    const asset = { vendor: 'Siemens Mobility GmbH', type: 'Steuerung' };
    const once = normaliseNames(asset, edited);
    expect(once).toEqual({
      vendor: 'Siemens',
      type: 'PLC',
      vendorRaw: 'Siemens Mobility GmbH',
      typeRaw: 'Steuerung',
    });
    // Aliases do not chain; a spelling the assessor maps wins over the built-in table.
    expect(edited.vendor('SIEMENS AG')).toBe('Siemens Digital Industries');
    // Back to the built-in table: the name comes from the raw spelling, not the stored one.
    expect(normaliseNames(once, builtIn)).toEqual({
      vendor: 'Siemens Mobility GmbH',
      type: 'Steuerung',
      vendorRaw: null,
      typeRaw: null,
    });
    const plain = { vendor: 'Siemens', type: 'PLC' };
    expect(normaliseNames(plain, builtIn)).toBe(plain);
  });

  it('makes two spellings of one vendor one value, with no conflict, when applied before the merge', async () => {
    const csv = 'name,ip,vendor,type\nPLC-1,10.0.0.1,Siemens AG,PLCs\nPLC-1,10.0.0.1,SIEMENS,controller\n';
    const parsed = await parseInventory({ name: 'plant.csv', bytes: new TextEncoder().encode(csv) });
    const assets = parsed.assets.map((a) => normaliseNames(a, builtIn));
    const merged = mergeIntoInventory(
      [],
      { ...parsed, assets },
      { id: crypto.randomUUID(), assessmentId: 'a', format: 'csv', fileName: 'plant.csv' },
    );
    expect(merged.added).toHaveLength(1);
    expect(merged.added[0]).toMatchObject({
      vendor: 'Siemens',
      type: 'PLC',
      vendorRaw: 'Siemens AG',
      typeRaw: 'PLCs',
      conflicts: [],
    });
  });

  it('keeps the raw spellings through the assessment file, and reads files without them', async () => {
    const data = await richAssessment();
    const before = data.assets.map((a) => ({ ...a }));
    data.assets[0] = { ...data.assets[0]!, vendor: 'Siemens', vendorRaw: 'Siemens AG' };
    const read = await parseAssessmentFile(serializeAssessmentFile(data));
    expect(read.assets[0]).toMatchObject({ vendor: 'Siemens', vendorRaw: 'Siemens AG' });
    expect(read.assets.slice(1)).toEqual(before.slice(1));
    expect('vendorRaw' in read.assets[1]!).toBe(false);
  });
});
