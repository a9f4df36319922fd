import { describe, expect, it } from 'vitest';
import {
  checkAnyService,
  checkConduitSltBelowZone,
  checkConduitWithoutControl,
  checkNoControlIntoSafety,
  checkDmzBypass,
  checkRangeOverlaps,
  checkRemoteAccessJumpHost,
  checkZoneWithoutAssets,
  checkZoneWithoutSlt,
  MODEL_CHECK_IDS,
  MODEL_CHECKS,
  modelCheckFindings,
  modelCheckLabel,
  runModelChecks,
  type ModelCheckInput,
} from '../../../../shared/findings';
import { makeConduit, makeZone, purdueReferenceTemplate } from '../../../../shared/diagram';
import type { Conduit, ConduitControl, ConduitService, Zone, ZoneKind } from '../../../../shared/model';

const A = 'assessment-1';
let counter = 0;
const makeId = () => `id-${++counter}`;

function zone(name: string, kind: ZoneKind, extra: Partial<Zone> = {}): Zone {
  return { ...makeZone(A, { name, kind, slt: 2, position: { x: 0, y: 0 } }, undefined, makeId), ...extra };
}

function conduit(
  from: Zone,
  to: Zone,
  controls: ConduitControl[] = ['firewall'],
  services: ConduitService[] = [{ transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' }],
): Conduit {
  return makeConduit(A, { fromZoneId: from.id, toZoneId: to.id, controls, services }, undefined, makeId);
}

function input(zones: Zone[], conduits: Conduit[], counts: Record<string, number> = {}): ModelCheckInput {
  const assetCounts = new Map(zones.map((z) => [z.id, counts[z.id] ?? 1]));
  return { zones, conduits, assetCounts };
}

const targets = (entries: { target: { id: string } }[]) => entries.map((e) => e.target.id);

describe('checkDmzBypass', () => {
  const enterprise = zone('Corporate', 'enterprise');
  const external = zone('Internet', 'external');
  const dmz = zone('IDMZ', 'dmz');
  const ops = zone('Operations', 'operations');
  const cell = zone('Line 1', 'cell');
  const safety = zone('SIS', 'safety');

  it('flags enterprise or external straight to a cell or safety zone, in either direction', () => {
    const direct = conduit(enterprise, cell);
    const reverse = conduit(safety, external);
    const entries = checkDmzBypass(input([enterprise, external, dmz, ops, cell, safety], [direct, reverse]));
    expect(targets(entries)).toEqual([direct.id, reverse.id]);
    expect(entries[0]).toMatchObject({
      checkId: 'dmz-bypass',
      severity: 'high',
      target: { kind: 'conduit' },
    });
    expect(entries[0]!.message).toContain('"Corporate" straight to "Line 1"');
    expect(entries[1]!.severity).toBe('critical');
  });

  it('accepts paths through the DMZ and operations', () => {
    const conduits = [
      conduit(enterprise, dmz),
      conduit(dmz, ops),
      conduit(ops, cell),
      conduit(ops, safety),
      conduit(enterprise, ops),
    ];
    expect(checkDmzBypass(input([enterprise, dmz, ops, cell, safety], conduits))).toEqual([]);
  });
});

describe('checkConduitWithoutControl', () => {
  it('flags only conduits with no control', () => {
    const a = zone('A', 'operations');
    const b = zone('B', 'cell');
    const bare = conduit(a, b, []);
    const diode = conduit(b, a, ['data-diode']);
    const entries = checkConduitWithoutControl(input([a, b], [bare, diode]));
    expect(targets(entries)).toEqual([bare.id]);
    expect(entries[0]!.message).toBe(
      'Conduit A → B has no control (no firewall, data diode, jump host or VPN).',
    );
  });
});

describe('checkAnyService', () => {
  const a = zone('A', 'operations');
  const b = zone('B', 'cell');
  it('flags any transport, an empty port or a protocol named any', () => {
    const anyTransport = conduit(a, b, ['firewall'], [{ transport: 'any', ports: '502', protocol: '' }]);
    const anyPort = conduit(a, b, ['firewall'], [{ transport: 'tcp', ports: '', protocol: 'HTTPS' }]);
    const anyName = conduit(
      a,
      b,
      ['firewall'],
      [
        { transport: 'tcp', ports: '443', protocol: 'HTTPS' },
        { transport: 'tcp', ports: '1-65535', protocol: 'Any' },
      ],
    );
    const entries = checkAnyService(input([a, b], [anyTransport, anyPort, anyName]));
    expect(targets(entries)).toEqual([anyTransport.id, anyPort.id, anyName.id]);
    expect(entries[1]!.message).toContain('HTTPS any port');
  });
  it('accepts specific services and conduits with none yet', () => {
    const specific = conduit(
      a,
      b,
      ['firewall'],
      [
        { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
        { transport: 'udp', ports: '2222', protocol: 'EtherNet/IP (I/O)' },
      ],
    );
    expect(checkAnyService(input([a, b], [specific, conduit(a, b, ['firewall'], [])]))).toEqual([]);
  });
});

describe('checkRemoteAccessJumpHost', () => {
  const remote = zone('Vendor access', 'remote-access');
  const dmz = zone('IDMZ', 'dmz');
  const ops = zone('Operations', 'operations');
  const cell = zone('Line 1', 'cell');

  it('flags remote access without a jump host, and a jump host that lands past the DMZ', () => {
    const vpnOnly = conduit(remote, dmz, ['vpn']);
    const straightIn = conduit(cell, remote, ['vpn', 'jump-host']);
    const entries = checkRemoteAccessJumpHost(input([remote, dmz, ops, cell], [vpnOnly, straightIn]));
    expect(targets(entries)).toEqual([vpnOnly.id, straightIn.id]);
    expect(entries[0]!.message).toContain('does not go through a jump host');
    expect(entries[1]!.message).toContain('reaches "Line 1" directly');
  });

  it('accepts remote access through a DMZ jump host, and ignores other conduits', () => {
    const good = conduit(remote, dmz, ['vpn', 'jump-host']);
    const other = conduit(dmz, ops, []);
    expect(checkRemoteAccessJumpHost(input([remote, dmz, ops], [good, other]))).toEqual([]);
  });
});

describe('zone checks', () => {
  it('flags zones with no assets', () => {
    const full = zone('Full', 'cell');
    const empty = zone('Empty', 'cell');
    const entries = checkZoneWithoutAssets(input([full, empty], [], { [full.id]: 12, [empty.id]: 0 }));
    expect(entries).toEqual([
      {
        id: `zone-no-assets:${empty.id}`,
        checkId: 'zone-no-assets',
        severity: 'low',
        message: 'Zone "Empty" has no assets assigned.',
        target: { kind: 'zone', id: empty.id },
      },
    ]);
    // A zone missing from the counts has none.
    expect(targets(checkZoneWithoutAssets({ zones: [full], conduits: [], assetCounts: new Map() }))).toEqual([
      full.id,
    ]);
  });

  it('flags zones without an SL-T unless overrides fill every FR', () => {
    const set = zone('Set', 'cell');
    const unset = zone('Unset', 'cell', { slt: { base: null, overrides: {} } });
    const partial = zone('Partial', 'cell', { slt: { base: null, overrides: { FR1: 3 } } });
    const full = zone('All FRs', 'cell', {
      slt: { base: null, overrides: { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 } },
    });
    expect(targets(checkZoneWithoutSlt(input([set, unset, partial, full], [])))).toEqual([
      unset.id,
      partial.id,
    ]);
  });

  it('flags overlapping ranges between zones, nested ones as low', () => {
    const ops = zone('Ops', 'operations', { ranges: ['10.10.0.0/16'] });
    const cell = zone('Cell', 'cell', { ranges: ['10.10.5.0/24'] });
    const dmz = zone('DMZ', 'dmz', { ranges: ['172.16.0.0/24'] });
    const it2 = zone('IT', 'enterprise', { ranges: ['172.16.0.200-172.16.1.20'] });
    const clean = zone('Clean', 'cell', { ranges: ['10.20.0.0/24'] });
    const entries = checkRangeOverlaps(input([ops, cell, dmz, it2, clean], []));
    expect(entries.map((e) => [e.target.id, e.severity])).toEqual([
      [ops.id, 'low'],
      [dmz.id, 'medium'],
    ]);
    expect(entries[1]!.message).toBe(
      'Range 172.16.0.0/24 of "DMZ" overlaps 172.16.0.200-172.16.1.20 of "IT".',
    );
    expect(checkRangeOverlaps(input([ops, clean, dmz], []))).toEqual([]);
  });
});

describe('runModelChecks', () => {
  it('passes the reference Purdue template except for its empty zones, most severe first', () => {
    const template = purdueReferenceTemplate(A);
    const entries = runModelChecks({
      zones: template.zones,
      conduits: template.conduits,
      assetCounts: new Map(),
    });
    expect(new Set(entries.map((e) => e.checkId))).toEqual(new Set(['zone-no-assets']));
    expect(entries).toHaveLength(template.zones.length);
  });

  it('orders entries by severity and keeps ids unique', () => {
    const it1 = zone('IT', 'enterprise');
    const sis = zone('SIS', 'safety', { slt: { base: null, overrides: {} } });
    const entries = runModelChecks(
      input([it1, sis], [conduit(it1, sis, [], [{ transport: 'any', ports: '', protocol: '' }])], {
        [sis.id]: 0,
      }),
    );
    expect(entries.map((e) => e.checkId)).toEqual([
      'dmz-bypass',
      'conduit-none-into-safety',
      'conduit-no-control',
      'conduit-any-service',
      'zone-no-slt',
      'zone-no-assets',
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});

describe('checkConduitSltBelowZone', () => {
  it('flags a conduit whose SL-T is below either zone per FR, naming each FR short', () => {
    const dmz = zone('IDMZ', 'dmz', { slt: { base: 3, overrides: {} } });
    const cell = zone('Line 1', 'cell', { slt: { base: 2, overrides: { FR5: 4 } } });
    const weak = { ...conduit(dmz, cell), slt: { base: 3, overrides: {} } };
    const ok = { ...conduit(dmz, cell), slt: { base: 3, overrides: { FR5: 4 } } };
    const unset = { ...conduit(dmz, cell), slt: { base: null, overrides: {} } };
    const entries = checkConduitSltBelowZone(input([dmz, cell], [weak, ok, unset]));
    expect(targets(entries)).toEqual([weak.id]);
    expect(entries[0]!.message).toContain('(FR5 3 < 4)');
    expect(entries[0]!.severity).toBe('medium');

    const low = { ...conduit(dmz, cell), slt: { base: 1, overrides: {} } };
    const [entry] = checkConduitSltBelowZone(input([dmz, cell], [low]));
    expect(entry!.message).toContain(
      'FR1 1 < 3, FR2 1 < 3, FR3 1 < 3, FR4 1 < 3, FR5 1 < 4, FR6 1 < 3, FR7 1 < 3',
    );
  });

  it('rates it high where a safety zone is involved', () => {
    const ops = zone('Operations', 'operations', { slt: { base: 2, overrides: {} } });
    const sis = zone('SIS', 'safety', { slt: { base: 3, overrides: {} } });
    const link = { ...conduit(sis, ops, ['data-diode']), slt: { base: 2, overrides: {} } };
    expect(checkConduitSltBelowZone(input([ops, sis], [link]))[0]!.severity).toBe('high');
  });
});

describe('checkNoControlIntoSafety', () => {
  it('flags a conduit with no control into a safety zone, in either direction, as critical', () => {
    const ops = zone('Operations', 'operations');
    const cell = zone('Line 1', 'cell');
    const sis = zone('SIS', 'safety');
    const bare = conduit(cell, sis, []);
    const reverse = conduit(sis, ops, []);
    const guarded = conduit(ops, sis, ['firewall']);
    const elsewhere = conduit(ops, cell, []);
    const entries = checkNoControlIntoSafety(input([ops, cell, sis], [bare, reverse, guarded, elsewhere]));
    expect(targets(entries)).toEqual([bare.id, reverse.id]);
    expect(entries.every((e) => e.severity === 'critical')).toBe(true);
    expect(entries[0]!.message).toContain('reaches safety zone "SIS" with no control at all');
  });
});

describe('the model check list', () => {
  it('gives every check its own label and finding text', () => {
    expect(MODEL_CHECK_IDS).toEqual([
      'dmz-bypass',
      'conduit-no-control',
      'conduit-any-service',
      'remote-access-no-jump-host',
      'zone-no-assets',
      'zone-no-slt',
      'range-overlap',
      'conduit-slt-below-zone',
      'conduit-none-into-safety',
    ]);
    for (const check of MODEL_CHECKS) {
      const [finding] = modelCheckFindings(
        [{ checkId: check.id, severity: 'low', message: 'x', target: { kind: 'zone', id: 'z' } }],
        [],
      );
      expect(finding?.title, check.id).toBe(check.finding.title(1));
      expect(finding?.title, check.id).not.toMatch(/^Model check "/);
      expect(modelCheckLabel(check.id)).toBe(check.label);
    }
  });
});
