import { describe, expect, it } from 'vitest';
import {
  filterFlowRows,
  flowRows,
  pairKey,
  reconcile,
  zoneMatrix,
  zonePairOptions,
} from '../../../../shared/network';
import { aConduit, aFlow, aZone } from '../../../fixtures/builders';

const cell = aZone('Cell 1', { ranges: ['10.1.0.0/16'] });
const dmz = aZone('DMZ', { ranges: ['10.9.0.0/16'] });
const zones = [cell, dmz];
const conduits = [
  aConduit(dmz, cell, {
    direction: 'one-way',
    services: [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
  }),
];
const flows = [
  aFlow('10.9.0.5', '10.1.0.7', 502, { id: 'f1', protocol: 'Modbus/TCP', recognizedBy: 'payload' }),
  aFlow('10.1.0.7', '10.9.0.5', 445, { id: 'f2', protocol: 'SMB', recognizedBy: 'port' }),
  aFlow('10.9.0.5', '10.1.0.8', 502, { id: 'f3', protocol: 'Modbus/TCP', recognizedBy: 'payload' }),
  // The client is the b end here: the row tells it from its client.
  aFlow('10.1.0.7', '192.0.2.10', 50001, {
    id: 'f4',
    server: 'a',
    a: { ip: '10.1.0.7', mac: null, port: 44818, assetId: null },
  }),
];
const reconciled = reconcile({ zones, conduits, assets: [], flows }).flows;

describe('zone pairs of the flows', () => {
  it('counts flows per zone pair, undocumented ones apart, with "no zone" last when a flow has an end in none', () => {
    const { cells, zoneIds } = zoneMatrix(reconciled, [cell.id, dmz.id]);
    expect(zoneIds).toEqual([cell.id, dmz.id, null]);
    expect(cells.get(pairKey(dmz.id, cell.id))).toEqual({ flows: 2, undocumented: 0 });
    expect(cells.get(pairKey(cell.id, dmz.id))).toEqual({ flows: 1, undocumented: 1 });
    expect(cells.get(pairKey(null, cell.id))).toEqual({ flows: 1, undocumented: 0 });
    expect(zoneMatrix(reconciled.slice(0, 3), [cell.id, dmz.id]).zoneIds).toEqual([cell.id, dmz.id]);
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
      [pairKey(cell.id, dmz.id), 'Cell 1 → DMZ'],
      [pairKey(dmz.id, cell.id), 'DMZ → Cell 1'],
      [pairKey(null, cell.id), 'No zone → Cell 1'],
    ]);
  });

  it('filters the rows by zone pair, protocol and recognition together', () => {
    const rows = flowRows(flows, reconciled, zones);
    const ids = (filter: Parameters<typeof filterFlowRows>[1]) =>
      filterFlowRows(rows, filter).map((r) => r.id);
    expect(ids({ pair: null, protocol: '', recognition: '' })).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(ids({ pair: pairKey(dmz.id, cell.id), protocol: '', recognition: '' })).toEqual(['f1', 'f3']);
    expect(ids({ pair: null, protocol: 'SMB', recognition: '' })).toEqual(['f2']);
    expect(ids({ pair: null, protocol: '', recognition: 'none' })).toEqual(['f4']);
    expect(ids({ pair: pairKey(dmz.id, cell.id), protocol: 'SMB', recognition: '' })).toEqual([]);
  });
});
