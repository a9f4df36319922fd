import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  suggestMapping,
  validateMapping,
  type ColumnMapping,
} from '../../../../shared/importers';
import { byName, importFixture, parseText } from './helpers';

describe('suggestMapping', () => {
  it('maps usual header names, whatever their case and punctuation', () => {
    const mapping = suggestMapping([
      'Asset ID',
      'Device Name',
      'IP Address(es)',
      'IPv6',
      'MAC_Address',
      'Manufacturer',
      'Product',
      'FW Version',
      'Operating System',
      'S/N',
      'Device Type',
      'Purdue',
      'Protocols',
      'First Seen',
      'Last Seen',
      'End of Support',
      'Comment',
    ]);
    expect(mapping).toEqual({
      version: 1,
      fields: {
        sourceId: ['Asset ID'],
        name: ['Device Name'],
        ips: ['IP Address(es)', 'IPv6'],
        macs: ['MAC_Address'],
        vendor: ['Manufacturer'],
        model: ['Product'],
        firmware: ['FW Version'],
        os: ['Operating System'],
        serial: ['S/N'],
        type: ['Device Type'],
        purdueLevel: ['Purdue'],
        protocols: ['Protocols'],
        firstSeen: ['First Seen'],
        lastSeen: ['Last Seen'],
        endOfSupport: ['End of Support'],
      },
    });
  });
  it('uses a preset first (Dragos names)', () => {
    const mapping = suggestMapping(
      ['assetId', 'displayName', 'ipAddresses', 'macAddresses', 'assetType'],
      'dragos',
    );
    expect(mapping.fields).toEqual({
      sourceId: ['assetId'],
      name: ['displayName'],
      ips: ['ipAddresses'],
      macs: ['macAddresses'],
      type: ['assetType'],
    });
  });
  it('round-trips as JSON and validates saved presets', () => {
    const mapping = suggestMapping(['Name', 'IP']);
    expect(JSON.parse(JSON.stringify(mapping))).toEqual(mapping);
    expect(validateMapping(mapping)).toEqual([]);
    expect(validateMapping({ version: 1, fields: { colour: ['x'] } })).toEqual(['unknown field "colour"']);
    expect(validateMapping({ version: 2, fields: {} })).toEqual(['unknown mapping version']);
  });
  it('applies a mapping to a record', () => {
    const mapping: ColumnMapping = { version: 1, fields: { name: ['A', 'B'], ips: ['IP1', 'IP2'] } };
    expect(applyMapping({ A: '', B: 'second', IP1: '10.0.0.1', IP2: '10.0.0.2' }, mapping)).toEqual({
      name: 'second',
      ips: ['10.0.0.1', '10.0.0.2'],
    });
  });
});

