import { describe, expect, it } from 'vitest';
import {
  applyTriageRules,
  describeTriageRule,
  parseRuleService,
  reconcile,
  triageRuleMatches,
  triageRuleProblems,
  triageRuleReach,
  withTriage,
} from '../../../../shared/network';
import { generateFindings } from '../../../../shared/findings';
import { undocumentedFlowsOf } from '../../../../shared/risk';
import {
  parseAssessmentFile,
  serializeAssessmentFile,
  triageRuleSchema,
  type AssessmentData,
  type Flow,
  type Triage,
  type TriageRule,
} from '../../../../shared/model';
import { PlantBuilder } from '../../../fixtures/builders';

const AT = '2026-03-01T10:00:00.000Z';
let counter = 0;
const id = (prefix: string) => `${prefix}-${String(++counter).padStart(4, '0')}`;

function flow(a: string, b: string, port: number, options: Partial<Flow> = {}): Flow {
  return {
    id: id('flow'),
    assessmentId: 'assessment-1',
    createdAt: AT,
    updatedAt: AT,
    batchId: 'batch-1',
    source: 'pcap',
    a: { ip: a, mac: null, port: 50000, assetId: null },
    b: { ip: b, mac: null, port, assetId: null },
    transport: 'tcp',
    ethertype: null,
    server: 'b',
    protocol: null,
    recognizedBy: null,
    packets: 4,
    bytes: 400,
    firstSeen: AT,
    lastSeen: AT,
    ...options,
  };
}

function rule(fields: Partial<TriageRule>, createdAt = AT): TriageRule {
  return triageRuleSchema.parse({
    id: id('rule'),
    assessmentId: 'assessment-1',
    createdAt,
    updatedAt: createdAt,
    action: 'dismiss',
    reason: 'Vendor cloud, accepted by the plant',
    ...fields,
  });
}

/** Ops (10.1/16) and Cell (10.2/16), no conduits; traffic to three public hosts, NTP, Modbus across. */
function plant(): AssessmentData {
  const data = new PlantBuilder().zone('ops', 'Operations').zone('cell', 'Cell 1').build();
  data.zones[0]!.ranges = ['10.1.0.0/16'];
  data.zones[1]!.ranges = ['10.2.0.0/16'];
  data.flows = [
    flow('10.1.0.5', '52.1.2.3', 443),
    flow('10.1.0.6', '52.1.9.9', 443),
    flow('10.2.0.7', '8.8.8.8', 53, { transport: 'udp', protocol: 'DNS' }),
    flow('10.1.0.5', '10.2.0.10', 502, { protocol: 'Modbus/TCP' }),
    flow('10.1.0.5', '10.2.0.11', 123, { transport: 'udp', protocol: 'NTP' }),
    flow('10.2.0.12', '192.168.77.3', 102, { protocol: 'S7comm' }),
  ];
  return data;
}

function candidatesOf(data: AssessmentData) {
  return reconcile({ zones: data.zones, conduits: data.conduits, assets: data.assets, flows: data.flows })
    .candidates;
}

const decided = (triage: readonly Triage[]) => new Map(triage.map((t) => [t.candidateKey, t]));

