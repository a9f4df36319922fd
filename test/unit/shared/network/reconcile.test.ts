import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectionDraftForCandidate,
  connectionSeverity,
  documentCandidate,
  findAllowingConduit,
  isPublicIp,
  reconcile,
  serviceAllows,
  withTriage,
  type Candidate,
} from '../../../../shared/network';
import { undocumentedEdges } from '../../../../shared/diagram';
import type {
  Asset,
  Conduit,
  ConduitService,
  Connection,
  Flow,
  Triage,
  Zone,
} from '../../../../shared/model';
import { analyzeCapture } from '../../../../shared/traffic/analyzer';
import { captureToImport } from '../../../../shared/traffic/to-inventory';

const AT = '2026-03-01T10:00:00.000Z';
const base = (id: string) => ({ id, assessmentId: 'A', createdAt: AT, updatedAt: AT });

function zone(id: string, ranges: string[]): Zone {
  return {
    ...base(id),
    name: id.toUpperCase(),
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

function conduit(
  id: string,
  fromZoneId: string,
  toZoneId: string,
  services: ConduitService[],
  direction: Conduit['direction'] = 'one-way',
): Conduit {
  return {
    ...base(id),
    fromZoneId,
    toZoneId,
    name: '',
    direction,
    services,
    controls: [],
    slt: { base: null, overrides: {} },
    notes: '',
    sourceHandle: null,
    targetHandle: null,
  };
}

function asset(id: string, ips: string[], zoneId: string | null, macs: string[] = []): Asset {
  return {
    ...base(id),
    name: id,
    ips,
    macs,
    hostnames: [],
    vendor: null,
    model: null,
    firmware: null,
    os: null,
    serial: null,
    type: null,
    purdueLevel: null,
    protocols: [],
    criticality: null,
    zoneId,
    firstSeen: null,
    lastSeen: null,
    endOfSupport: null,
    notes: '',
    batchIds: [],
    sources: [],
    conflicts: [],
  };
}

let flowCount = 0;
function flow(
  a: string,
  aPort: number | null,
  b: string,
  bPort: number | null,
  options: Partial<Flow> = {},
): Flow {
  flowCount += 1;
  return {
    ...base(`f${flowCount}`),
    batchId: 'batch1',
    source: 'pcap',
    a: { ip: a, mac: null, port: aPort, assetId: null },
    b: { ip: b, mac: null, port: bPort, assetId: null },
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

function l2(src: string, dst: string, protocol: string, batchId = 'batch1'): Flow {
  return {
    ...flow('', null, '', null, { transport: 'l2', server: null, protocol, batchId }),
    a: { ip: null, mac: src, port: null, assetId: null },
    b: { ip: null, mac: dst, port: null, assetId: null },
    ethertype: 0x8892,
  };
}

const MODBUS: ConduitService = { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' };
const zones = [zone('ops', ['10.1.0.0/16']), zone('cell', ['10.2.0.0/16']), zone('plc', ['10.2.5.0/24'])];

const kinds = (candidates: Candidate[]) => candidates.map((c) => c.kind);

describe('serviceAllows', () => {
  const observed = (transport: Flow['transport'], port: number | null, protocol: string | null = null) => ({
    transport,
    port,
    protocol,
  });
  it('matches on transport and port or port range', () => {
    expect(serviceAllows(MODBUS, observed('tcp', 502))).toBe(true);
    expect(serviceAllows(MODBUS, observed('udp', 502))).toBe(false);
    expect(serviceAllows(MODBUS, observed('tcp', 503))).toBe(false);
    const range = { transport: 'udp', ports: '1000-2000', protocol: '' } as const;
    expect(serviceAllows(range, observed('udp', 1000))).toBe(true);
    expect(serviceAllows(range, observed('udp', 2000))).toBe(true);
    expect(serviceAllows(range, observed('udp', 2001))).toBe(false);
  });
  it('treats "any" as every service, and an empty port as every port of the transport', () => {
    expect(serviceAllows({ transport: 'any', ports: '', protocol: 'any' }, observed('udp', 9))).toBe(true);
    expect(serviceAllows({ transport: 'tcp', ports: '', protocol: '' }, observed('tcp', 12345))).toBe(true);
    expect(serviceAllows({ transport: 'tcp', ports: '', protocol: '' }, observed('udp', 53))).toBe(false);
    expect(serviceAllows({ transport: 'any', ports: '102', protocol: '' }, observed('tcp', 102))).toBe(true);
  });
  it('matches a protocol named without a port by name or by its usual port', () => {
    const mms = { transport: 'tcp', ports: '', protocol: 'IEC 61850 MMS' } as const;
    expect(serviceAllows(mms, observed('tcp', 102, 'MMS'))).toBe(true);
    expect(serviceAllows(mms, observed('tcp', 102, 'S7comm'))).toBe(false);
    const opc = { transport: 'tcp', ports: '', protocol: 'OPC UA' } as const;
    expect(serviceAllows(opc, observed('tcp', 4840, null))).toBe(true);
    expect(serviceAllows(opc, observed('tcp', 4841, null))).toBe(false);
  });
  it('never lets a layer-2 frame through a port rule', () => {
    expect(serviceAllows({ transport: 'any', ports: '', protocol: '' }, observed('l2', null))).toBe(false);
  });
});

describe('findAllowingConduit', () => {
  it('respects the direction of a one-way conduit and opens both ways for "both"', () => {
    const oneWay = [conduit('c1', 'ops', 'cell', [MODBUS])];
    const modbus = { transport: 'tcp' as const, port: 502, protocol: 'Modbus/TCP' };
    expect(findAllowingConduit(oneWay, 'ops', 'cell', modbus)?.id).toBe('c1');
    expect(findAllowingConduit(oneWay, 'cell', 'ops', modbus)).toBeNull();
    const both = [conduit('c2', 'ops', 'cell', [MODBUS], 'both')];
    expect(findAllowingConduit(both, 'cell', 'ops', modbus)?.id).toBe('c2');
  });
});

describe('isPublicIp', () => {
  it('tells public addresses from private, loopback, link-local, multicast and CGNAT ones', () => {
    for (const ip of ['8.8.8.8', '141.81.0.10', '2001:4860:4860::8888', '::ffff:8.8.4.4']) {
      expect(isPublicIp(ip), ip).toBe(true);
    }
    for (const ip of [
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '224.0.0.251',
      '255.255.255.255',
      '0.0.0.0',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '::1',
      'not an ip',
    ]) {
      expect(isPublicIp(ip), ip).toBe(false);
    }
    expect(isPublicIp('172.32.0.1')).toBe(true);
  });
});

describe('reconcile', () => {
  it('places endpoints by their asset zone first, else by the most specific range', () => {
    const hmi = asset('hmi', ['10.2.5.9'], 'ops');
    const flows = [flow('10.1.0.5', 50000, '10.2.5.7', 502), flow('10.1.0.5', 50001, '10.2.5.9', 502)];
    flows[1]!.b.assetId = 'hmi';
    const result = reconcile({ zones, conduits: [], assets: [hmi], flows });
    expect(result.flows[0]).toMatchObject({ fromZoneId: 'ops', toZoneId: 'plc', status: 'undocumented' });
    // The asset's zone wins over the range that holds its address.
    expect(result.flows[1]).toMatchObject({ fromZoneId: 'ops', toZoneId: 'ops', status: 'internal' });
  });

  it('finds the asset of an address without an asset id on the flow', () => {
    const result = reconcile({
      zones,
      conduits: [],
      assets: [asset('eng', ['192.168.7.7'], 'ops')],
      flows: [flow('192.168.7.7', 4000, '10.1.0.9', 22)],
    });
    expect(result.flows[0]).toMatchObject({ fromZoneId: 'ops', toZoneId: 'ops', status: 'internal' });
    expect(result.candidates).toEqual([]);
  });

  it('documents a flow the conduit allows and lists the one it does not', () => {
    const conduits = [conduit('c1', 'ops', 'plc', [MODBUS])];
    const flows = [
      flow('10.1.0.5', 50000, '10.2.5.7', 502, { protocol: 'Modbus/TCP' }),
      flow('10.1.0.5', 50001, '10.2.5.7', 102, { protocol: 'S7comm' }),
      flow('10.1.0.6', 50002, '10.2.5.8', 102, { protocol: 'S7comm' }),
      // The same service the other way round: the conduit is one-way.
      flow('10.2.5.7', 40000, '10.1.0.5', 502, { protocol: 'Modbus/TCP' }),
    ];
    const result = reconcile({ zones, conduits, assets: [], flows });
    expect(result.flows.map((f) => f.status)).toEqual([
      'documented',
      'undocumented',
      'undocumented',
      'undocumented',
    ]);
    expect(result.flows[0]!.conduitId).toBe('c1');
    const undocumented = result.candidates.filter((c) => c.kind === 'undocumented-flow');
    expect(undocumented.map((c) => c.key)).toEqual([
      'flow:ops>plc:tcp/102:S7comm',
      'flow:plc>ops:tcp/502:Modbus/TCP',
    ]);
    const s7 = undocumented[0]!;
    expect(s7.flowIds).toEqual([flows[1]!.id, flows[2]!.id]);
    expect(s7.packets).toBe(20);
    expect(s7.endpoints).toEqual(['10.1.0.5', '10.1.0.6', '10.2.5.7', '10.2.5.8']);
    expect(s7.summary).toBe('S7comm from OPS to PLC with no conduit allowing it');
    // Every cross-zone flow here is undocumented or documented: no stale conduit.
    expect(kinds(result.candidates)).not.toContain('stale-conduit');
  });

  it('orients by the server: a flow whose server is end a runs from b to a', () => {
    const conduits = [conduit('c1', 'ops', 'plc', [MODBUS])];
    const flows = [flow('10.2.5.7', 502, '10.1.0.5', 50000, { server: 'a' })];
    const result = reconcile({ zones, conduits, assets: [], flows });
    expect(result.flows[0]).toMatchObject({ fromZoneId: 'ops', toZoneId: 'plc', status: 'documented' });
  });

  it('accepts either orientation when no side is known to serve', () => {
    const conduits = [conduit('c1', 'ops', 'plc', [{ transport: 'udp', ports: '47808', protocol: '' }])];
    const flows = [
      flow('10.2.5.7', 47808, '10.1.0.5', 47808, { server: null, transport: 'udp' }),
      flow('10.2.5.7', 6000, '10.1.0.5', 7000, { server: null, transport: 'udp' }),
    ];
    const result = reconcile({ zones, conduits, assets: [], flows });
    expect(result.flows.map((f) => f.status)).toEqual(['documented', 'undocumented']);
    expect(result.candidates.find((c) => c.kind === 'undocumented-flow')?.key).toBe('flow:plc?ops:udp/6000:');
  });

  it('keys candidates stably: the same traffic in another order gives the same keys', () => {
    const make = () => [
      flow('10.1.0.5', 50000, '10.2.5.7', 102, { protocol: 'S7comm' }),
      flow('10.1.0.5', 50001, '10.2.0.7', 44818, { protocol: 'EtherNet/IP' }),
      flow('10.9.9.9', 50001, '10.2.0.7', 44818),
      flow('10.1.0.5', 50001, '8.8.8.8', 53, { transport: 'udp', protocol: 'DNS' }),
    ];
    const first = reconcile({ zones, conduits: [], assets: [], flows: make() }).candidates.map((c) => c.key);
    const second = reconcile({ zones, conduits: [], assets: [], flows: make().reverse() }).candidates.map(
      (c) => c.key,
    );
    expect(first).toEqual(second);
    expect(first).toEqual([
      'flow:ops>cell:tcp/44818:EtherNet/IP',
      'flow:ops>plc:tcp/102:S7comm',
      'public:8.8.8.8',
      'unzoned:10.9.9.9',
    ]);
  });

  it('lists endpoints in no zone and flows to public addresses outside every zone', () => {
    const flows = [
      flow('10.1.0.5', 50000, '203.0.113.50', 443, { protocol: 'TLS' }),
      flow('10.1.0.5', 50001, '203.0.113.50', 443, { protocol: 'TLS' }),
      flow('172.20.0.1', 1234, '10.1.0.5', 22),
    ];
    const result = reconcile({ zones, conduits: [], assets: [], flows });
    const pub = result.candidates.find((c) => c.kind === 'public-ip')!;
    expect(pub).toMatchObject({ key: 'public:203.0.113.50', fromZoneId: 'ops', port: 443, protocol: 'TLS' });
    expect(pub.flowIds).toHaveLength(2);
    expect(result.flows[0]!.public).toBe(true);
    const unzoned = result.candidates.filter((c) => c.kind === 'unzoned-endpoint');
    expect(unzoned.map((c) => c.key)).toEqual(['unzoned:172.20.0.1']);
    expect(result.flows[2]!.status).toBe('unzoned');
  });

  it('treats a public address inside a zone range as the plant’s own addressing', () => {
    const plantZones = [zone('z1', ['141.81.0.0/28']), zone('z2', ['141.81.0.0/24'])];
    const result = reconcile({
      zones: plantZones,
      conduits: [],
      assets: [],
      flows: [flow('141.81.0.10', 60000, '141.81.0.86', 502, { protocol: 'Modbus/TCP' })],
    });
    expect(kinds(result.candidates)).toEqual(['undocumented-flow']);
    expect(result.flows[0]).toMatchObject({ fromZoneId: 'z1', toZoneId: 'z2', public: false });
  });

  it('reports layer-2 frames between zones as a shared broadcast domain', () => {
    const assets = [
      asset('io1', [], 'cell', ['00:0e:8c:00:00:01']),
      asset('io2', [], 'plc', ['00:0e:8c:00:00:02']),
      asset('io3', [], 'cell', ['00:0e:8c:00:00:03']),
    ];
    const unicast = l2('00:0e:8c:00:00:01', '00:0e:8c:00:00:02', 'PROFINET RT');
    const sameZone = l2('00:0e:8c:00:00:03', '00:0e:8c:00:00:01', 'PROFINET RT', 'batch2');
    const result = reconcile({ zones, conduits: [], assets, flows: [unicast, sameZone] });
    const l2Candidates = result.candidates.filter((c) => c.kind === 'l2-between-zones');
    expect(l2Candidates.map((c) => c.key)).toEqual(['l2:cell|plc']);
    expect(l2Candidates[0]!.flowIds).toEqual([unicast.id]);
    expect(result.flows.every((f) => f.status === 'l2')).toBe(true);
  });

  it('sees multicast industrial frames from two zones in one capture as one broadcast domain', () => {
    const assets = [
      asset('io1', [], 'cell', ['00:0e:8c:00:00:01']),
      asset('io2', [], 'ops', ['00:0e:8c:00:00:02']),
    ];
    const dcp1 = l2('00:0e:8c:00:00:01', '01:0e:cf:00:00:00', 'PROFINET DCP');
    const dcp2 = l2('00:0e:8c:00:00:02', '01:0e:cf:00:00:00', 'PROFINET DCP');
    const otherCapture = l2('00:0e:8c:00:00:02', '01:0e:cf:00:00:00', 'PROFINET DCP', 'batch9');
    const result = reconcile({ zones, conduits: [], assets, flows: [dcp1, dcp2, otherCapture] });
    const found = result.candidates.filter((c) => c.kind === 'l2-between-zones');
    expect(found.map((c) => c.key)).toEqual(['l2:cell|ops']);
    expect(found[0]!.flowIds.sort()).toEqual([dcp1.id, dcp2.id].sort());
    // The multicast group is no endpoint of its own.
    expect(kinds(result.candidates)).not.toContain('unzoned-endpoint');
  });

  it('lists conduits no observed flow used, only when there is traffic at all', () => {
    const conduits = [
      conduit('used', 'ops', 'plc', [MODBUS]),
      conduit('stale', 'ops', 'cell', [{ transport: 'tcp', ports: '4840', protocol: 'OPC UA' }]),
    ];
    const flows = [flow('10.1.0.5', 50000, '10.2.5.7', 502)];
    const result = reconcile({ zones, conduits, assets: [], flows });
    expect(result.candidates.map((c) => c.key)).toEqual(['stale:stale']);
    expect(result.candidates[0]).toMatchObject({ kind: 'stale-conduit', conduitId: 'stale' });
    expect(reconcile({ zones, conduits, assets: [], flows: [] }).candidates).toEqual([]);
  });

  it('warns about a zone range that does not parse and still places the rest', () => {
    const broken = [...zones, zone('bad', ['10.3.0.7/16'])];
    const result = reconcile({
      zones: broken,
      conduits: [],
      assets: [],
      flows: [flow('10.1.0.1', 1, '10.2.0.1', 2)],
    });
    expect(result.warnings).toEqual([
      'Zone "BAD", range 1: "10.3.0.7/16": host bits are set; the network of this block is 10.3.0.0/16; ignored',
    ]);
    expect(result.flows[0]).toMatchObject({ fromZoneId: 'ops', toZoneId: 'cell' });
  });
});

describe('triage helpers', () => {
  const candidate = (): Candidate => {
    const flows = [flow('10.1.0.5', 50000, '10.2.5.7', 102, { protocol: 'S7comm' })];
    return reconcile({ zones, conduits: [], assets: [], flows }).candidates[0]!;
  };

  it('joins each candidate with its triage by key', () => {
    const c = candidate();
    const triage: Triage = {
      ...base('t1'),
      candidateKey: c.key,
      decision: 'dismissed',
      reason: 'test bench',
      connectionId: null,
      conduitId: null,
    };
    expect(withTriage([c], [triage])[0]!.triage?.reason).toBe('test bench');
    expect(withTriage([c], [])[0]!.triage).toBeNull();
  });

  it('creates a conduit for a candidate, or extends the one joining the zones', () => {
    const c = candidate();
    expect(documentCandidate([], c)).toEqual({
      kind: 'create',
      fromZoneId: 'ops',
      toZoneId: 'plc',
      service: { transport: 'tcp', ports: '102', protocol: 'S7comm' },
    });
    const forward = documentCandidate([conduit('c1', 'ops', 'plc', [MODBUS])], c);
    expect(forward?.kind === 'extend' && forward.conduit).toMatchObject({
      id: 'c1',
      direction: 'one-way',
      services: [MODBUS, { transport: 'tcp', ports: '102', protocol: 'S7comm' }],
    });
    const backward = documentCandidate([conduit('c2', 'plc', 'ops', [MODBUS])], c);
    expect(backward?.kind === 'extend' && backward.conduit.direction).toBe('both');
    // After extending, the flow is documented.
    if (backward?.kind !== 'extend') throw new Error('expected an extension');
    const again = reconcile({
      zones,
      conduits: [backward.conduit],
      assets: [],
      flows: [flow('10.1.0.5', 50000, '10.2.5.7', 102, { protocol: 'S7comm' })],
    });
    expect(again.candidates).toEqual([]);
  });

  it('prefills a connection from a candidate', () => {
    const draft = connectionDraftForCandidate(candidate());
    expect(draft.from).toEqual({ kind: 'zone', zoneId: 'ops' });
    expect(draft.to).toEqual({ kind: 'zone', zoneId: 'plc' });
    expect(draft.foundBy).toBe('traffic');
    expect(draft.flowIds).toHaveLength(1);
    expect(draft.description).toContain('S7comm from OPS to PLC');
  });

  it('grades severity from likelihood and impact', () => {
    expect(connectionSeverity(5, 5)).toBe('critical');
    expect(connectionSeverity(3, 5)).toBe('critical');
    expect(connectionSeverity(2, 5)).toBe('high');
    expect(connectionSeverity(2, 3)).toBe('medium');
    expect(connectionSeverity(2, 2)).toBe('low');
  });
});

describe('reconcile on a real capture', () => {
  it('finds the S7, EtherNet/IP and unknown services a Modbus-only conduit leaves undocumented', async () => {
    const file = path.join(__dirname, '../../../fixtures/traffic/mixed_modbus_s7_enip_mb2.pcap');
    const summary = await analyzeCapture([new Uint8Array(readFileSync(file))]);
    const imported = captureToImport(
      summary,
      [],
      { id: 'batch1', assessmentId: 'A', format: 'pcap', fileName: 'mixed.pcap', at: AT },
      { sha256: '0'.repeat(64), size: 1 },
    );
    expect(imported.flows.filter((f) => f.transport !== 'l2')).toHaveLength(summary.flows.length);
    expect(imported.flows.filter((f) => f.transport === 'l2')).toHaveLength(summary.l2.length);
    expect(imported.batch.undo).toMatchObject({ addedFlowIds: imported.flows.map((f) => f.id) });
    const plantZones = [zone('scada', ['141.81.0.0/28']), zone('field', ['141.81.0.0/24'])];
    const result = reconcile({
      zones: plantZones,
      conduits: [conduit('c1', 'scada', 'field', [MODBUS])],
      assets: imported.merge.added,
      flows: imported.flows,
    });
    const undocumented = result.candidates.filter((c) => c.kind === 'undocumented-flow');
    const protocols = new Set(undocumented.map((c) => c.protocol));
    expect(protocols.has('S7comm')).toBe(true);
    expect(protocols.has('EtherNet/IP')).toBe(true);
    expect(protocols.has('Modbus/TCP')).toBe(false);
    // Every Modbus/TCP flow from the SCADA block to the field block is documented by c1.
    const modbus = imported.flows.filter((f) => f.protocol === 'Modbus/TCP');
    const byId = new Map(result.flows.map((f) => [f.flowId, f]));
    for (const f of modbus) {
      const r = byId.get(f.id)!;
      if (r.fromZoneId === 'scada' && r.toZoneId === 'field') expect(r.status).toBe('documented');
    }
    expect(kinds(result.candidates)).not.toContain('stale-conduit');
  });
});

describe('undocumented connections on the diagram', () => {
  const connection = (
    id: string,
    from: Connection['from'],
    to: Connection['to'],
    status: Connection['status'] = 'open',
  ): Connection => ({
    ...base(id),
    from,
    to,
    type: 'cellular',
    foundBy: 'walk-down',
    description: '',
    likelihood: 3,
    impact: 3,
    status,
    justification: status === 'accepted' ? 'why' : '',
    recommendation: '',
    flowIds: [],
    evidenceIds: [],
  });
  it('draws connections whose ends resolve to two zones, through placed assets too', () => {
    const assets = [asset('plc', ['10.2.5.7'], 'plc'), asset('loose', ['10.9.0.1'], null)];
    const edges = undocumentedEdges(
      [
        connection('c1', { kind: 'zone', zoneId: 'ops' }, { kind: 'asset', assetId: 'plc' }),
        connection('c2', { kind: 'zone', zoneId: 'ops' }, { kind: 'text', text: 'vendor cloud' }),
        connection('c3', { kind: 'asset', assetId: 'loose' }, { kind: 'zone', zoneId: 'ops' }),
        connection('c4', { kind: 'zone', zoneId: 'ops' }, { kind: 'zone', zoneId: 'cell' }, 'remediated'),
        connection('c5', { kind: 'zone', zoneId: 'plc' }, { kind: 'asset', assetId: 'plc' }),
        connection('c6', { kind: 'zone', zoneId: 'cell' }, { kind: 'zone', zoneId: 'ops' }, 'accepted'),
      ],
      assets,
    );
    expect(edges.map((e) => [e.connectionId, e.fromZoneId, e.toZoneId, e.status])).toEqual([
      ['c1', 'ops', 'plc', 'open'],
      ['c6', 'cell', 'ops', 'accepted'],
    ]);
    expect(edges[0]!.label).toBe('Undocumented: Cellular/4G modem');
  });
});
