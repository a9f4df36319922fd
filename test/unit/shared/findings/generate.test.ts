import { describe, expect, it } from 'vitest';
import { IEC62443_3_3 } from '../../../../shared/catalogue';
import {
  generateFindings,
  type GeneratedFinding,
  MAX_REF_ASSETS,
  isUnknownValue,
} from '../../../../shared/findings';
import { PlantBuilder } from '../../../fixtures/findings/plant-builder';
import { fixtureId, richAssessment } from '../../../fixtures/rich-assessment';

const NOW = new Date('2026-06-01T00:00:00.000Z');

function byKey(findings: GeneratedFinding[], key: string): GeneratedFinding {
  const found = findings.find((f) => f.autoKey === key);
  if (!found) throw new Error(`no finding ${key}; have ${findings.map((f) => f.autoKey).join(', ')}`);
  return found;
}

/** Items of an FR required at a level (the catalogue's own minimum levels). */
function itemsUpTo(fr: string, level: number): string[] {
  return IEC62443_3_3.items.filter((i) => i.fr === fr && i.minLevel <= level).map((i) => i.id);
}

describe('generateFindings on the rich assessment', () => {
  it('finds the cellular modem, the FR1 gap, the SL gaps and the unzoned workstation', async () => {
    const data = await richAssessment();
    const findings = generateFindings(data, { now: NOW });
    const cell = fixtureId(2, 3);
    expect(findings.map((f) => f.autoKey).sort()).toEqual(
      [
        'connections:cellular',
        `requirements:${cell}:FR1`,
        `sl-gap:${fixtureId(2, 1)}`,
        `sl-gap:${fixtureId(2, 2)}`,
        `sl-gap:${cell}`,
        `sl-gap:${fixtureId(2, 4)}`,
        'unzoned-assets',
        'model-check:zone-no-assets',
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
    expect(modem.description).toContain('PLC-Ligne-3 → Vendor cloud (4G)');
    expect(modem.description).toContain('risk 4×5=20');

    // SR 1.1 is not met; SR 1.1 RE 1 is not applicable with a reason, so it is not a gap.
    const fr1 = byKey(findings, `requirements:${cell}:FR1`);
    expect(fr1).toMatchObject({ severity: 'high', phase: 3 });
    expect(fr1.refs).toMatchObject({ itemIds: ['SR 1.1'], zoneIds: [cell] });
    expect(fr1.title).toBe('Identification and authentication gaps in Ligne d’embouteillage — Zelle 3');
    expect(fr1.description).toContain('SR 1.1 Human user identification and authentication: not met');
    expect(fr1.description).toContain('Shared “operator” account on all HMIs.');

    // The enterprise zone has no answers: an info finding that the assessment is incomplete.
    expect(byKey(findings, `sl-gap:${fixtureId(2, 1)}`)).toMatchObject({ severity: 'info', phase: 1 });
    const cellGap = byKey(findings, `sl-gap:${cell}`);
    expect(cellGap.severity).toBe('high');
    expect(cellGap.description).toContain('SL-T {2,2,2,2,3,2,2}');
    expect(cellGap.description).toContain('62 required items not yet assessed');

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
  it('groups unmet items by zone and topic, never one finding per item', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Abfüllung Linie 2')
      .zone('util', 'Utilities', { kind: 'utilities' })
      .answer('cell', 'not-met', 'SR 1.1', 'SR 1.3', 'SR 1.7')
      .answer('cell', 'partially-met', 'SR 1.13')
      .answer('cell', 'not-met', 'SR 7.3', 'SR 7.4') // backup and recovery
      .answer('cell', 'partially-met', 'SR 7.8') // component inventory
      .answer('cell', 'not-met', 'SR 2.8') // auditable events: logging
      .answer('util', 'not-met', 'SR 5.1', 'SR 5.2')
      .build();
    const findings = generateFindings(data, { now: NOW }).filter((f) =>
      f.autoKey.startsWith('requirements:'),
    );
    expect(findings.map((f) => [f.autoKey, f.phase, f.refs.itemIds]).sort()).toEqual(
      [
        ['requirements:z-cell:FR1', 3, ['SR 1.1', 'SR 1.3', 'SR 1.7', 'SR 1.13']],
        ['requirements:z-cell:recovery', 6, ['SR 7.3', 'SR 7.4']],
        ['requirements:z-cell:inventory', 1, ['SR 7.8']],
        ['requirements:z-cell:logging', 4, ['SR 2.8']],
        ['requirements:z-util:FR5', 2, ['SR 5.1', 'SR 5.2']],
      ].sort(),
    );
    const fr1 = byKey(findings, 'requirements:z-cell:FR1');
    expect(fr1.description).toContain('3 requirements not met and 1 requirement partially met');
    expect(fr1.description).toContain(
      '- SR 1.13 Access via untrusted networks: partially met. Observed on site for SR 1.13.',
    );
    expect(fr1.description).not.toContain('Second line not shown');
    expect(byKey(findings, 'requirements:z-cell:recovery').title).toBe(
      'Backup and recovery gaps in Abfüllung Linie 2',
    );
  });

  it('weighs severity by what failed and by the zone', () => {
    const data = new PlantBuilder()
      .zone('sl1', 'Level-1 item not met')
      .zone('sl2', 'Only a level-2 item not met')
      .zone('partial', 'Only partially met')
      .zone('sis', 'SIS', { kind: 'safety', criticality: 'critical' })
      .zone('lab', 'Lab', { criticality: 'low' })
      .answer('sl1', 'not-met', 'SR 1.1')
      .answer('sl2', 'not-met', 'SR 1.2')
      .answer('partial', 'partially-met', 'SR 1.1')
      .answer('sis', 'not-met', 'SR 1.1')
      .answer('lab', 'not-met', 'SR 1.1')
      .build();
    const findings = generateFindings(data, { now: NOW });
    const severity = (zone: string) => byKey(findings, `requirements:z-${zone}:FR1`).severity;
    expect(severity('sl1')).toBe('high');
    expect(severity('sl2')).toBe('medium');
    expect(severity('partial')).toBe('low');
    expect(severity('sis')).toBe('critical');
    expect(severity('lab')).toBe('medium');
  });

  it('ignores items above the SL-T, items not assessed, and zones without an SL-T', () => {
    const data = new PlantBuilder()
      .zone('cell', 'Cell', { sl: 1 })
      .zone('none', 'No target', { sl: null })
      .answer('cell', 'not-met', 'SR 1.1 RE 1') // minimum level 2, above SL-T 1
      .answer('cell', 'not-assessed', 'SR 1.1')
      .answer('none', 'not-met', 'SR 1.1')
      .build();
    const findings = generateFindings(data, { now: NOW });
    expect(findings.filter((f) => f.autoKey.startsWith('requirements:'))).toEqual([]);
    expect(findings.some((f) => f.autoKey === 'sl-gap:z-none')).toBe(false);
  });
});

describe('security-level gap findings', () => {
  it('reports per zone the FRs below target with SL-T, SL-A and the gap', () => {
    const builder = new PlantBuilder().zone('cell', 'Pasteurisation', {
      slt: { base: 2, overrides: { FR5: 3 } },
    });
    for (const fr of ['FR1', 'FR2', 'FR3', 'FR4', 'FR6', 'FR7'])
      builder.answer('cell', 'met', ...itemsUpTo(fr, 2));
    // FR5 at SL-T 3: everything met except one level-2 item.
    const fr5 = itemsUpTo('FR5', 3).filter((id) => id !== 'SR 5.1 RE 1');
    builder.answer('cell', 'met', ...fr5).answer('cell', 'not-met', 'SR 5.1 RE 1');
    const findings = generateFindings(builder.build(), { now: NOW });
    const gap = byKey(findings, 'sl-gap:z-cell');
    expect(gap.title).toBe('Pasteurisation is below its target security level in 1 FR');
    expect(gap.description).toContain('SL-T {2,2,2,2,3,2,2}, SL-A {2,2,2,2,1,2,2}, gap {0,0,0,0,2,0,0}');
    expect(gap.description).toContain('- FR5 (RDF): SL-A 1 of SL-T 3, 1 item open');
    expect(gap).toMatchObject({ severity: 'high', phase: 2 });
    expect(gap.refs.itemIds).toEqual(['SR 5.1 RE 1']);
  });

  it('says nothing for a zone at its target, and rates a one-level gap medium', () => {
    const builder = new PlantBuilder().zone('ok', 'At target', { sl: 1 }).zone('one', 'One short', { sl: 2 });
    for (const fr of ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7']) {
      builder.answer('ok', 'met', ...itemsUpTo(fr, 1));
      builder.answer('one', 'met', ...itemsUpTo(fr, 2));
    }
    builder.data.answers.find((a) => a.zoneId === 'z-one' && a.itemId === 'SR 6.2')!.status = 'not-met';
    const findings = generateFindings(builder.build(), { now: NOW });
    expect(findings.some((f) => f.autoKey === 'sl-gap:z-ok')).toBe(false);
    expect(byKey(findings, 'sl-gap:z-one')).toMatchObject({ severity: 'medium', phase: 4 });
  });

  it('calls a gap from unassessed items an incomplete assessment, not a weakness', () => {
    const data = new PlantBuilder().zone('cell', 'Cell').answer('cell', 'met', 'SR 1.1', 'SR 1.3').build();
    const gap = byKey(generateFindings(data, { now: NOW }), 'sl-gap:z-cell');
    expect(gap).toMatchObject({ severity: 'info', phase: 1, title: 'Requirements not yet assessed in Cell' });
    expect(gap.description).toMatch(/^Only 2 of the \d+ requirements/);
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
        impact: 4,
        status: 'accepted',
        justification: 'Kiosk in place.',
      }) // 16 → critical, accepted → high
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
    expect(remote.description).toContain('PLC → Plant (risk 2×2=4');
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