describe('triage rule criteria', () => {
  const candidates = candidatesOf(plant());
  const byKey = (key: string) => candidates.find((c) => c.key === key)!;

  it('matches a subnet against the public address or the address in no zone', () => {
    const cloud = rule({ subnet: '52.0.0.0/8' });
    expect(triageRuleMatches(cloud, byKey('public:52.1.2.3'))).toBe(true);
    expect(triageRuleMatches(cloud, byKey('public:52.1.9.9'))).toBe(true);
    expect(triageRuleMatches(cloud, byKey('public:8.8.8.8'))).toBe(false);
    expect(triageRuleMatches(rule({ subnet: '192.168.77.0/24' }), byKey('unzoned:192.168.77.3'))).toBe(true);
    // A subnet says nothing about a flow between two zones.
    const across = candidates.find((c) => c.kind === 'undocumented-flow')!;
    expect(triageRuleMatches(rule({ subnet: '10.0.0.0/8' }), across)).toBe(false);
  });

  it('matches a zone pair either way round, and one zone with any other', () => {
    const modbus = candidates.find((c) => c.protocol === 'Modbus/TCP')!;
    expect(triageRuleMatches(rule({ zoneAId: 'z-cell', zoneBId: 'z-ops' }), modbus)).toBe(true);
    expect(triageRuleMatches(rule({ zoneAId: 'z-ops', zoneBId: 'z-cell' }), modbus)).toBe(true);
    expect(triageRuleMatches(rule({ zoneAId: 'z-ops' }), modbus)).toBe(true);
    expect(triageRuleMatches(rule({ zoneAId: 'z-ops' }), byKey('public:8.8.8.8'))).toBe(false);
    expect(triageRuleMatches(rule({ zoneAId: 'z-cell' }), byKey('public:8.8.8.8'))).toBe(true);
  });

  it('matches a protocol by name, a port, or transport and port', () => {
    const ntp = candidates.find((c) => c.protocol === 'NTP')!;
    expect(triageRuleMatches(rule({ service: 'ntp' }), ntp)).toBe(true);
    expect(triageRuleMatches(rule({ service: 'udp/123' }), ntp)).toBe(true);
    expect(triageRuleMatches(rule({ service: 'tcp/123' }), ntp)).toBe(false);
    expect(triageRuleMatches(rule({ service: '123' }), ntp)).toBe(true);
    expect(triageRuleMatches(rule({ service: 'Modbus/TCP' }), ntp)).toBe(false);
  });

  it('needs every criterion to hold', () => {
    const dns = byKey('public:8.8.8.8');
    expect(triageRuleMatches(rule({ subnet: '8.8.8.0/24', service: 'DNS' }), dns)).toBe(true);
    expect(triageRuleMatches(rule({ subnet: '8.8.8.0/24', service: 'NTP' }), dns)).toBe(false);
    expect(triageRuleMatches(rule({ kind: 'unzoned-endpoint', subnet: '8.8.8.0/24' }), dns)).toBe(false);
  });

  it('says what is wrong with a subnet or a service, and a bad rule matches nothing', () => {
    expect(triageRuleProblems({ subnet: '52.0.0.1/8', service: null }).subnet).toMatch(/host bits/);
    expect(triageRuleProblems({ subnet: null, service: 'udp/99999' }).service).toMatch(/udp\/123/);
    expect(triageRuleProblems({ subnet: '52.0.0.0/8', service: 'udp/123' })).toEqual({});
    expect(triageRuleMatches(rule({ subnet: 'not-an-ip' }), byKey('public:52.1.2.3'))).toBe(false);
    expect(parseRuleService('UDP 161')).toEqual({ transport: 'udp', port: 161, protocol: null });
  });

  it('rejects a rule with no criterion or no reason', () => {
    expect(() => rule({})).toThrow(/subnet, a zone pair/);
    expect(() => rule({ subnet: '52.0.0.0/8', reason: '  ' })).toThrow(/reason/);
  });
});

