import { describe, expect, it } from 'vitest';
import {
  generateFindings,
  type GeneratedFinding,
  MAX_REF_ASSETS,
  isUnknownValue,
} from '../../../../shared/findings';
import { PlantBuilder } from '../../../fixtures/builders';
import { fixtureId, richAssessment } from '../../../fixtures/rich-assessment';

const NOW = new Date('2026-06-01T00:00:00.000Z');

function byKey(findings: GeneratedFinding[], key: string): GeneratedFinding {
  const found = findings.find((f) => f.autoKey === key);
  if (!found) throw new Error(`no finding ${key}; have ${findings.map((f) => f.autoKey).join(', ')}`);
  return found;
}

describe('generateFindings on the rich assessment', () => {
  it('finds the cellular modem, the SR 1.1 gap, the cleartext S7 flow and the unzoned workstation', async () => {
    const data = await richAssessment();
    const findings = generateFindings(data, { now: NOW });
    const cell = fixtureId(2, 3);
    expect(findings.map((f) => f.autoKey).sort()).toEqual(
      [
        'connections:cellular',
        'requirements:SR 1.1:p3',
        'traffic:cleartext-ics',
        'traffic:stale-conduit',
        'unzoned-assets',
        'model-check:zone-no-assets',
        'model-check:conduit-slt-below-zone',
      ].sort(),
    );
    // The diagram's model checks run too: only the cell zone has an asset placed in it.
    const empty = byKey(findings, 'model-check:zone-no-assets');
    expect(empty).toMatchObject({ severity: 'low', phase: 1, title: '3 zones without assets' });
    expect(empty.refs.zoneIds).toEqual([fixtureId(2, 1), fixtureId(2, 2), fixtureId(2, 4)]);
    const modem = byKey(findings, 'connections:cellular');
    expect(modem).toMatchObject({ severity: 'critical', phase: 2 });
    expect(modem.refs.connectionIds).toEqual([fixtureId(8, 1)]);
    expect(modem.refs.assetIds).toEqual([fixtureId(4, 1)]);
    expect(modem.refs.zoneIds).toEqual([cell]);
    expect(modem.description).toContain('PLC-Ligne-3 (10.30.3.10) → Vendor cloud (4G)');
    expect(modem.description).toContain('risk 4×5=20');

    // SR 1.1 is not met; SR 1.1 RE 1 is not applicable with a reason, so it is not a gap.
    const sr11 = byKey(findings, 'requirements:SR 1.1:p3');
    expect(sr11).toMatchObject({ phase: 3, effort: 'M' });
    expect(sr11.refs).toMatchObject({
      itemIds: ['SR 1.1'],
      zoneIds: [cell],
      assetIds: [fixtureId(4, 1)],
      items: [{ zoneId: cell, itemId: 'SR 1.1' }],
    });
    expect(sr11.title).toBe(
      'Human user identification and authentication (SR 1.1) not met in Ligne d’embouteillage — Zelle 3',
    );
    expect(sr11.description).toContain(
      'SR 1.1 not met: Shared “operator” account on all HMIs. (1 evidence item)',
    );
    expect(sr11.description).toMatch(
      // The 4G modem is one path: remote access, not also an undocumented connection.
      /consequence 4 \(risk assessment\) × exposure 4 \(conduit to a less trusted zone, remote access, observed traffic/,
    );
    expect(sr11.recommendation).toMatch(/^SR 1\.1: Require a login on every HMI/);

    // The S7comm-plus flow from the DMZ into the cell: cleartext control traffic crossing a boundary.
    const s7 = byKey(findings, 'traffic:cleartext-ics');
    expect(s7.description).toContain('S7comm-plus from Industrial DMZ to Ligne d’embouteillage — Zelle 3');
    expect(s7.refs.zoneIds.sort()).toEqual([fixtureId(2, 2), cell].sort());

    // Unassessed items are never findings, and SL gaps are a table in the report, not findings.
    expect(findings.some((f) => f.autoKey.startsWith('sl-gap'))).toBe(false);
    expect(findings.some((f) => /not yet assessed/i.test(f.title))).toBe(false);

    // EWS-01 has no zone; it has an OS, so its missing firmware is not a finding.
    expect(byKey(findings, 'unzoned-assets')).toMatchObject({ severity: 'low', phase: 1 });
    expect(findings.some((f) => f.autoKey === 'firmware-unknown')).toBe(false);
  });

  it('is deterministic, sorted by severity and never repeats a key', async () => {
    const data = await richAssessment();
    const a = generateFindings(data, { now: NOW });
    const b = generateFindings(structuredClone(data), { now: NOW });
    expect(b).toEqual(a);
    expect(new Set(a.map((f) => f.autoKey)).size).toBe(a.length);
    const ranks = a.map((f) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });
});

describe('requirement findings', () => {
  it('are one finding per cause across zones, with every failed (zone, item) in exactly one', () => {
    const data = new PlantBuilder()
      .zone('l1', 'Linie 1')
      .zone('l2', 'Linie 2')
      .zone('l3', 'Linie 3')
      .zone('util', 'Utilities', { kind: 'utilities' })
      .asset('plc-1', { zoneId: 'z-l1' })
      .asset('plc-2', { zoneId: 'z-l2' })
      .answer('l1', 'not-met', 'SR 1.1 RE 1', 'SR 1.3')
      .answer('l2', 'not-met', 'SR 1.1 RE 1')
      .answer('l3', 'partially-met', 'SR 1.1', 'SR 1.1 RE 1')
      .answer('l1', 'not-met', 'SR 7.3', 'SR 7.4')
      .answer('util', 'not-met', 'SR 5.1', 'SR 5.2')
      .answer('util', 'not-assessed', 'SR 2.8')
      .build();
    const findings = generateFindings(data, { now: NOW }).filter((f) =>
      f.autoKey.startsWith('requirements:'),
    );
    expect(findings.map((f) => [f.autoKey, f.phase, f.refs.itemIds, f.refs.zoneIds]).sort()).toEqual(
      [
        ['requirements:SR 1.1:p3', 3, ['SR 1.1', 'SR 1.1 RE 1'], ['z-l1', 'z-l2', 'z-l3']],
        ['requirements:SR 1.3:p3', 3, ['SR 1.3'], ['z-l1']],
        ['requirements:SR 5.1:p2', 2, ['SR 5.1'], ['z-util']],
        ['requirements:SR 5.2:p2', 2, ['SR 5.2'], ['z-util']],
        ['requirements:SR 7.3:p6', 6, ['SR 7.3'], ['z-l1']],
        ['requirements:SR 7.4:p6', 6, ['SR 7.4'], ['z-l1']],
      ].sort(),
    );
    const shared = byKey(findings, 'requirements:SR 1.1:p3');
    expect(shared.title).toBe('Human user identification and authentication (SR 1.1) not met in 3 zones');
    expect(shared.refs.items).toEqual([
      { zoneId: 'z-l1', itemId: 'SR 1.1 RE 1' },
      { zoneId: 'z-l2', itemId: 'SR 1.1 RE 1' },
      { zoneId: 'z-l3', itemId: 'SR 1.1' },
      { zoneId: 'z-l3', itemId: 'SR 1.1 RE 1' },
    ]);
    expect(shared.refs.assetIds).toEqual(['a-plc-1', 'a-plc-2']);
    expect(shared.description).toContain(
      '- Linie 3: SR 1.1 partially met: Observed on site for SR 1.1.; SR 1.1 RE 1 partially met',
    );
    expect(shared.description).not.toContain('Second line not shown');
    // Advice from what failed: the SR and its RE, each once, however many zones.
    expect(shared.recommendation.split('\n').map((l) => l.split(':')[0])).toEqual(['SR 1.1', 'SR 1.1 RE 1']);

    // Every failed pair appears exactly once over all findings; the unassessed SR 2.8 nowhere.
    const pairs = findings.flatMap((f) => f.refs.items!.map((p) => `${p.zoneId}|${p.itemId}`));
    expect(pairs).toHaveLength(new Set(pairs).size);
    expect(pairs).toHaveLength(9);
    expect(pairs.some((p) => p.endsWith('SR 2.8'))).toBe(false);
  });

  it("assemble advice at the zone's SL-T: no MFA advice where MFA is not required", () => {
    const data = new PlantBuilder()
      .zone('sl2', 'Cell SL2', { sl: 2 })
      .zone('sl3', 'Cell SL3', { sl: 3 })
      .answer('sl2', 'not-met', 'SR 1.1', 'SR 1.1 RE 1', 'SR 1.1 RE 2')
      .build();
    const sl2Only = byKey(generateFindings(data, { now: NOW }), 'requirements:SR 1.1:p3');
    expect(sl2Only.refs.itemIds).toEqual(['SR 1.1', 'SR 1.1 RE 1']);
    expect(sl2Only.recommendation).not.toMatch(/second factor|MFA/i);

    const both = new PlantBuilder()
      .zone('sl2', 'Cell SL2', { sl: 2 })
      .zone('sl3', 'Cell SL3', { sl: 3 })
      .answer('sl2', 'not-met', 'SR 1.1', 'SR 1.1 RE 1', 'SR 1.1 RE 2')
      .answer('sl3', 'not-met', 'SR 1.1 RE 2')
      .build();
    const withSl3 = byKey(generateFindings(both, { now: NOW }), 'requirements:SR 1.1:p3');
    expect(withSl3.refs.itemIds).toEqual(['SR 1.1', 'SR 1.1 RE 1', 'SR 1.1 RE 2']);
    expect(withSl3.recommendation).toMatch(
      /SR 1\.1 RE 2: Add a second factor to logins that reach the zone over untrusted networks/,
    );
  });

  it('split an SR across phases by its items, and put backups in phase 6', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell', { sl: 3 })
      .answer('cell', 'not-met', 'SR 1.13', 'SR 1.13 RE 1', 'SR 3.2', 'SR 3.4', 'SR 7.3', 'SR 7.8')
      .build();
    const phases = Object.fromEntries(
      generateFindings(data, { now: NOW })
        .filter((f) => f.autoKey.startsWith('requirements:'))
        .map((f) => [f.refs.itemIds.join('+'), f.phase]),
    );
    expect(phases).toEqual({
      'SR 1.13': 2,
      'SR 1.13 RE 1': 3,
      'SR 3.2': 5, // malware protection
      'SR 3.4': 4, // integrity verification is detection, not patching
      'SR 7.3': 6,
      'SR 7.8': 1,
    });
  });

  it('weigh severity by consequence × exposure × FR weight, not by the SL of the item', () => {
    const builder = new PlantBuilder()
      .zone('sis', 'SIS', { kind: 'safety', criticality: 'critical' })
      .zone('cell', 'Cell', { criticality: 'high' })
      .zone('it', 'Office', { kind: 'enterprise', criticality: 'medium' })
      .zone('lab', 'Lab', { criticality: 'low' })
      .conduit('k1', 'it', 'cell')
      .connection('modem', { to: { kind: 'zone', zoneId: 'z-cell' }, type: 'cellular' })
      .answer('sis', 'not-met', 'SR 4.3', 'SR 5.1')
      .answer('cell', 'not-met', 'SR 4.3', 'SR 5.1')
      .answer('lab', 'not-met', 'SR 5.1');
    const findings = generateFindings(builder.build(), { now: NOW });
    // SIS: consequence 5, isolated (exposure 1): confidentiality 5×1×0.6 = 3 low, segmentation 6 medium.
    // Cell: consequence 4, exposure 3 (office conduit, and the modem counted once, as remote access):
    // 7.2 medium and 14.4 high: critical (20 and above) needs high stakes and high exposure together.
    const sr43 = byKey(findings, 'requirements:SR 4.3:p5');
    const sr51 = byKey(findings, 'requirements:SR 5.1:p2');
    expect(sr43.severity).toBe('medium');
    expect(sr51.severity).toBe('high');
    expect(sr51.description).toContain('SR 5.1 in Cell: consequence 4 (criticality) × exposure 3');
    const sisOnly = generateFindings(
      new PlantBuilder()
        .zone('sis', 'SIS', { kind: 'safety', criticality: 'critical' })
        .answer('sis', 'not-met', 'SR 4.3')
        .build(),
      { now: NOW },
    );
    expect(byKey(sisOnly, 'requirements:SR 4.3:p5').severity).toBe('low');
    // A modem on a PLC outranks confidentiality in the SIS.
    expect(byKey(findings, 'connections:cellular').severity).not.toBe('low');
  });

  it("use the risk assessment's consequence when given, and the assessment's FR weights", () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell', { criticality: 'low' })
      .answer('cell', 'not-met', 'SR 4.3')
      .build();
    const base = byKey(generateFindings(data, { now: NOW }), 'requirements:SR 4.3:p5');
    expect(base.severity).toBe('info'); // 2 × 1 × 0.6
    const risk = { consequenceOf: (id: string) => (id === 'z-cell' ? 5 : undefined) };
    const rated = byKey(generateFindings(data, { now: NOW, consequence: risk }), 'requirements:SR 4.3:p5');
    expect(rated.severity).toBe('low'); // 5 × 1 × 0.6
    expect(rated.description).toContain('consequence 5 (risk assessment)');
    data.assessment.findingSettings = { frWeights: { FR4: 2 } };
    const weighted = byKey(generateFindings(data, { now: NOW, consequence: risk }), 'requirements:SR 4.3:p5');
    expect(weighted.severity).toBe('medium'); // 5 × 1 × 2 = 10
  });

  it('ignore items above the SL-T, items not assessed, and zones without an SL-T', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell', { sl: 1 })
      .zone('none', 'No target', { sl: null })
      .answer('cell', 'not-met', 'SR 1.1 RE 1') // minimum level 2, above SL-T 1
      .answer('cell', 'not-assessed', 'SR 1.1')
      .answer('none', 'not-met', 'SR 1.1')
      .build();
    const findings = generateFindings(data, { now: NOW });
    expect(findings.filter((f) => f.autoKey.startsWith('requirements:'))).toEqual([]);
  });

  it('size the work from the items, one size up across five zones', () => {
    const builder = new PlantBuilder();
    for (const n of [1, 2, 3, 4, 5]) builder.zone(`c${n}`, `Cell ${n}`).answer(`c${n}`, 'not-met', 'SR 1.3');
    builder.zone('one', 'Alone').answer('one', 'not-met', 'SR 5.1');
    const findings = generateFindings(builder.build(), { now: NOW });
    expect(byKey(findings, 'requirements:SR 1.3:p3').effort).toBe('M'); // S × 5 zones
    expect(byKey(findings, 'requirements:SR 5.1:p2').effort).toBe('L');
  });
});

