import { describe, expect, it } from 'vitest';
import { suggestScenarios, threatScenarioSchema, type SuggestionInput } from '../../../../shared/risk';
import { aConduit, aConnection, aRiskMethod, aScenario, aZone } from '../../../fixtures/builders';

function model() {
  const remote = aZone('Vendor remote access', { kind: 'remote-access', purdueLevel: 3.5 });
  const dmz = aZone('Industrial DMZ', { kind: 'dmz', purdueLevel: 3.5 });
  const cell = aZone('Filling cell', { kind: 'cell', purdueLevel: 1 });
  const lab = aZone('Lab', { kind: 'other', purdueLevel: 2 });
  const remoteToDmz = aConduit(remote, dmz, { controls: ['vpn'] });
  const dmzToCell = aConduit(dmz, cell, { controls: [] });
  const plc = { id: '00000000-0000-4000-9999-000000000001', zoneId: cell.id };
  const modem = aConnection({
    from: { kind: 'asset', assetId: plc.id },
    to: { kind: 'text', text: 'Internet' },
    type: 'cellular',
    likelihood: 5,
  });
  const fixed = aConnection({
    from: { kind: 'zone', zoneId: lab.id },
    to: { kind: 'zone', zoneId: cell.id },
    type: 'dual-homed',
    status: 'remediated',
  });
  const input: SuggestionInput = {
    method: aRiskMethod(),
    zones: [remote, dmz, cell, lab],
    conduits: [remoteToDmz, dmzToCell],
    connections: [modem, fixed],
    assets: [plc],
    undocumentedFlows: [
      {
        key: 'flow|lab|cell|tcp|502',
        fromZoneId: lab.id,
        toZoneId: cell.id,
        summary: 'Lab → Filling cell tcp/502 Modbus/TCP',
      },
    ],
    scope: null,
    scenarios: [],
  };
  return { remote, dmz, cell, lab, remoteToDmz, dmzToCell, modem, input };
}

describe('suggestScenarios', () => {
  it('suggests one scenario per undocumented connection, unallowed flow, open conduit and remote-access zone', () => {
    const { remote, dmz, cell, dmzToCell, modem, input } = model();
    const suggestions = suggestScenarios(input);
    expect(suggestions.map((s) => s.key)).toEqual([
      `connection:${modem.id}`,
      'flow:flow|lab|cell|tcp|502',
      `open-conduit:${dmzToCell.id}`,
      `remote-access:${remote.id}:${dmz.id}`,
    ]);
    const [cellular, flow, open, ra] = suggestions;
    expect(cellular).toMatchObject({
      target: { kind: 'zone', zoneId: cell.id },
      title: 'Cellular/4G modem into Filling cell',
      source: 'criminal',
      capability: 3,
      entryVector: { kind: 'connection', connectionId: modem.id },
      techniques: ['T0883', 'T0822'],
      likelihood: 5,
    });
    expect(flow).toMatchObject({
      target: { kind: 'zone', zoneId: cell.id },
      frs: ['FR5'],
      entryVector: { kind: 'flow' },
    });
    expect(open).toMatchObject({
      target: { kind: 'conduit', conduitId: dmzToCell.id },
      entryVector: { kind: 'conduit', conduitId: dmzToCell.id },
    });
    expect(ra).toMatchObject({
      title: 'Remote access into Industrial DMZ through Vendor remote access',
      entryVector: { kind: 'remote-access', zoneId: remote.id },
    });
  });

  it('turns into a valid scenario record when accepted', () => {
    const { input } = model();
    const [first] = suggestScenarios(input);
    const { key, reason: _reason, ...fields } = first!;
    const record = threatScenarioSchema.parse({
      id: '00000000-0000-4000-9999-000000000002',
      assessmentId: '00000000-0000-4000-8000-000000000001',
      createdAt: '2026-03-02T08:15:00.000Z',
      updatedAt: '2026-03-02T08:15:00.000Z',
      ...fields,
      suggestionKey: key,
    });
    expect(record.consequence).toBeNull();
  });

  it('does not offer again what was accepted or dropped, nor what lies outside the system under consideration', () => {
    const { remote, cell, modem, dmzToCell, input } = model();
    const accepted = aScenario(cell, {
      source: 'criminal',
      capability: 3,
      likelihood: 5,
      suggestionKey: `connection:${modem.id}`,
    });
    const dropped = aScenario(cell, {
      source: 'criminal',
      capability: 3,
      likelihood: 4,
      suggestionKey: 'flow:flow|lab|cell|tcp|502',
      status: 'dropped',
      dropReason: 'Engineering laptop, removed on day 2',
    });
    const keys = suggestScenarios({
      ...input,
      scenarios: [accepted, dropped],
      scope: {
        exclusions: [{ kind: 'zone', id: remote.id, reason: 'Vendor-operated, assessed separately' }],
      },
    }).map((s) => s.key);
    expect(keys).toEqual([`open-conduit:${dmzToCell.id}`]);
  });
});
