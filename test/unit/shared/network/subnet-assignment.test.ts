import { describe, expect, it } from 'vitest';
import { assignBySubnet, type SubnetAsset } from '../../../../shared/network';

const asset = (id: string, ips: string[], zoneId: string | null = null): SubnetAsset => ({
  id,
  name: id,
  ips,
  zoneId,
});

describe('assignBySubnet', () => {
  const zones = [
    { id: 'ops', name: 'Operations', ranges: ['10.10.0.0/16', 'fd00:10::/48'] },
    { id: 'cell', name: 'Cell A', ranges: ['10.10.5.0/24', 'fd00:10:0:5::/64'] },
    { id: 'plc', name: 'PLC rack', ranges: ['10.10.5.10-10.10.5.19'] },
    { id: 'dmz', name: 'DMZ', ranges: ['172.16.0.0/24'] },
  ];

  it('places IPv4 and IPv6 assets in the most specific zone, leaving others alone', () => {
    const result = assignBySubnet(zones, [
      asset('hmi', ['10.10.1.20']),
      asset('plc1', ['10.10.5.12']),
      asset('io', ['10.10.5.200']),
      asset('hist6', ['fd00:10:0:9::20']),
      asset('plc6', ['fd00:10:0:5::12']),
      asset('stray', ['192.168.77.3']),
      asset('nomac', []),
      asset('garbage', ['not-an-ip']),
      asset('already', ['10.10.5.12'], 'dmz'),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.placements)).toEqual({
      hmi: 'ops',
      plc1: 'plc',
      io: 'cell',
      hist6: 'ops',
      plc6: 'cell',
    });
    expect(result.value.placed).toBe(5);
    expect(Object.fromEntries(result.value.placedPerZone)).toEqual({ ops: 2, plc: 1, cell: 2 });
    expect(result.value.unassigned.map((a) => a.id)).toEqual(['stray', 'nomac', 'garbage']);
  });

  it("uses the most specific match across all of an asset's IPs", () => {
    const result = assignBySubnet(zones, [
      asset('dual', ['172.16.0.9', '10.10.5.11']),
      asset('two', ['10.10.1.1', '172.16.0.4']),
    ]);
    expect(result.ok && Object.fromEntries(result.value.placements)).toEqual({ dual: 'plc', two: 'dmz' });
  });

  it('gives ties between partially overlapping ranges of equal size to the zone listed first', () => {
    const result = assignBySubnet(
      [
        { id: 'a', name: 'A', ranges: ['10.0.0.0-10.0.0.99'] },
        { id: 'b', name: 'B', ranges: ['10.0.0.50-10.0.0.149'] },
      ],
      [asset('x', ['10.0.0.60']), asset('y', ['10.0.0.120'])],
    );
    expect(result.ok && Object.fromEntries(result.value.placements)).toEqual({ x: 'a', y: 'b' });
  });

  it('refuses to place anything when a zone has an invalid range, and says which', () => {
    const result = assignBySubnet(
      [...zones, { id: 'bad', name: 'Utilities', ranges: ['10.20.0.0/24', '10.0.0.0/33'] }],
      [asset('hmi', ['10.10.1.20'])],
    );
    expect(result).toEqual({
      ok: false,
      message:
        'Zone "Utilities", range 2: "10.0.0.0/33": the prefix length /33 is larger than /32, the most an IPv4 address has',
    });
    const backwards = assignBySubnet(
      [{ id: 'z', name: 'Z', ranges: ['10.0.0.9-10.0.0.1'] }],
      [asset('a', ['10.0.0.5'])],
    );
    expect(backwards.ok).toBe(false);
    expect(!backwards.ok && backwards.message).toContain('runs backwards');
  });
});
