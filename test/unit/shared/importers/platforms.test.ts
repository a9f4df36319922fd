import { describe, expect, it } from 'vitest';
import { mergeIntoInventory } from '../../../../shared/importers';
import { batchFor, byName, importFixture, parseFixture } from './helpers';

describe('Armis', () => {
  it('reads NDJSON devices (microsecond ISO times, IPv4-mapped IPv6)', async () => {
    const { parsed, merged } = await importFixture('armis/elastic_devices_sample.ndjson');
    expect(parsed.format).toBe('armis');
    expect(parsed.assets[0]!.record).toBe('line 1');
    expect(byName(merged.added, '49f9ef97_1b8')).toMatchObject({
      ips: ['175.16.199.0'],
      macs: ['46:a7:4b:5d:b0:76'],
      os: 'Windows Server 2016 Standard',
      type: 'Servers',
      purdueLevel: 4,
      criticality: null,
      firstSeen: '2024-09-11T01:13:13.620Z',
      lastSeen: '2025-03-29T02:02:09.124Z',
    });
  });

  it('reads the data.results envelope, names as one string, RFC 1123 times', async () => {
    const { merged } = await importFixture('armis/search_response.json');
    expect(byName(merged.added, 'PLC-9')).toMatchObject({
      hostnames: ['PLC-9', 'plc9.plant.local'],
      criticality: 'high',
      ips: ['10.50.0.9'],
    });
    expect(byName(merged.added, '10.50.0.10')).toMatchObject({
      macs: [],
      firstSeen: '2025-02-18T00:29:19.000Z',
      criticality: null,
    });
  });
});

describe('Microsoft Defender for IoT', () => {
  it('reads devices with "N/A" firmware rows and null address lists', async () => {
    const { merged } = await importFixture('defender_iot/mslearn_onprem_cm_external_v1_devices_example.json');
    expect(merged.added[0]).toMatchObject({
      name: '10.4.14.102',
      ips: ['10.4.14.102'],
      macs: [],
      model: 'AAAAAAAAAA',
      firmware: '20.55',
      serial: null,
      type: 'PLC',
      protocols: ['Omron FINS'],
      vendor: null,
    });
    const { merged: more } = await importFixture('defender_iot/devices_for_connections.json');
    expect(byName(more.added, 'PLC-171')).toMatchObject({
      model: 'BMX P34 2020',
      firmware: '2.70',
      serial: 'SN171',
      os: null,
      protocols: ['modbus'],
    });
  });

  it('links undirected connections to the devices by id', async () => {
    const devices = await parseFixture('defender_iot/devices_for_connections.json');
    const connections = await parseFixture(
      'defender_iot/mslearn_sensor_api_v1_devices_connections_example.json',
    );
    expect(connections.format).toBe('defender-iot');
    const first = mergeIntoInventory([], devices, batchFor('defender-iot'));
    const second = mergeIntoInventory(first.added, connections, batchFor('defender-iot'));
    expect(second.flows).toHaveLength(2);
    const plc = byName(first.added, 'PLC-171');
    const s7 = byName(first.added, 'S7-23');
    expect(second.flows[0]).toMatchObject({
      a: { assetId: plc.id, ip: '10.4.14.171' },
      b: { port: 502 },
      server: null,
      protocol: 'modbus, ams, http',
      lastSeen: '2017-11-21T16:24:17.933Z',
    });
    expect(second.flows[1]).toMatchObject({
      b: { assetId: s7.id, ip: null, mac: '00:1b:1b:00:00:23' },
      protocol: 's7comm',
    });
  });

  it('says which connection end is unknown when the devices were not imported', async () => {
    const { merged } = await importFixture(
      'defender_iot/mslearn_sensor_api_v1_devices_connections_example.json',
    );
    expect(merged.flows).toEqual([]);
    expect(merged.counts.skipped).toBe(2);
    expect(merged.warnings[0]).toEqual({
      record: 'record 1',
      message: 'connection end 171 is not an asset in this file or the inventory; skipped',
    });
  });
});

