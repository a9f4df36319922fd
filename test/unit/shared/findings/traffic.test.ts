import { describe, expect, it } from 'vitest';
import { cleartextIcsProtocol, generateFindings, zoneExposures } from '../../../../shared/findings';
import { migrateTriageKeys, reconcile, withTriage } from '../../../../shared/network';
import type { AssessmentData, Flow, Triage } from '../../../../shared/model';
import { PlantBuilder } from '../../../fixtures/builders';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const T0 = '2026-03-02T08:00:00.000Z';
let n = 0;

function flow(
  from: string,
  to: string,
  port: number,
  protocol: string | null,
  transport: 'tcp' | 'udp' = 'tcp',
): Flow {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    assessmentId: 'assessment-1',
    createdAt: T0,
    updatedAt: T0,
    batchId: null,
    source: 'pcap',
    a: { ip: from, mac: null, port: 50000 + n, assetId: null },
    b: { ip: to, mac: null, port, assetId: null },
    transport,
    ethertype: null,
    server: 'b',
    protocol,
    recognizedBy: protocol ? 'payload' : null,
    packets: 10,
    bytes: 1000,
    firstSeen: T0,
    lastSeen: T0,
  };
}

/** DMZ 10.1.0.0/24, cell 10.2.0.0/24, office 10.9.0.0/24; one conduit DMZ -> cell allowing OPC UA only. */
function plant(flows: Flow[]): AssessmentData {
  const data = new PlantBuilder()
    .zone('dmz', 'Industrial DMZ', { kind: 'dmz', criticality: 'medium' })
    .zone('cell', 'Packaging cell', { criticality: 'high' })
    .zone('office', 'Office', { kind: 'enterprise', criticality: 'low' })
    .conduit('dmz-cell', 'dmz', 'cell')
    .conduit('office-dmz', 'office', 'dmz')
    .build();
  data.zones[0]!.ranges = ['10.1.0.0/24'];
  data.zones[1]!.ranges = ['10.2.0.0/24'];
  data.zones[2]!.ranges = ['10.9.0.0/24'];
  data.conduits[0]!.direction = 'one-way';
  data.conduits[0]!.services = [{ transport: 'tcp', ports: '4840', protocol: 'OPC UA' }];
  data.conduits[1]!.services = [{ transport: 'tcp', ports: '443', protocol: 'HTTPS' }];
  data.flows = flows;
  return data;
}