describe('connection findings', () => {
  it('groups open and accepted connections by type, with risk-based severity', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell')
      .asset('plc', { zoneId: 'z-cell' })
      .connection('teamviewer', { likelihood: 3, impact: 4 }) // 12: high
      .connection('vpn-box', { likelihood: 2, impact: 2, from: { kind: 'asset', assetId: 'a-plc' } }) // 4: low
      .connection('usb', {
        type: 'removable-media',
        likelihood: 4,
        impact: 5,
        status: 'accepted',
        justification: 'Kiosk in place.',
      }) // 20 → critical, accepted → high
      .connection('wifi', { type: 'wireless', status: 'remediated', likelihood: 5, impact: 5 })
      .build();
    const findings = generateFindings(data, { now: NOW });
    expect(
      findings
        .filter((f) => f.autoKey.startsWith('connections:'))
        .map((f) => f.autoKey)
        .sort(),
    ).toEqual(['connections:removable-media', 'connections:vendor-remote-access']);
    const remote = byKey(findings, 'connections:vendor-remote-access');
    expect(remote).toMatchObject({ severity: 'high', phase: 2 });
    expect(remote.title).toBe('Undocumented connections: Vendor remote-access tool (2)');
    expect(remote.refs.connectionIds).toEqual(['c-teamviewer', 'c-vpn-box']);
    expect(remote.refs.assetIds).toEqual(['a-plc']);
    expect(remote.refs.zoneIds).toEqual(['z-cell']);
    expect(remote.description).toContain('PLC (10.0.0.1) → Plant (risk 2×2=4');
    const usb = byKey(findings, 'connections:removable-media');
    expect(usb).toMatchObject({ severity: 'high', phase: 3 });
    expect(usb.description).toContain('accepted: Kiosk in place.');
  });
});

