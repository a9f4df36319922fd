import { describe, expect, it } from 'vitest';
import {
  filterFlowRows,
  flowRows,
  pairKey,
  reconcile,
  zoneMatrix,
  zonePairOptions,
} from '../../../../shared/network';
import type { Conduit, Flow, Zone } from '../../../../shared/model';

const AT = '2026-03-01T10:00:00.000Z';
const base = (id: string) => ({ id, assessmentId: 'A', createdAt: AT, updatedAt: AT });

function zone(id: string, name: string, ranges: string[]): Zone {
  return {
    ...base(id),
    name,
    kind: 'cell',
    purdueLevel: null,
    criticality: 'medium',
    slt: { base: 2, overrides: {} },
    ranges,
    description: '',
    position: { x: 0, y: 0 },
    size: { width: 100, height: 100 },
  };
}

function flow(id: string, a: string, b: string, port: number, options: Partial<Flow> = {}): Flow {
  return {
    ...base(id),
    batchId: 'batch1',
    source: 'pcap',
    a: { ip: a, mac: null, port: 50000, assetId: null },
    b: { ip: b, mac: null, port, assetId: null },
    transport: 'tcp',
    ethertype: null,
    server: 'b',
    protocol: null,
    recognizedBy: null,
    packets: 10,
    bytes: 1000,
    firstSeen: AT,
    lastSeen: AT,
    ...options,
  };
}

const zones = [zone('cell', 'Cell 1', ['10.1.0.0/16']), zone('dmz', 'DMZ', ['10.9.0.0/16'])];
const conduits: Conduit[] = [
  {
    ...base('c1'),
    fromZoneId: 'dmz',
    toZoneId: 'cell',
    name: '',
    direction: 'one-way',
    services: [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
    controls: [],
    slt: { base: null, overrides: {} },
    notes: '',
    sourceHandle: null,
    targetHandle: null,
  },
];
const flows = [
  flow('f1', '10.9.0.5', '10.1.0.7', 502, { protocol: 'Modbus/TCP', recognizedBy: 'payload' }),
  flow('f2', '10.1.0.7', '10.9.0.5', 445, { protocol: 'SMB', recognizedBy: 'port' }),
  flow('f3', '10.9.0.5', '10.1.0.8', 502, { protocol: 'Modbus/TCP', recognizedBy: 'payload' }),
  // The client is the b end here: the row tells it from its client.
  flow('f4', '192.0.2.10', '10.1.0.7', 44818, {
    server: 'a',
    a: { ip: '10.1.0.7', mac: null, port: 44818, assetId: null },
    b: { ip: '192.0.2.10', mac: null, port: 50001, assetId: null },
  }),
];
const reconciled = reconcile({ zones, conduits, assets: [], flows }).flows;

describe('zone pairs of the flows', () => {
  it('counts flows per zone pair, undocumented ones apart, with "no zone" last when a flow has an end in none', () => {
    const { cells, zoneIds } = zoneMatrix(reconciled, ['cell', 'dmz']);
    expect(zoneIds).toEqual(['cell', 'dmz', null]);
    expect(cells.get(pairKey('dmz', 'cell'))).toEqual({ flows: 2, undocumented: 0 });
    expect(cells.get(pairKey('cell', 'dmz'))).toEqual({ flows: 1, undocumented: 1 });
    expect(cells.get(pairKey(null, 'cell'))).toEqual({ flows: 1, undocumented: 0 });
    expect(zoneMatrix(reconciled.slice(0, 3), ['cell', 'dmz']).zoneIds).toEqual(['cell', 'dmz']);
  });

  it('tells each flow from its client to its server, with zone names, and offers the pairs by label', () => {
    const rows = flowRows(flows, reconciled, zones);
    expect(rows.map((r) => [r.client, r.server, r.fromZone, r.toZone, r.port])).toEqual([
      ['10.9.0.5:50000', '10.1.0.7:502', 'DMZ', 'Cell 1', 502],
      ['10.1.0.7:50000', '10.9.0.5:445', 'Cell 1', 'DMZ', 445],
      ['10.9.0.5:50000', '10.1.0.8:502', 'DMZ', 'Cell 1', 502],
      ['192.0.2.10:50001', '10.1.0.7:44818', 'No zone', 'Cell 1', 44818],
    ]);
    expect(rows[1]!.status).toBe('undocumented');
    expect(rows[3]!.recognizedBy).toBe('none');
    expect(zonePairOptions(rows)).toEqual([
      [pairKey('cell', 'dmz'), 'Cell 1 → DMZ'],
      [pairKey('dmz', 'cell'), 'DMZ → Cell 1'],
      [pairKey(null, 'cell'), 'No zone → Cell 1'],
    ]);
  });

  it('filters the rows by zone pair, protocol and recognition together', () => {
    const rows = flowRows(flows, reconciled, zones);
    const ids = (filter: Parameters<typeof filterFlowRows>[1]) =>
      filterFlowRows(rows, filter).map((r) => r.id);
    expect(ids({ pair: null, protocol: '', recognition: '' })).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(ids({ pair: pairKey('dmz', 'cell'), protocol: '', recognition: '' })).toEqual(['f1', 'f3']);
    expect(ids({ pair: null, protocol: 'SMB', recognition: '' })).toEqual(['f2']);
    expect(ids({ pair: null, protocol: '', recognition: 'none' })).toEqual(['f4']);
    expect(ids({ pair: pairKey('dmz', 'cell'), protocol: 'SMB', recognition: '' })).toEqual([]);
  });
});