const byKey = (data: AssessmentData, key: string) => {
  const found = generateFindings(data, { now: NOW }).find((f) => f.autoKey === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};

describe('traffic findings', () => {
  it('make an S7comm-plus flow from the DMZ into the cell a finding its conduit does not allow, and cleartext ICS', () => {
    const data = plant([
      flow('10.1.0.5', '10.2.0.10', 102, 'S7comm-plus'),
      flow('10.1.0.5', '10.2.0.10', 4840, 'OPC UA'),
    ]);
    const mismatch = byKey(data, 'traffic:conduit-mismatch');
    expect(mismatch.title).toBe('1 flow that its conduit does not allow');
    expect(mismatch.description).toContain('S7comm-plus from Industrial DMZ to Packaging cell');
    expect(mismatch.refs.conduitIds).toEqual(['k-dmz-cell']);
    // Into a more trusted zone of consequence 4: 4 × 4 = 16, high (critical needs 20).
    expect(mismatch.severity).toBe('high');
    const cleartext = byKey(data, 'traffic:cleartext-ics');
    expect(cleartext.description).toBe(
      '- S7comm-plus from Industrial DMZ to Packaging cell: 1 flow, no conduit allows it',
    );
    // OPC UA is allowed and is not cleartext ICS.
    expect(cleartext.description).not.toContain('OPC UA');
  });

  it('make a cross-zone flow with no conduit between the zones its own finding, and public addresses one', () => {
    const data = plant([
      flow('10.9.0.7', '10.2.0.10', 502, 'Modbus/TCP'),
      flow('10.2.0.10', '52.1.2.3', 443, 'TLS'),
      flow('10.9.0.7', '10.1.0.5', 443, 'TLS'),
    ]);
    const undocumented = byKey(data, 'traffic:undocumented-flow');
    expect(undocumented.title).toBe('1 cross-zone flow with no conduit');
    expect(undocumented.description).toContain('Modbus/TCP from Office to Packaging cell');
    expect(byKey(data, 'traffic:cleartext-ics').description).toContain(
      'Modbus/TCP from Office to Packaging cell',
    );
    const publicIp = byKey(data, 'traffic:public-ip');
    expect(publicIp.title).toBe('Traffic with 1 public address');
    expect(publicIp.description).toContain('52.1.2.3');
    expect(publicIp.refs.zoneIds).toEqual(['z-cell']);
  });

  it('list conduits no flow used as possible over-permission', () => {
    const data = plant([flow('10.9.0.7', '10.1.0.5', 443, 'TLS')]);
    const stale = byKey(data, 'traffic:stale-conduit');
    expect(stale.title).toBe('1 conduit with no observed traffic');
    expect(stale.refs.conduitIds).toEqual(['k-dmz-cell']);
    expect(stale.recommendation).toMatch(/over-permission/);
  });

  it('leave out candidates the assessor triaged, and none at all without flows', () => {
    const data = plant([flow('10.9.0.7', '10.2.0.10', 502, 'Modbus/TCP')]);
    const [candidate] = reconcile(data).candidates.filter((c) => c.kind === 'undocumented-flow');
    data.triage = [
      {
        id: '00000000-0000-4000-8000-0000000000f1',
        assessmentId: 'assessment-1',
        createdAt: T0,
        updatedAt: T0,
        candidateKey: candidate!.key,
        decision: 'dismissed',
        reason: 'Commissioning laptop, removed.',
        connectionId: null,
        conduitId: null,
      },
    ];
    expect(generateFindings(data, { now: NOW }).some((f) => f.autoKey === 'traffic:undocumented-flow')).toBe(
      false,
    );
    expect(generateFindings(plant([]), { now: NOW }).some((f) => f.autoKey.startsWith('traffic:'))).toBe(
      false,
    );
  });

  it('know the cleartext write-capable ICS protocols by the names the classifier gives', () => {
    for (const name of [
      'Modbus/TCP',
      'S7comm',
      'S7comm-plus',
      'EtherNet/IP',
      'CIP I/O',
      'DNP3',
      'IEC 60870-5-104',
      'DCE/RPC',
    ])
      expect(cleartextIcsProtocol(name), name).not.toBeNull();
    for (const name of ['OPC UA', 'TLS', 'MMS', 'SSH', 'HTTP', null])
      expect(cleartextIcsProtocol(name), String(name)).toBeNull();
  });
});

describe('exposure', () => {
  it('counts conduits to less trusted zones, undocumented connections, traffic, public addresses and remote access', () => {
    const data = plant([
      flow('10.9.0.7', '10.2.0.10', 502, 'Modbus/TCP'),
      flow('10.2.0.10', '52.1.2.3', 443, 'TLS'),
    ]);
    data.connections.push(
      ...new PlantBuilder().connection('modem', { type: 'cellular', to: { kind: 'zone', zoneId: 'z-cell' } })
        .data.connections,
    );
    const exposures = zoneExposures({
      zones: data.zones,
      conduits: data.conduits,
      connections: data.connections,
      assetZone: new Map(),
      traffic: reconcile(data),
    });
    expect(exposures.get('z-cell')).toEqual({
      level: 5,
      factors: ['less-trusted-conduit', 'public-addresses', 'remote-access', 'traffic-from-other-zones'],
    });
    expect(exposures.get('z-dmz')).toEqual({ level: 2, factors: ['less-trusted-conduit'] });
    expect(exposures.get('z-office')).toEqual({ level: 1, factors: [] });
  });

  const exposureOf = (data: AssessmentData, zoneId: string) =>
    zoneExposures({
      zones: data.zones,
      conduits: data.conduits,
      connections: data.connections,
      assetZone: new Map(),
      traffic: reconcile(data),
    }).get(zoneId);

  it('counts a conduit to a remote-access zone once, as remote access', () => {
    const data = new PlantBuilder()
      .zone('vpn', 'Vendor VPN', { kind: 'remote-access' })
      .zone('cell', 'Packaging cell')
      .conduit('vpn-cell', 'vpn', 'cell')
      .build();
    expect(exposureOf(data, 'z-cell')).toEqual({ level: 2, factors: ['remote-access'] });
  });

  it('counts a cellular modem once, as remote access, and a cable bypass as an undocumented connection', () => {
    const modem = plant([]);
    modem.connections.push(
      ...new PlantBuilder().connection('modem', {
        type: 'cellular',
        to: { kind: 'zone', zoneId: 'z-office' },
      }).data.connections,
    );
    expect(exposureOf(modem, 'z-office')).toEqual({ level: 2, factors: ['remote-access'] });
    const cable = plant([]);
    cable.connections.push(
      ...new PlantBuilder().connection('cable', {
        type: 'dual-homed',
        to: { kind: 'zone', zoneId: 'z-office' },
      }).data.connections,
    );
    expect(exposureOf(cable, 'z-office')).toEqual({ level: 2, factors: ['undocumented-connection'] });
  });

  it('counts a flow to a public address once, as public traffic, not also as traffic on no conduit', () => {
    const data = plant([flow('10.2.0.10', '52.1.2.3', 443, 'TLS')]);
    expect(exposureOf(data, 'z-cell')).toEqual({
      level: 3,
      factors: ['less-trusted-conduit', 'public-addresses'],
    });
  });

  it('does not count again flows already recorded as an undocumented connection', () => {
    const data = plant([flow('10.9.0.7', '10.2.0.10', 502, 'Modbus/TCP')]);
    expect(exposureOf(data, 'z-cell')?.factors).toContain('traffic-from-other-zones');
    data.connections.push(
      ...new PlantBuilder().connection('bypass', {
        type: 'dual-homed',
        from: { kind: 'zone', zoneId: 'z-office' },
        to: { kind: 'zone', zoneId: 'z-cell' },
        flowIds: [data.flows![0]!.id],
      }).data.connections,
    );
    expect(exposureOf(data, 'z-cell')).toEqual({
      level: 3,
      factors: ['less-trusted-conduit', 'undocumented-connection'],
    });
  });
});

describe('triage keys from earlier versions', () => {
  it('are migrated from cross:<from>:<to>:<transport>:<port> to the current flow: key', () => {
    const data = plant([flow('10.9.0.7', '10.2.0.10', 502, 'Modbus/TCP')]);
    const { candidates } = reconcile(data);
    const current = candidates.find((c) => c.kind === 'undocumented-flow')!;
    const old: Triage = {
      id: '00000000-0000-4000-8000-0000000000f2',
      assessmentId: 'assessment-1',
      createdAt: T0,
      updatedAt: T0,
      candidateKey: 'cross:z-office:z-cell:tcp:502',
      decision: 'dismissed',
      reason: 'Known engineering access, being removed.',
      connectionId: null,
      conduitId: null,
    };
    expect(current.key).toBe('flow:z-office>z-cell:tcp/502:Modbus/TCP');
    expect(migrateTriageKeys(candidates, [old])).toEqual([{ ...old, candidateKey: current.key }]);
    expect(withTriage(candidates, [old]).find((c) => c.key === current.key)!.triage!.reason).toBe(
      'Known engineering access, being removed.',
    );
    // The zones either way round match too; another port does not; a current decision is never replaced.
    expect(
      migrateTriageKeys(candidates, [{ ...old, candidateKey: 'cross:z-cell:z-office:tcp:502' }]),
    ).toHaveLength(1);
    expect(
      migrateTriageKeys(candidates, [{ ...old, candidateKey: 'cross:z-office:z-cell:tcp:503' }]),
    ).toEqual([]);
    expect(migrateTriageKeys(candidates, [{ ...old, id: 'x', candidateKey: current.key }, old])).toEqual([]);
    expect(
      generateFindings({ ...data, triage: [old] }, { now: NOW }).some(
        (f) => f.autoKey === 'traffic:undocumented-flow',
      ),
    ).toBe(false);
  });
});