describe('model-check findings', () => {
  it('groups failed checks per check with the most severe level and the zones involved', () => {
    const data = new PlantBuilder()
      .zone('it', 'IT', { kind: 'enterprise' })
      .zone('cell', 'Cell')
      .zone('sis', 'SIS', { kind: 'safety' })
      .conduit('k1', 'it', 'cell')
      .conduit('k2', 'it', 'sis')
      .build();
    const findings = generateFindings(data, {
      now: NOW,
      modelChecks: [
        {
          checkId: 'dmz-bypass',
          severity: 'high',
          message: 'IT → Cell skips the DMZ.',
          target: { kind: 'conduit', id: 'k-k1' },
        },
        {
          checkId: 'dmz-bypass',
          severity: 'critical',
          message: 'IT → SIS skips the DMZ.',
          target: { kind: 'conduit', id: 'k-k2' },
        },
        {
          checkId: 'zone-no-slt',
          severity: 'medium',
          message: 'Zone "IT" has no SL-T.',
          target: { kind: 'zone', id: 'z-it' },
        },
        {
          checkId: 'some-new-check',
          severity: 'low',
          message: 'Something odd.',
          target: { kind: 'conduit', id: 'k-k1' },
        },
      ],
    });
    const bypass = byKey(findings, 'model-check:dmz-bypass');
    expect(bypass).toMatchObject({
      severity: 'critical',
      phase: 2,
      title: '2 conduits bypass the industrial DMZ',
    });
    expect(bypass.refs.conduitIds).toEqual(['k-k1', 'k-k2']);
    expect(bypass.refs.zoneIds).toEqual(['z-it', 'z-cell', 'z-sis']);
    expect(bypass.description).toBe('- IT → Cell skips the DMZ.\n- IT → SIS skips the DMZ.');
    expect(byKey(findings, 'model-check:zone-no-slt')).toMatchObject({ phase: 1, severity: 'medium' });
    expect(byKey(findings, 'model-check:some-new-check')).toMatchObject({ phase: 2, severity: 'low' });
  });
});

