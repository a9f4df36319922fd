import { describe, expect, it } from 'vitest';
import { mergeIntoInventory } from '../../../../shared/importers';
import { zipInterfaces } from '../../../../shared/importers/sources/claroty-xdome';
import { batchFor, byName, importFixture, parseFixture } from './helpers';

describe('Claroty CTD', () => {
  it('reads /ranger/assets (enum names, upper-case MACs)', async () => {
    const { parsed, merged } = await importFixture('claroty_ctd/xsoar_ranger_assets_response.json');
    expect(parsed.format).toBe('claroty-ctd');
    expect(merged.added).toHaveLength(1);
    expect(merged.added[0]).toMatchObject({
      name: 'GTWB',
      ips: ['1.1.1.1'],
      macs: ['00:0b:ab:1a:dd:dd'],
      vendor: 'Advantech Technology',
      type: 'Endpoint',
      criticality: 'low',
      lastSeen: '2020-02-16T10:46:00.000Z',
      sources: [expect.objectContaining({ sourceId: '15-1', format: 'claroty-ctd' })],
    });
  });

  it('keeps a backplane module apart from the IP of the card in front of it', async () => {
    const { merged } = await importFixture('claroty_ctd/elastic_ranger_assets_plc_sample.json');
    expect(merged.added[0]).toMatchObject({
      name: '10.1.30.1:Card 2 \\ Addr 255',
      ips: [],
      type: 'PLC',
      criticality: 'high',
      purdueLevel: 1,
      firmware: 'V7.015',
      model: '1756-CNB/D 7.015',
      serial: '001605B3',
      firstSeen: '2023-04-17T07:30:31.000Z',
    });
  });

  it('dedupes children[] also returned top-level, and skips broadcast pseudo-assets', async () => {
    const { parsed, merged } = await importFixture('claroty_ctd/ranger_assets_children.json');
    expect(parsed.assets.map((a) => a.sourceId)).toEqual(['40-1', '41-1', '78-1']);
    expect(parsed.assets[1]!.record).toBe('record 1 child 1');
    expect(parsed.skipped).toBe(1);
    expect(parsed.warnings).toEqual([
      { record: 'record 3', message: 'a broadcast or multicast pseudo-asset, not a device' },
    ]);
    expect(merged.added).toHaveLength(3);
    expect(byName(merged.added, 'PLC-RACK-1')).toMatchObject({
      criticality: 'critical',
      protocols: ['CIP', 'ENIP'],
      macs: ['00:1d:9c:c0:04:9d'],
    });
    expect(byName(merged.added, '10.1.30.1:Card 2 \\ Addr 255')).toMatchObject({
      criticality: 'high',
      ips: [],
    });
    expect(byName(merged.added, '127.0.0.1 (external)')).toMatchObject({
      ips: ['127.0.0.1'],
      type: 'Endpoint',
    });
  });

  it('reads /ranger/baselines as flows (transmission "TCP / 44818", nullable ports)', async () => {
    const { merged } = await importFixture('claroty_ctd/elastic_ranger_baselines_sample.ndjson');
    expect(merged.flows).toHaveLength(3);
    expect(merged.flows[0]).toMatchObject({
      a: { ip: '10.1.0.172', mac: '00:50:56:b9:08:7e', port: null },
      b: { ip: '10.1.0.40', mac: '00:1d:9c:c0:04:9d', port: 44818 },
      transport: 'tcp',
      protocol: 'CIP',
      lastSeen: '2023-04-17T07:40:19.000Z',
    });
    expect(merged.flows[1]).toMatchObject({
      a: { port: 88 },
      b: { mac: 'ff:ff:ff:ff:ff:ff', ip: null, port: 67 },
      transport: 'udp',
      protocol: 'DHCPv4',
    });
    expect(merged.flows[2]).toMatchObject({
      a: { ip: '127.0.0.1' },
      b: { ip: '127.0.0.1', port: null },
      transport: 'other',
      protocol: 'ICMP',
    });
  });
});

describe('Claroty xDome', () => {
  it('zips the *_list parallel arrays by index even when their lengths differ', async () => {
    const parsed = await parseFixture('claroty_xdome/devices_page1.json');
    expect(parsed.format).toBe('claroty-xdome');
    const raw = JSON.parse(
      new TextDecoder().decode((await import('./helpers')).fixtureBytes('claroty_xdome/devices_page1.json')),
    );
    const nics = zipInterfaces(raw.devices[0]);
    expect(nics).toHaveLength(3);
    expect(nics[1]).toEqual({
      ip: '10.20.2.5',
      mac: '00-1D-9C-AA-BB-02',
      firstSeen: '2024-02-15T10:30:00.000Z',
      lastSeen: '2024-06-03T07:00:00.123Z',
    });
    expect(nics[2]).toMatchObject({ ip: '192.168.250.5', mac: undefined, firstSeen: null });
  });

  it('reads devices, with "(Last Known IP)" annotations and device_-prefixed fields', async () => {
    const { parsed, merged } = await importFixture('claroty_xdome/devices_page1.json');
    expect(parsed.warnings).toEqual([]);
    const plc = merged.added[0]!;
    expect(plc).toMatchObject({
      name: '10.20.1.5',
      ips: ['10.20.1.5', '10.20.2.5', '192.168.250.5'],
      macs: ['00:1d:9c:aa:bb:01', '00:1d:9c:aa:bb:02'],
      hostnames: ['plc-line5'],
      vendor: 'Rockwell Automation',
      model: '1756-L83E',
      serial: null,
      type: 'PLC',
      purdueLevel: 1,
      firmware: '33.011',
      firstSeen: '2024-02-15T10:30:00.000Z',
      lastSeen: '2024-06-03T07:00:00.123Z',
    });
    expect(byName(merged.added, 'HMI-07')).toMatchObject({
      os: 'Windows 10 IoT',
      purdueLevel: 2,
      firstSeen: '2024-03-01T08:00:00.000Z',
      lastSeen: '2024-06-01T08:00:00.000Z',
      sources: [expect.objectContaining({ sourceId: '6c2f0a1e-0b1d-4d7e-9e55-1a2b3c4d5e02' })],
    });
  });

  it('accepts the last page, where "devices" is null', async () => {
    const parsed = await parseFixture('claroty_xdome/devices_last_page.json', { format: 'claroty-xdome' });
    expect(parsed.assets).toEqual([]);
    expect(parsed.records).toBe(0);
  });

  it('merges the same device seen by CTD and xDome (same MAC)', async () => {
    const ctd = await parseFixture('claroty_ctd/ranger_assets_children.json');
    const xdomeAsset = (await parseFixture('claroty_xdome/devices_page1.json')).assets[0]!;
    const first = mergeIntoInventory([], ctd, batchFor('claroty-ctd'));
    const incoming = {
      assets: [{ ...xdomeAsset, macs: ['00:1d:9c:c0:04:9d'] }],
      flows: [],
      skipped: 0,
      warnings: [],
    };
    const second = mergeIntoInventory(first.added, incoming, batchFor('claroty-xdome'));
    expect(second.added).toEqual([]);
    const rack = second.updated[0]!.asset;
    expect(rack.name).toBe('PLC-RACK-1');
    expect(rack.ips).toEqual(['10.1.30.1', '10.20.1.5', '10.20.2.5', '192.168.250.5']);
    expect(
      rack.conflicts.find((c) => c.field === 'model')?.values.map((v) => [v.value, v.source.format]),
    ).toEqual([
      ['1756-EN2T', 'claroty-ctd'],
      ['1756-L83E', 'claroty-xdome'],
    ]);
  });
});