describe('Tenable OT', () => {
  it('reads GraphQL asset nodes', async () => {
    const { parsed, merged } = await importFixture('tenable_ot/graphql_assets.json');
    expect(parsed.format).toBe('tenable-ot');
    expect(byName(merged.added, 'Comm. Adapter #2')).toMatchObject({
      ips: ['10.100.101.25', 'fe80::20c:29ff:fe12:3456'],
      macs: ['00:00:bc:12:34:56'],
      criticality: 'high',
      purdueLevel: 1,
      model: '1756-EN2TR',
      firmware: '10.007',
      serial: '0x00C0FFEE',
      type: 'CommunicationModule',
      firstSeen: '2023-11-02T10:11:12.345Z',
    });
    expect(byName(merged.added, 'EWS-01')).toMatchObject({
      os: 'Windows 10',
      macs: ['f8:bc:12:aa:00:01'],
      criticality: 'medium',
      lastSeen: null,
    });
  });

  it('reads the details export and keeps a conflicting firmware with both sources', async () => {
    const graph = await parseFixture('tenable_ot/graphql_assets.json');
    const details = await parseFixture('tenable_ot/export_details.json');
    expect(details.format).toBe('tenable-ot');
    const first = mergeIntoInventory([], graph, batchFor('tenable-ot', 'graphql.json'));
    const second = mergeIntoInventory(first.added, details, batchFor('tenable-ot', 'details.json'));
    expect(second.added).toEqual([]);
    const adapter = second.updated[0]!.asset;
    expect(adapter.firmware).toBe('10.007');
    expect(adapter.lastSeen).toBe('2024-06-01T00:00:00.000Z');
    expect(adapter.conflicts).toEqual([
      {
        field: 'firmware',
        values: [
          { value: '10.007', source: expect.objectContaining({ fileName: 'graphql.json' }) },
          { value: '10.008', source: expect.objectContaining({ fileName: 'details.json' }) },
        ],
      },
    ]);
  });

  it('reads a CSV export, stripping the formula guards', async () => {
    const { parsed, merged } = await importFixture('tenable_ot/assets_export.csv', { format: 'tenable-ot' });
    expect(parsed.preview.mapping?.fields).toMatchObject({
      name: ['Name'],
      model: ['Family'],
      firmware: ['Firmware Version'],
      ips: ['IP'],
      macs: ['MAC'],
      purdueLevel: ['Purdue Level'],
    });
    expect(byName(merged.added, 'PLC-7')).toMatchObject({
      type: "=cmd|' /C calc'!A0",
      firmware: '10.007',
      serial: 'SN-1',
      vendor: 'Rockwell',
      purdueLevel: 1,
      criticality: 'high',
    });
    expect(byName(merged.added, 'EWS-01')).toMatchObject({
      vendor: 'Dell',
      lastSeen: '2024-05-06T07:08:09.000Z',
      purdueLevel: 2,
    });
  });
});

describe('Forescout eyeInspect', () => {
  it('reads hosts, with 1970 placeholders as unknown times', async () => {
    const { parsed, merged } = await importFixture('forescout_eyeinspect/xsoar_hosts.json');
    expect(parsed.format).toBe('forescout');
    expect(parsed.warnings).toEqual([]);
    expect(merged.added[0]).toMatchObject({
      name: '192.168.1.2',
      ips: ['192.168.1.2'],
      macs: ['00:0c:29:6d:35:12'],
      firstSeen: null,
      lastSeen: null,
    });
  });

  it('links hosts by id; proto "MODBUSTCP (TCP)" gives protocol and transport', async () => {
    const hosts = await parseFixture('forescout_eyeinspect/hosts_two.json');
    const links = await parseFixture('forescout_eyeinspect/xsoar_links.json');
    const first = mergeIntoInventory([], hosts, batchFor('forescout'));
    const second = mergeIntoInventory(first.added, links, batchFor('forescout'));
    expect(byName(first.added, 'scada-srv')).toMatchObject({
      type: 'SCADA server',
      purdueLevel: 2,
      firstSeen: '2024-01-01T00:00:00.000Z',
    });
    expect(byName(first.added, '192.168.1.20')).toMatchObject({
      macs: ['00:80:f4:aa:00:20'],
      model: 'Schneider M340',
      firmware: '3.01',
    });
    expect(second.flows).toHaveLength(1);
    expect(second.flows[0]).toMatchObject({
      a: { ip: '192.168.1.2', assetId: byName(first.added, 'scada-srv').id },
      b: { ip: '192.168.1.20', port: 502 },
      protocol: 'MODBUSTCP',
      transport: 'tcp',
      server: 'b',
      bytes: 35680158 + 147286245,
    });
  });
});