describe('model checks run by default', () => {
  it('turns the diagram checks into findings when no results are passed in', () => {
    const data = new PlantBuilder()
      .zone('it', 'Büro-IT', { kind: 'enterprise' })
      .zone('sis', 'SIS', { kind: 'safety' })
      .conduit('k1', 'it', 'sis')
      .asset('plc', { zoneId: 'z-it' })
      .asset('sil', { zoneId: 'z-sis' })
      .build();
    const findings = generateFindings(data, { now: NOW });
    const bypass = byKey(findings, 'model-check:dmz-bypass');
    expect(bypass).toMatchObject({
      severity: 'critical',
      phase: 2,
      title: '1 conduit bypasses the industrial DMZ',
    });
    expect(bypass.refs).toMatchObject({ conduitIds: ['k-k1'], zoneIds: ['z-it', 'z-sis'] });
    expect(bypass.description).toContain('Büro-IT');
    expect(byKey(findings, 'model-check:conduit-no-control').severity).toBe('high');
    expect(findings.some((f) => f.autoKey === 'model-check:zone-no-assets')).toBe(false);
    // Passing results in replaces the built-in run.
    expect(
      generateFindings(data, { now: NOW, modelChecks: [] }).some((f) => f.autoKey.startsWith('model-check:')),
    ).toBe(false);
  });
});