describe('generic CSV and JSON through a mapping', () => {
  it('reads Excel "Unicode text" (UTF-16LE, tab)', async () => {
    const { parsed, merged } = await importFixture('generic/excel_unicode_text.txt');
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-16le' });
    expect(parsed.preview.mapping?.fields).toMatchObject({
      hostnames: ['Hostname'],
      ips: ['IP Address'],
      macs: ['MAC'],
      vendor: ['Manufacturer'],
    });
    expect(byName(merged.added, 'Pumpe-Süd')).toMatchObject({
      hostnames: ['Pumpe-Süd'],
      ips: ['10.9.0.1'],
      macs: ['00:a0:45:01:02:03'],
      vendor: 'Phoenix Contact',
      firmware: '2022.0.4',
    });
    expect(byName(merged.added, 'Kühlung').macs).toEqual(['00:a0:45:01:02:04']);
  });
  it('reads the same table as UTF-16BE, Windows-1252 with ";" and UTF-8 with "|"', async () => {
    for (const [file, encoding] of [
      ['generic/utf16be_bom.csv', 'utf-16be'],
      ['generic/windows1252.csv', 'windows-1252'],
      ['generic/pipe.csv', 'utf-8'],
    ] as const) {
      const { parsed, merged } = await importFixture(file);
      expect(parsed.encoding).toBe(encoding);
      expect(merged.added.map((a) => [a.name, a.ips[0], a.vendor])).toEqual([
        ['Pumpe-Süd', '10.9.0.1', 'Phoenix Contact'],
        ['Kühlung', '10.9.0.2', 'WAGO'],
      ]);
    }
  });
  it('keeps an Alt+Enter newline inside a quoted cell of a CRLF file', async () => {
    const { parsed, merged } = await importFixture('generic/excel_quoted_newlines.csv');
    expect(parsed.records).toBe(2);
    expect(parsed.preview.rows[0]!.Notes).toBe('line one\nline two');
    expect(byName(merged.added, 'PLC 2')).toMatchObject({ ips: ['10.9.1.2', '10.9.1.3'], vendor: null });
  });
  it('reads a JSON array of nested objects inside an envelope', async () => {
    const { parsed, merged } = await importFixture('generic/objects.json');
    expect(parsed.format).toBe('json');
    expect(parsed.preview.headers).toEqual(['device.name', 'device.ip', 'mac', 'vendor', 'first_seen']);
    expect(byName(merged.added, 'Gateway A')).toMatchObject({
      ips: ['10.9.2.1'],
      macs: ['00:a0:45:aa:bb:cc'],
      firstSeen: '2024-02-01T08:00:00.000Z',
    });
    expect(byName(merged.added, 'Gateway B').ips).toEqual(['10.9.2.2']);
  });
  it('uses the mapping the caller chose instead of the suggestion', async () => {
    const parsed = await parseText('x.csv', 'Tag,Addr,Where\nP-101,10.1.1.1,Hall 1\n', {
      mapping: { version: 1, fields: { name: ['Tag'], ips: ['Addr'], type: ['Where'] } },
    });
    expect(parsed.assets[0]).toMatchObject({ name: 'P-101', ips: ['10.1.1.1'], type: 'Hall 1' });
  });
  it('refuses a table where nothing identifies an asset', async () => {
    await expect(parseText('colours.csv', 'colour,size\nred,1\n')).rejects.toThrow(
      /colours\.csv: no column could be mapped.*colour, size/,
    );
  });
  it('reports rows with the wrong number of cells by row number', async () => {
    const parsed = await parseText('x.csv', 'Name,IP\r\nA,10.0.0.1\r\nB,10.0.0.2,extra\r\nC\r\n');
    expect(parsed.warnings).toEqual([
      { record: 'row 3', message: '3 cells but the header has 2; the extra cells were ignored' },
      { record: 'row 4', message: '1 cells but the header has 2; the missing ones are empty' },
    ]);
    expect(parsed.assets.map((a) => a.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('Dragos (column mapping with a preset)', () => {
  it('reads a CSV export with the usual field names', async () => {
    const { parsed, merged } = await importFixture('dragos/assets.csv', { format: 'dragos' });
    expect(parsed.format).toBe('dragos');
    expect(byName(merged.added, 'RTU-North')).toMatchObject({
      ips: ['172.16.5.10'],
      macs: ['00:80:f4:01:02:03'],
      model: 'SCADAPack 570',
      firmware: '9.2.1',
      os: null,
      serial: 'SP570-0012',
      type: 'RTU',
      purdueLevel: 1,
      protocols: ['DNP3', 'Modbus'],
      firstSeen: '2024-01-10T12:00:00.000Z',
    });
    expect(byName(merged.added, 'ENG-LAPTOP')).toMatchObject({
      ips: ['172.16.5.99', '10.0.0.99'],
      macs: [],
      firstSeen: null,
    });
    expect(byName(merged.added, '1003').sources[0]!.sourceId).toBe('1003');
    expect(parsed.warnings).toEqual([
      { record: 'row 3', message: 'first seen: "Wed 10 Jan 2024" is not a time I can read; left empty' },
    ]);
  });
  it('reads the paged JSON (content[]) and reports a bad address', async () => {
    const { parsed, merged } = await importFixture('dragos/assets_content.json');
    expect(parsed.format).toBe('dragos');
    expect(byName(merged.added, 'ENG-LAPTOP')).toMatchObject({
      ips: ['172.16.5.99'],
      firstSeen: '2024-01-10T12:00:00.000Z',
      type: 'Engineering Workstation',
    });
    expect(parsed.warnings).toEqual([
      { record: 'record 2', message: '"not-an-ip" is not an IP address; ignored' },
    ]);
  });
});
