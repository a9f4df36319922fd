import { describe, expect, it } from 'vitest';
import { mergeIntoInventory } from '../../../../shared/importers';
import { batchFor, byName, importFixture, parseFixture, parseText } from './helpers';

describe('Nozomi', () => {
  it('reads the assets table from the /api/open/query/do envelope', async () => {
    const { parsed, merged } = await importFixture('nozomi/ibm-car_query_assets.json');
    expect(parsed.format).toBe('nozomi');
    expect(parsed.warnings).toEqual([]);
    expect(merged.added).toHaveLength(1);
    const asset = merged.added[0]!;
    expect(asset).toMatchObject({
      name: 'plc180.xxxx.corp.com',
      ips: ['1.1.1.2', '1.1.1.3'],
      macs: ['00:11:11:11:11:11'],
      vendor: 'Schneider Electric',
      model: 'BMXP342020 Modicon M340 Processor Module',
      firmware: 'v2.9',
      os: null,
      serial: null,
      type: 'controller',
      purdueLevel: 1,
      protocols: ['modbus'],
      firstSeen: '2023-11-27T15:16:32.520Z',
      lastSeen: '2024-01-23T14:17:56.000Z',
      endOfSupport: null,
    });
    expect(asset.sources).toEqual([
      {
        batchId: asset.batchIds[0],
        format: 'nozomi',
        sourceId: '0093xxxx-xxxx-xxxx-xxxx-xxxxxxxxb98c',
        fileName: 'nozomi/ibm-car_query_assets.json',
      },
    ]);
  });

  it('reads string levels, "-" types and empty vendors as the XSOAR fixture has them', async () => {
    const { merged } = await importFixture('nozomi/xsoar_find_assets_trimmed.json');
    const rtu = byName(merged.added, '10.197.23.180');
    expect(rtu).toMatchObject({
      purdueLevel: 1,
      type: 'OT_device',
      vendor: null,
      macs: ['00:02:3e:99:e6:7e'],
      protocols: ['https', 'iec104', 'other'],
    });
    expect(byName(merged.added, '10.197.163.44')).toMatchObject({ purdueLevel: 2, type: null });
  });

  it('merges a node into the asset that groups it (same MAC)', async () => {
    const assets = await parseFixture('nozomi/ibm-car_query_assets.json');
    const nodes = await parseFixture('nozomi/ibm-car_query_nodes.json');
    const first = mergeIntoInventory([], assets, batchFor('nozomi', 'assets.json'));
    const second = mergeIntoInventory(first.added, nodes, batchFor('nozomi', 'nodes.json'));
    expect(second.added).toEqual([]);
    expect(second.counts.merged).toBe(1);
    expect(second.updated).toHaveLength(1);
    expect(second.updated[0]!.asset.sources.map((s) => s.fileName)).toEqual(['assets.json', 'nodes.json']);
  });

  it('reads sessions (NDJSON, numbers as strings, IPv6 node ids)', async () => {
    const { parsed, merged } = await importFixture('nozomi/elastic_sessions_sample.ndjson');
    expect(parsed.assets).toEqual([]);
    expect(merged.flows).toHaveLength(1);
    expect(merged.flows[0]).toMatchObject({
      a: { ip: '2a02:cf40::', port: 49740 },
      b: { ip: '2a02:cf41:abcd::1234', port: 5355 },
      transport: 'udp',
      server: 'b',
      protocol: 'llmnr',
      packets: 1,
      bytes: 90,
      firstSeen: '2025-04-29T20:04:04.874Z',
      lastSeen: '2025-04-29T20:04:04.875Z',
      source: 'nozomi',
    });
  });

  it('reads links with literal dotted keys, and L2 links between MACs', async () => {
    const { parsed, merged } = await importFixture('nozomi/links.json');
    expect(merged.flows).toHaveLength(2);
    expect(merged.flows[0]).toMatchObject({
      a: { ip: '10.0.1.20' },
      b: { ip: '10.0.1.10', port: null },
      transport: 'tcp',
      packets: 1200,
      bytes: 345678,
      protocol: 's7comm',
    });
    expect(merged.flows[1]).toMatchObject({
      a: { mac: '00:11:22:33:44:55', ip: null },
      b: { mac: '01:80:c2:00:00:0e' },
      transport: 'other',
      protocol: 'lldp',
    });
    expect(parsed.skipped).toBe(1);
    expect(parsed.warnings).toEqual([
      { record: 'record 3', message: 'a connection needs both ends (an address or an asset id)' },
    ]);
  });

  it('reads a CSV export: BOM, ";" delimiter, CRLF rows, newline inside a quoted cell, formula guard', async () => {
    const { parsed, merged } = await importFixture('nozomi/assets_export_semicolon.csv');
    expect(parsed.format).toBe('nozomi');
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.records).toBe(3);
    const plc = byName(merged.added, 'plc-01');
    expect(plc).toMatchObject({
      ips: ['10.0.1.10', '10.0.1.11'],
      os: null,
      protocols: ['s7comm', 's7plus'],
      endOfSupport: null,
      firmware: 'V2.9.4',
    });
    const pc = byName(merged.added, '=HYPERLINK("x")');
    expect(pc).toMatchObject({
      macs: ['00:11:22:33:44:66'],
      vendor: null,
      protocols: ['rdp', 'smb'],
      lastSeen: '2024-01-09T09:17:56.123Z',
      firstSeen: '2023-11-27T15:16:32.000Z',
    });
    expect(byName(merged.added, '10.0.1.30')).toMatchObject({
      ips: ['10.0.1.30'],
      type: null,
      lastSeen: '2024-01-09T10:17:56.000Z',
    });
    expect(parsed.preview.headers[0]).toBe('id');
    expect(parsed.preview.rows[0]!.ip).toBe('10.0.1.10\n10.0.1.11');
  });

  it('reads sessions and nodes exported as CSV, with dotted column names taken literally', async () => {
    const sessions = await parseText(
      'sessions.csv',
      'id,from,to,from_port,to_port,transport_protocol,protocol,transferred.packets,transferred.bytes,first_activity_time,last_activity_time,direction_is_known\n' +
        's1,10.0.1.20,10.0.1.10,50123,102,tcp,s7comm,"1,200",4096,1701098192520,1701098292520,false\n',
    );
    expect(sessions.format).toBe('nozomi');
    expect(sessions.flows).toEqual([
      {
        record: 'row 2',
        sourceId: 's1',
        a: { ip: '10.0.1.20', mac: null, port: 50123, sourceId: '10.0.1.20' },
        b: { ip: '10.0.1.10', mac: null, port: 102, sourceId: '10.0.1.10' },
        transport: 'tcp',
        server: null,
        protocol: 's7comm',
        packets: 1200,
        bytes: 4096,
        firstSeen: '2023-11-27T15:16:32.520Z',
        lastSeen: '2023-11-27T15:18:12.520Z',
      },
    ]);
    const nodes = await parseText(
      'nodes.csv',
      'id,label,ip,mac_address,mac_vendor,product_name,firmware_version,level,first_activity_time,last_activity_time\n' +
        '10.0.1.10,plc-01,10.0.1.10,00:11:22:33:44:55,Siemens,S7-1500,V2.9.4,1,1701098192520,1704791876000\n',
    );
    expect(nodes.format).toBe('nozomi');
    expect(nodes.assets[0]).toMatchObject({
      name: 'plc-01',
      ips: ['10.0.1.10'],
      model: 'S7-1500',
      purdueLevel: 1,
      sourceId: '10.0.1.10',
    });
  });

  it('skips records of tables that hold no assets, saying why', async () => {
    for (const file of [
      'nozomi/ibm-car_query_vulnerabilities.json',
      'nozomi/ibm-car_query_sensors.json',
      'nozomi/ibm-car_query_asset_softwares.json',
    ]) {
      const parsed = await parseFixture(file);
      expect(parsed.format).toBe('nozomi');
      expect(parsed.assets).toEqual([]);
      expect(parsed.skipped).toBe(1);
      expect(parsed.warnings[0]!.message).toMatch(/another table/);
    }
  });
});