describe('inventory findings', () => {
  it('groups unzoned assets, most important first, and caps the refs', () => {
    const builder = new PlantBuilder().zone('cell', 'Cell');
    builder.asset('zoned', { zoneId: 'z-cell' });
    builder.asset('hmi-7', { criticality: 'critical', name: 'HMI-7' });
    for (let i = 0; i < MAX_REF_ASSETS + 200; i++) builder.asset(`io-${String(i).padStart(4, '0')}`);
    const unzoned = byKey(generateFindings(builder.build(), { now: NOW }), 'unzoned-assets');
    expect(unzoned.title).toBe(`${MAX_REF_ASSETS + 201} assets are not placed in any zone`);
    expect(unzoned.severity).toBe('medium');
    expect(unzoned.refs.assetIds).toHaveLength(MAX_REF_ASSETS);
    expect(unzoned.refs.assetIds[0]).toBe('a-hmi-7');
    expect(unzoned.refs.assetIds).not.toContain('a-zoned');
    expect(unzoned.description).toContain('(1 of high or critical importance)');
    expect(unzoned.description).toMatch(/^HMI-7 \(10\.0\.0\.2\), IO-0000/m);
    expect(unzoned.description).toContain('and 1181 more');
  });

  it('reports unknown firmware only where no version is known at all', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell')
      .asset('rtu', { zoneId: 'z-cell', firmware: null })
      .asset('drive', { zoneId: 'z-cell', firmware: 'Unknown' })
      .asset('ews', { zoneId: 'z-cell', firmware: null, os: 'Windows 10 LTSC' })
      .asset('plc', { zoneId: 'z-cell', firmware: 'V4.2' })
      .build();
    const unknown = byKey(generateFindings(data, { now: NOW }), 'firmware-unknown');
    expect(unknown.refs.assetIds.sort()).toEqual(['a-drive', 'a-rtu']);
    expect(unknown).toMatchObject({
      severity: 'low',
      phase: 1,
      title: 'Firmware version unknown for 2 assets',
    });
    expect(isUnknownValue(' N/A ')).toBe(true);
    expect(isUnknownValue('V1.0')).toBe(false);
  });

  it('reports end of support in the past, grouped by model, weightier in a safety zone', () => {
    const data = new PlantBuilder()
      .zone('sis', 'SIS', { kind: 'safety' })
      .zone('cell', 'Cell')
      .asset('s7-a', {
        zoneId: 'z-cell',
        model: 'S7-300',
        firmware: 'V3.2',
        endOfSupport: '2023-10-01T00:00:00Z',
      })
      .asset('s7-b', {
        zoneId: 'z-cell',
        model: 'S7-300',
        firmware: 'V3.2',
        endOfSupport: '2023-10-01T00:00:00Z',
      })
      .asset('triconex', {
        zoneId: 'z-sis',
        vendor: 'Schneider',
        model: 'Tricon v9',
        firmware: null,
        os: 'x',
        endOfSupport: '2025-12-31T00:00:00Z',
      })
      .asset('future', { zoneId: 'z-cell', endOfSupport: '2027-01-01T00:00:00Z' })
      .build();
    const findings = generateFindings(data, { now: NOW });
    const eos = byKey(findings, 'end-of-support');
    expect(eos).toMatchObject({
      severity: 'high',
      phase: 5,
      title: '3 assets past the vendor’s end of support',
    });
    expect(eos.refs.assetIds.sort()).toEqual(['a-s7-a', 'a-s7-b', 'a-triconex']);
    expect(eos.description).toContain('- Siemens S7-300 firmware V3.2: 2 assets, support ended 2023-10-01');
    expect(eos.description).toContain('- Schneider Tricon v9: 1 asset, support ended 2025-12-31');
    // A year earlier, only the S7-300s were past their end of support, and outside a safety zone.
    const before = byKey(generateFindings(data, { now: new Date('2025-06-01T00:00:00Z') }), 'end-of-support');
    expect(before.refs.assetIds.sort()).toEqual(['a-s7-a', 'a-s7-b']);
    expect(before.severity).toBe('medium');
  });
});