describe('applyTriageRules', () => {
  const data = plant();
  const candidates = candidatesOf(data);

  it('triages present candidates the rule matches, with its action and reason', () => {
    const cloud = rule({ subnet: '52.0.0.0/8' });
    const expected = rule({ service: 'NTP', action: 'expected', reason: 'Time sync to the ops NTP server' });
    const applied = decided(applyTriageRules(candidates, [], [cloud, expected]));
    expect(applied.get('public:52.1.2.3')).toMatchObject({ decision: 'dismissed', ruleId: cloud.id });
    expect(applied.get('public:52.1.9.9')).toMatchObject({ decision: 'dismissed', ruleId: cloud.id });
    const ntpKey = candidates.find((c) => c.protocol === 'NTP')!.key;
    expect(applied.get(ntpKey)).toMatchObject({ decision: 'documented', reason: expected.reason });
    expect(applied.has('public:8.8.8.8')).toBe(false);
  });

  it('leaves the assessor’s own decision in force, and the oldest matching rule wins', () => {
    const mine: Triage = {
      id: 'triage-1',
      assessmentId: 'assessment-1',
      createdAt: AT,
      updatedAt: AT,
      candidateKey: 'public:52.1.2.3',
      decision: 'confirmed',
      reason: '',
      connectionId: 'connection-1',
      conduitId: null,
    };
    const older = rule({ subnet: '52.1.0.0/16', reason: 'older' }, '2026-03-01T09:00:00.000Z');
    const newer = rule({ subnet: '52.0.0.0/8', reason: 'newer' }, '2026-03-01T11:00:00.000Z');
    const applied = decided(applyTriageRules(candidates, [mine], [newer, older]));
    expect(applied.get('public:52.1.2.3')).toBe(mine);
    expect(applied.get('public:52.1.9.9')).toMatchObject({ ruleId: older.id, reason: 'older' });
    const reach = triageRuleReach(candidates, [mine], [newer, older]);
    expect(reach.get(older.id)).toEqual({ matched: 2, applied: 1 });
    expect(reach.get(newer.id)).toEqual({ matched: 2, applied: 0 });
  });

  it('covers future candidates: a flow imported later is triaged by the same rule', () => {
    const cloud = rule({ subnet: '52.0.0.0/8' });
    const later = { ...data, flows: [...data.flows, flow('10.2.0.9', '52.200.0.1', 8883)] };
    const applied = decided(applyTriageRules(candidatesOf(later), [], [cloud]));
    expect(applied.get('public:52.200.0.1')).toMatchObject({ ruleId: cloud.id });
  });

  it('gives the candidates back when the rule is gone', () => {
    const cloud = rule({ subnet: '52.0.0.0/8' });
    const open = (rules: TriageRule[]) =>
      withTriage(candidates, applyTriageRules(candidates, [], rules)).filter((c) => c.triage === null).length;
    expect(open([cloud])).toBe(open([]) - 2);
  });

  it('describes the rule in words', () => {
    const text = describeTriageRule(
      rule({
        kind: 'public-ip',
        subnet: '52.0.0.0/8',
        zoneAId: 'z-ops',
        zoneBId: 'z-cell',
        service: 'HTTPS',
      }),
      (zoneId) => (zoneId === 'z-ops' ? 'Operations' : 'Cell 1'),
      () => 'Flow to a public IP',
    );
    expect(text).toBe('Flow to a public IP · address in 52.0.0.0/8 · between Operations and Cell 1 · HTTPS');
  });
});

describe('rules in findings and in the assessment file', () => {
  const titles = (data: AssessmentData) => generateFindings(data).map((f) => f.title);

  it('findings treat a rule-triaged candidate exactly as a hand-triaged one', () => {
    const data = plant();
    const candidates = candidatesOf(data);
    const byRule = { ...data, triageRules: [rule({ kind: 'public-ip' })] };
    const byHand = {
      ...data,
      triage: candidates
        .filter((c) => c.kind === 'public-ip')
        .map((c, i) => ({
          id: `triage-${i}`,
          assessmentId: 'assessment-1',
          createdAt: AT,
          updatedAt: AT,
          candidateKey: c.key,
          decision: 'dismissed' as const,
          reason: 'Vendor cloud, accepted by the plant',
          connectionId: null,
          conduitId: null,
        })),
    };
    expect(titles(data).some((t) => /public address/.test(t))).toBe(true);
    expect(titles(byRule).some((t) => /public address/.test(t))).toBe(false);
    expect(titles(byRule)).toEqual(titles(byHand));
  });

  it('risk suggestions leave out a flow a rule dismissed, as one dismissed by hand', () => {
    const data = plant();
    const before = undocumentedFlowsOf(data).map((f) => f.summary);
    expect(before.some((s) => s.startsWith('Modbus/TCP'))).toBe(true);
    const ruled = {
      ...data,
      triageRules: [rule({ zoneAId: 'z-ops', zoneBId: 'z-cell', service: 'tcp/502' })],
    };
    const after = undocumentedFlowsOf(ruled).map((f) => f.summary);
    expect(after).toEqual(before.filter((s) => !s.startsWith('Modbus/TCP')));
  });

  it('round-trips rules through the file, and reads a file written without them', async () => {
    const data = { ...plant(), triageRules: [rule({ zoneAId: 'z-ops', zoneBId: 'z-cell', service: 'NTP' })] };
    const text = serializeAssessmentFile(data, { exportedAt: AT });
    expect((await parseAssessmentFile(text)).triageRules).toEqual(data.triageRules);
    const withoutRules = JSON.parse(text) as Record<string, unknown>;
    delete withoutRules.triageRules;
    expect((await parseAssessmentFile(JSON.stringify(withoutRules))).triageRules).toEqual([]);
  });

  it('rejects a file whose rule names a zone it does not have', async () => {
    const data = { ...plant(), triageRules: [rule({ zoneAId: 'z-gone' })] };
    await expect(parseAssessmentFile(serializeAssessmentFile(data, { exportedAt: AT }))).rejects.toThrow(
      /triageRules\[0\]\.zoneAId: no zone with id z-gone/,
    );
  });
});
