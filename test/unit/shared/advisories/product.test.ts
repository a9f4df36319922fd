import { describe, expect, it } from 'vitest';
import { matchProduct, tokenizeProduct } from '../../../../shared/advisories';

const match = (asset: string, product: string, modelNumbers: string[] = []) =>
  matchProduct(tokenizeProduct(asset), tokenizeProduct(product, new Set(), modelNumbers));

describe('product matching', () => {
  it('matches a model number inside a family name', () => {
    expect(match('S7-1516', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBe('model');
    expect(match('CPU 1516-3 PN/DP', 'SIMATIC S7-1500 CPU 1516-3 PN/DP (6ES7516-3AN01-0AB0)')).toBe('model');
    expect(match('BMXP342020 Modicon M340 Processor Module', 'Modicon M340 CPU (part numbers BMXP34*)')).toBe(
      'model',
    );
    expect(match('BMXP342020 Modicon M340 Processor Module', 'M340 CPUs BMX P34x')).toBe('model');
  });

  it('never matches on a family token alone', () => {
    expect(match('S7', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBeNull();
    expect(match('1500', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBeNull();
    expect(match('S7-1500', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBeNull();
    expect(match('S7-1500', 'SIMATIC S7-1500 Software Controller')).toBeNull();
    expect(match('SIMATIC', 'SIMATIC WinCC')).toBeNull();
    expect(match('Modicon', 'Modicon Quantum')).toBeNull();
  });

  it('tells models of one family apart', () => {
    expect(match('S7-1516', 'SIMATIC S7-1500 CPU 1511-1 PN')).toBeNull();
    expect(match('S7-1516', 'SIMATIC S7-1500 CPU 1516F-3 PN/DP')).toBeNull();
    expect(match('S7-1200 CPU 1214C', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBeNull();
    expect(
      match('BMXP342020 Modicon M340', 'M340 Communication Ethernet modules BMX NOE 0100 (H)'),
    ).toBeNull();
    expect(
      match(
        '1756-L83E ControlLogix 5580',
        '1756 ControlLogix EtherNet/IP Communications Modules 1756-EWEB Series B',
      ),
    ).toBeNull();
  });

  it('tells variants apart by their order number when the asset gives one', () => {
    const an00 = 'SIMATIC S7-1500 CPU 1516-3 PN/DP (6ES7516-3AN00-0AB0)';
    expect(match('CPU 1516-3 PN/DP 6ES7516-3AN01-0AB0', an00)).toBeNull();
    expect(match('CPU 1516-3 PN/DP 6ES7516-3AN00-0AB0', an00)).toBe('model');
    expect(match('6ES7516-3AN00-0AB0', an00)).toBe('model');
    expect(match('SCALANCE XB205-3', 'SCALANCE XB205-3 (SC, PN)', ['6GK5205-3BB00-2AB2'])).toBe('model');
  });

  it('places a model in a family the advisory names as a family', () => {
    const family = 'SIMATIC S7-1500 CPU family (incl. related ET200 CPUs and SIPLUS variants)';
    expect(match('S7-1516', family)).toBe('model');
    expect(match('S7-1214', family)).toBeNull();
    expect(match('SCALANCE X204-2', 'SCALANCE X-200 switch family (incl. SIPLUS NET variants)')).toBe(
      'model',
    );
    expect(match('SCALANCE X308-2', 'SCALANCE X-200 switch family (incl. SIPLUS NET variants)')).toBeNull();
  });

  it('reads series numbers with the product line word, and lists of them', () => {
    expect(match('MicroLogix 1400', 'MicroLogix 1400 Controllers Series B')).toBe('model');
    expect(match('MicroLogix 1400', 'MicroLogix 1100 and 1400')).toBe('model');
    expect(match('MicroLogix 1100', 'MicroLogix 1400')).toBeNull();
  });

  it('matches products named by words only, with low confidence', () => {
    expect(match('Modicon Quantum', 'Modicon Quantum')).toBe('name');
    expect(match('WinCC OA', 'SIMATIC WinCC OA')).toBe('name');
  });
});

describe('product names the blind sets turned up', () => {
  it('reads "NX1-series" and "GT25 model" as lines: a model of the line is possibly affected, by name', () => {
    const nx1 =
      'NJ/NX-series Controllers and Software - NX1-series Machine Automation Controller (All Models)';
    expect(match('NX1P2-9024DT1', nx1)).toBe('name');
    expect(match('GT2510-VTBA', 'GT25 model VNC server')).toBe('name');
    // Another line, and the prefix alone, are not of it.
    expect(match('NX7-1500', nx1)).toBeNull();
    expect(match('NX1', nx1)).toBe('model');
    expect(match('GT2710-STBA', 'GT25 model VNC server')).toBeNull();
    // A family token is never a line prefix: "S7-1500 series", "E2 series" name no line.
    expect(tokenizeProduct('SIMATIC S7-1500 series CPU').prefixes).toEqual([]);
    expect(tokenizeProduct('E2 series cameras').prefixes).toEqual([]);
    expect(match('S7-1516', 'SIMATIC S7 series')).toBeNull();
  });

  it('needs one word of a slash list of short names, and reads plurals as the word', () => {
    const metasys = 'Metasys ADS/ADX/OAS Servers';
    expect(match('Metasys ADS Server', metasys)).not.toBeNull();
    expect(match('Metasys OAS Server', metasys)).not.toBeNull();
    expect(match('Metasys NAE Server', metasys)).toBeNull();
    expect(match('Metasys', metasys)).toBeNull();
    // A long name with a slash is one name, not alternatives.
    expect(tokenizeProduct('WebAccess/SCADA').anyOf).toEqual([]);
    expect(match('WebAccess/SCADA', 'WebAccess/SCADA')).toBe('name');
  });

  it('does not require the words in parentheses, which restate the name', () => {
    const ipm = tokenizeProduct(
      'Eaton Intelligent Power Manager Infrastructure (IPM Infrastructure)',
      new Set(['eaton']),
    );
    expect(matchProduct(tokenizeProduct('Intelligent Power Manager Infrastructure'), ipm)).toBe('name');
    expect(matchProduct(tokenizeProduct('Intelligent Power Manager'), ipm)).toBeNull();
    expect(match('Bently Nevada 3500 Rack', 'Bently Nevada 3500 Rack (TDI Firmware)')).toBe('model');
    expect(match('Bently Nevada 3300 Rack', 'Bently Nevada 3500 Rack (TDI Firmware)')).toBeNull();
  });

  it('by words alone, refuses an asset that names a word the product lacks', () => {
    expect(match('SICAM T', 'SICAM T')).toBe('name');
    expect(match('SICAM MMU', 'SICAM T')).toBeNull();
    expect(match('SIMATIC WinCC OA', 'SIMATIC WinCC OA V3.14 and prior')).toBe('name');
    expect(match('SIMATIC WinCC OA Operator iOS App', 'SIMATIC WinCC OA V3.14 and prior')).toBeNull();
  });
});
