import { describe, expect, it } from 'vitest';
import {
  generateFindings,
  riskConsequenceOf,
  severityRank,
  toFivePointScale,
  type GeneratedFinding,
} from '../../../../shared/findings';
import type { AssessmentData } from '../../../../shared/model';
import type { Vulnerability } from '../../../../shared/model/vulnerabilities';
import { consequenceSourceText } from '../../../../shared/report/sections/coverage';
import type { ZoneRisk } from '../../../../shared/risk';
import { PlantBuilder } from '../../../fixtures/builders';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const T0 = '2026-01-01T00:00:00.000Z';

function rating(data: AssessmentData, zoneId: string, consequences: ZoneRisk['consequences']): ZoneRisk {
  return {
    id: `zr-${zoneId}`,
    assessmentId: data.assessment.id,
    createdAt: T0,
    updatedAt: T0,
    zoneId,
    consequences,
    sltSource: 'derived',
    manualSlt: null,
    justification: '',
  };
}

/** One medium-criticality cell with SR 1.1 not met, rated by the risk assessment as given. */
function plantWithGap(consequences?: ZoneRisk['consequences']): AssessmentData {
  const data = new PlantBuilder()
    .zone('cell', 'Filling cell', { criticality: 'medium' })
    .answer('cell', 'not-met', 'SR 1.1')
    .build();
  if (consequences) data.zoneRisks = [rating(data, 'z-cell', consequences)];
  return data;
}

function sr11(data: AssessmentData): GeneratedFinding {
  const finding = generateFindings(data, { now: NOW }).find((f) =>
    f.autoKey.startsWith('requirements:SR 1.1'),
  );
  if (!finding) throw new Error('no SR 1.1 finding');
  return finding;
}

function kevRecord(data: AssessmentData, assetId: string): Vulnerability {
  return {
    id: `v-${assetId}`,
    assessmentId: data.assessment.id,
    createdAt: T0,
    updatedAt: T0,
    assetId,
    advisoryId: 'ICSA-00-000-01',
    title: 'Hand-built advisory',
    cves: ['CVE-2026-0001'],
    cvss: 7.5,
    kev: true,
    status: 'affected',
    confidence: 'version-in-range',
    why: 'model and firmware in range',
    remediation: 'Update to V3.0',
    stale: false,
    matchedAt: T0,
    decision: null,
    mitigation: null,
    acceptance: null,
    decidedAt: null,
  };
}

describe('zone consequence from the risk assessment', () => {
  it('rates the same gap higher in a zone rated consequence 5 than in one rated 2', () => {
    const high = sr11(plantWithGap({ production: 5, safety: 1 }));
    const low = sr11(plantWithGap({ production: 2 }));
    expect(high.description).toContain('consequence 5 (risk assessment)');
    expect(low.description).toContain('consequence 2 (risk assessment)');
    expect(severityRank(high.severity)).toBeLessThan(severityRank(low.severity));
    expect([high.severity, low.severity]).toEqual(['low', 'info']); // 5 and 2
  });

  it('falls back to criticality for a zone with no rating, even when it has a risk record', () => {
    const none = sr11(plantWithGap());
    expect(none.description).toContain('consequence 3 (criticality)');
    const empty = sr11(plantWithGap({}));
    expect(empty.description).toContain('consequence 3 (criticality)');
    expect(empty.severity).toBe(none.severity);
  });

  it('follows an explicit consequence input over the stored ratings', () => {
    const data = plantWithGap({ production: 2 });
    const finding = generateFindings(data, { now: NOW, consequence: { consequenceOf: () => 5 } }).find((f) =>
      f.autoKey.startsWith('requirements:SR 1.1'),
    )!;
    expect(finding.description).toContain('consequence 5 (risk assessment)');
  });

  it('places a rating on a shorter scale onto 1..5', () => {
    expect([1, 2, 3].map((l) => toFivePointScale(l, 3))).toEqual([1, 3, 5]);
    const data = plantWithGap({ production: 3 });
    data.riskMethods = [];
    expect(riskConsequenceOf(data).consequenceOf('z-cell')).toBe(3);
  });

  it('ranks a KEV advisory in a high-consequence zone above the same in a low-consequence one', () => {
    const data = new PlantBuilder()
      .zone('hot', 'Reactor cell', { criticality: 'medium' })
      .zone('cold', 'Packaging cell', { criticality: 'medium' })
      // Both cells equally and highly exposed (exposure 4): a conduit to the office, one to the
      // vendor VPN and an undocumented dual-homed host each, so only the consequence differs.
      .zone('office', 'Office', { kind: 'enterprise' })
      .zone('vpn', 'Vendor VPN', { kind: 'remote-access' })
      .conduit('office-hot', 'office', 'hot')
      .conduit('office-cold', 'office', 'cold')
      .conduit('vpn-hot', 'vpn', 'hot')
      .conduit('vpn-cold', 'vpn', 'cold')
      .connection('dual-hot', { type: 'dual-homed', to: { kind: 'zone', zoneId: 'z-hot' } })
      .connection('dual-cold', { type: 'dual-homed', to: { kind: 'zone', zoneId: 'z-cold' } })
      .asset('plc1', { zoneId: 'z-hot' })
      .asset('plc2', { zoneId: 'z-cold' })
      .build();
    data.zoneRisks = [rating(data, 'z-hot', { safety: 5 }), rating(data, 'z-cold', { production: 2 })];
    data.vulnerabilities = [kevRecord(data, 'a-plc1'), kevRecord(data, 'a-plc2')];
    const findings = generateFindings(data, { now: NOW }).filter((f) => f.phase === 5);
    const hot = findings.find((f) => f.autoKey === 'vulnerability:siemens|s7-1500:z-hot')!;
    const cold = findings.find((f) => f.autoKey === 'vulnerability:siemens|s7-1500:z-cold')!;
    expect([hot.severity, cold.severity]).toEqual(['critical', 'high']);
    expect(findings.indexOf(hot)).toBeLessThan(findings.indexOf(cold));
    expect(hot.description).toContain('Zone consequence 5 of 5 (from the risk assessment)');

    // Without ratings both zones are medium criticality: the same severity.
    const unrated = generateFindings({ ...data, zoneRisks: [] }, { now: NOW }).filter((f) => f.phase === 5);
    expect(new Set(unrated.map((f) => f.severity))).toEqual(new Set(['critical']));
    expect(unrated[0]!.description).toContain('(from the criticality)');

    // The same KEV advisory in the hot cell, isolated: catastrophic at stake, but not critical.
    const isolated = new PlantBuilder()
      .zone('hot', 'Reactor cell', { criticality: 'medium' })
      .asset('plc1', { zoneId: 'z-hot' })
      .build();
    isolated.zoneRisks = [rating(isolated, 'z-hot', { safety: 5 })];
    isolated.vulnerabilities = [kevRecord(isolated, 'a-plc1')];
    const alone = generateFindings(isolated, { now: NOW }).find((f) => f.phase === 5)!;
    expect(alone.severity).toBe('high');
  });

  it('states in the method text where each zone’s consequence came from', () => {
    const data = new PlantBuilder()
      .zone('hot', 'Reactor cell', { criticality: 'medium' })
      .zone('cold', 'Packaging cell', { criticality: 'low' })
      .build();
    data.zoneRisks = [rating(data, 'z-hot', { environment: 4 })];
    expect(consequenceSourceText(data)).toBe(
      'Consequence from the risk assessment’s impact ratings (its worst category, on this 1–5 scale): Reactor cell 4. Not rated, so from criticality: Packaging cell 2.',
    );
  });
});
