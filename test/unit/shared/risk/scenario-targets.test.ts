import { describe, expect, it } from 'vitest';
import {
  entryVectorKey,
  entryVectorOptions,
  targetKey,
  targetNames,
  targetOfKey,
} from '../../../../shared/risk';
import { aConduit, aConnection, anAssessmentData, anAsset, aZone, riskId } from '../../../fixtures/builders';

function plant() {
  const dmz = aZone('DMZ');
  const ops = aZone('Operations');
  const cell = aZone('Filling cell');
  const dmzToOps = aConduit(dmz, ops);
  const opsToCell = aConduit(ops, cell, { name: 'Ops to filling' });
  const plc = anAsset('PLC-1', { zoneId: cell.id });
  const modem = aConnection({
    from: { kind: 'asset', assetId: plc.id },
    to: { kind: 'text', text: 'Internet' },
    type: 'cellular',
    description: 'LTE router in panel U3',
  });
  const fixed = aConnection({
    from: { kind: 'zone', zoneId: cell.id },
    to: { kind: 'text', text: 'Vendor' },
    type: 'vendor-remote-access',
    status: 'remediated',
  });
  const data = anAssessmentData({
    zones: [dmz, ops, cell],
    conduits: [dmzToOps, opsToCell],
    assets: [plc],
    connections: [modem, fixed],
  });
  return { data, dmz, ops, cell, dmzToOps, opsToCell, modem };
}

describe('scenario targets and entry vectors', () => {
  it('names zones and conduits, and says when one is deleted', () => {
    const { data, ops, dmzToOps, opsToCell } = plant();
    const names = targetNames(data);
    expect(names({ kind: 'zone', zoneId: ops.id })).toBe('Operations');
    expect(names({ kind: 'conduit', conduitId: dmzToOps.id })).toBe('Conduit DMZ – Operations');
    expect(names({ kind: 'conduit', conduitId: opsToCell.id })).toBe('Conduit Ops to filling');
    expect(names({ kind: 'zone', zoneId: riskId(2) })).toBe('deleted zone');
    expect(names({ kind: 'conduit', conduitId: riskId(3) })).toBe('deleted conduit');
  });

  it('turns targets and vectors into form values and back', () => {
    const { ops, dmzToOps, modem } = plant();
    expect(targetKey({ kind: 'zone', zoneId: ops.id })).toBe(`zone:${ops.id}`);
    expect(targetOfKey(`conduit:${dmzToOps.id}`)).toEqual({ kind: 'conduit', conduitId: dmzToOps.id });
    expect(targetOfKey(`zone:${ops.id}`)).toEqual({ kind: 'zone', zoneId: ops.id });
    expect(entryVectorKey({ kind: 'connection', connectionId: modem.id })).toBe(`connection:${modem.id}`);
    expect(entryVectorKey({ kind: 'remote-access', zoneId: null })).toBe('remote-access');
  });

  it("offers a zone's conduits and open connections, then the generic paths", () => {
    const { data, cell, opsToCell, modem } = plant();
    const options = entryVectorOptions(
      { target: { kind: 'zone', zoneId: cell.id }, entryVector: { kind: 'removable-media' } },
      data,
    );
    expect(options.map((o) => o.label)).toEqual([
      'Conduit Ops to filling',
      'Undocumented connection: Cellular/4G modem – LTE router in panel U3',
      'Remote access',
      'Removable media',
      'Wireless',
    ]);
    expect(options[0]!.vector).toEqual({ kind: 'conduit', conduitId: opsToCell.id });
    expect(options[1]!.value).toBe(`connection:${modem.id}`);
    expect(options[2]!.vector).toEqual({ kind: 'remote-access', zoneId: cell.id });
  });

  it("offers both ends' conduits for a conduit target, and keeps a stored vector that is gone", () => {
    const { data, dmzToOps, opsToCell } = plant();
    const gone = riskId(3);
    const options = entryVectorOptions(
      {
        target: { kind: 'conduit', conduitId: opsToCell.id },
        entryVector: { kind: 'conduit', conduitId: gone },
      },
      data,
    );
    expect(options[0]).toEqual({
      value: `conduit:${gone}`,
      label: 'A conduit or connection not on this target (or deleted)',
      vector: { kind: 'conduit', conduitId: gone },
    });
    expect(options.slice(1, 3).map((o) => o.value)).toEqual([
      `conduit:${dmzToOps.id}`,
      `conduit:${opsToCell.id}`,
    ]);
    expect(options.find((o) => o.value === 'remote-access')?.vector).toEqual({
      kind: 'remote-access',
      zoneId: null,
    });
  });

  it('offers an observed flow only to the scenario that has it', () => {
    const { data, dmz } = plant();
    const flow = { kind: 'flow' as const, candidateKey: 'k', summary: '10.0.0.5 → 10.1.0.9 tcp/502' };
    const options = entryVectorOptions({ target: { kind: 'zone', zoneId: dmz.id }, entryVector: flow }, data);
    expect(options.find((o) => o.value === 'flow')?.label).toBe(
      'Observed flow with no conduit: 10.0.0.5 → 10.1.0.9 tcp/502',
    );
    expect(options.some((o) => o.label.startsWith('A conduit or connection'))).toBe(false);
  });
});
