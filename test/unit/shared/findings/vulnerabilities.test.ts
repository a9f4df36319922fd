import { describe, expect, it } from 'vitest';
import { AdvisoryMatcher, reconcileVulnerabilities } from '../../../../shared/advisories';
import { generateFindings, severityFromCvss, vulnerabilitySeverity } from '../../../../shared/findings';
import { applyDecision, type AssessmentData } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { shippedIndex } from '../advisories/helpers';

const T1 = '2026-03-05T10:00:00.000Z';

async function withMatches(kev: string[] = []): Promise<AssessmentData> {
  const data = await richAssessment();
  const matcher = new AdvisoryMatcher(shippedIndex().advisories, new Set(kev));
  const matches = new Map(data.assets.map((a) => [a.id, matcher.match(a)]));
  let n = 0;
  const { records } = reconcileVulnerabilities(
    data.assessment.id,
    [],
    matches,
    T1,
    () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  );
  return { ...data, vulnerabilities: records };
}

describe('phase-5 vulnerability findings', () => {
  it('gives one finding per zone and product line on the shipped pack, each matched asset in one', async () => {
    const data = await withMatches();
    const s7 = data.assets.find((a) => a.model === 'S7-1516')!;
    const zone = data.zones.find((z) => z.id === s7.zoneId)!;
    const findings = generateFindings(data, { now: new Date(T1) }).filter((f) =>
      f.autoKey.startsWith('vulnerability:'),
    );
    const matched = [...new Set(data.vulnerabilities.map((v) => v.assetId))].sort();
    expect(findings.flatMap((f) => f.refs.assetIds).sort()).toEqual(matched);
    expect(findings.length).toBeLessThan(new Set(data.vulnerabilities.map((v) => v.advisoryId)).size);
    const finding = findings.find((f) => f.autoKey === `vulnerability:siemens|s7-1500:${zone.id}`)!;
    const advisories = new Set(
      data.vulnerabilities.filter((v) => v.assetId === s7.id).map((v) => v.advisoryId),
    );
    expect(finding.title).toMatch(
      new RegExp(`^Siemens S7-1500 in ${zone.name}: ${advisories.size} advisories`),
    );
    expect(finding.description).toMatch(/- ICSA-23-257-01 \(.*\): CVSS \d/);
    expect(finding.description).toContain('S7-1516 V2.9.4');
    expect(finding.refs).toMatchObject({ zoneIds: [zone.id], assetIds: [s7.id] });
  });

  it('rates severity from CVSS, KEV and the zone, and follows the decisions', async () => {
    expect([9.8, 7.5, 5.3, 2.0, null].map(severityFromCvss)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'medium',
    ]);
    const data = await withMatches();
    const record = data.vulnerabilities.find((v) => v.advisoryId === 'ICSA-23-257-01')!;
    const zone = data.zones.find((z) => z.id === data.assets.find((a) => a.id === record.assetId)!.zoneId)!;
    const base = vulnerabilitySeverity([{ ...record, cvss: 7.5, kev: false }], {
      ...zone,
      criticality: 'medium',
    });
    expect(base).toBe('high');
    expect(
      vulnerabilitySeverity([{ ...record, cvss: 5.0, kev: true }], { ...zone, criticality: 'medium' }),
    ).toBe('high');
    expect(
      vulnerabilitySeverity([{ ...record, cvss: 7.5, kev: false }], { ...zone, criticality: 'critical' }),
    ).toBe('critical');
    expect(
      vulnerabilitySeverity([{ ...record, cvss: 7.5, kev: false }], { ...zone, criticality: 'low' }),
    ).toBe('medium');

    // Given the zone's exposure: the catastrophic-consequence raise needs a highly exposed zone,
    // and a zone hardly reachable is never critical, whatever the CVSS.
    const exposed = { level: 4, factors: [] };
    const isolated = { level: 1, factors: [] };
    const reachable = { level: 3, factors: [] };
    const critical = { ...zone, criticality: 'critical' as const };
    const high75 = [{ ...record, cvss: 7.5, kev: false }];
    const crit98 = [{ ...record, cvss: 9.8, kev: false }];
    expect(vulnerabilitySeverity(high75, critical, undefined, exposed)).toBe('critical');
    expect(vulnerabilitySeverity(high75, critical, undefined, reachable)).toBe('high');
    expect(vulnerabilitySeverity(crit98, { ...zone, criticality: 'medium' }, undefined, reachable)).toBe(
      'critical',
    );
    expect(vulnerabilitySeverity(crit98, { ...zone, criticality: 'medium' }, undefined, isolated)).toBe(
      'high',
    );
    expect(vulnerabilitySeverity(crit98, critical, undefined, { level: 2, factors: [] })).toBe('high');

    const accepted = {
      ...data,
      vulnerabilities: data.vulnerabilities.map((v) =>
        v.advisoryId === 'ICSA-23-257-01'
          ? applyDecision(
              v,
              {
                decision: 'accept',
                acceptance: { reason: 'Replaced in August', owner: 'J. Weber', reviewDate: '2026-09-01' },
              },
              T1,
            )
          : v.advisoryId === 'ICSA-23-222-07'
            ? applyDecision(v, { decision: 'patch-now' }, T1)
            : v,
      ),
    };
    const findings = generateFindings(accepted, { now: new Date(T1) });
    const s7 = findings.find((f) => f.autoKey.startsWith('vulnerability:siemens|s7-1500:'))!;
    expect(s7.description).toMatch(/- ICSA-23-257-01 .*\(1 accept and document\)/);
    expect(s7.recommendation).toMatch(/^Patch now, ICSA-23-222-07 on .*: /);
    expect(s7.recommendation).not.toContain('ICSA-23-257-01');
  });
});
