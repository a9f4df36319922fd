import { describe, expect, it } from 'vitest';
import { AdvisoryMatcher, reconcileVulnerabilities } from '../../../../shared/advisories';
import {
  applyDecision,
  parseAssessmentFile,
  serializeAssessmentFile,
  vulnerabilitySchema,
  type Vulnerability,
} from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { shippedIndex } from './helpers';

const T1 = '2026-03-05T10:00:00.000Z';
const T2 = '2026-04-01T10:00:00.000Z';

async function plant() {
  const data = await richAssessment();
  const s7 = data.assets.find((a) => a.model === 'S7-1516')!;
  const matcher = new AdvisoryMatcher(shippedIndex().advisories, new Set(['CVE-2023-28831']));
  let n = 0;
  const first = reconcileVulnerabilities(
    data.assessment.id,
    [],
    new Map([[s7.id, matcher.match(s7)]]),
    T1,
    () => `v-${++n}`,
  );
  return { data, s7, matcher, first };
}

describe('vulnerability decisions', () => {
  it('records each match once, with the advisory, CVEs, CVSS, KEV and remediation', async () => {
    const { first, s7 } = await plant();
    expect(first.added).toBe(first.records.length);
    const record = first.records.find((r) => r.advisoryId === 'ICSA-23-257-01')!;
    expect(record).toMatchObject({
      assetId: s7.id,
      status: 'affected',
      kev: true,
      decision: null,
      stale: false,
    });
    expect(record.remediation).toMatch(/V2\.9\.7/);
    expect(() => vulnerabilitySchema.parse(record)).not.toThrow();
  });

  it('keeps decisions through a pack update and marks those that no longer match stale', async () => {
    const { data, s7, matcher, first } = await plant();
    const decided = first.records.map((r, i) =>
      i === 0
        ? applyDecision(
            r,
            {
              decision: 'accept',
              acceptance: { reason: 'Shutdown in August', owner: 'J. Weber', reviewDate: '2026-09-01' },
            },
            T1,
          )
        : i === 1
          ? applyDecision(r, { decision: 'patch-now' }, T1)
          : r,
    );
    // A newer pack in which the first advisory is gone.
    const gone = decided[0]!.advisoryId;
    const update = new Map([[s7.id, matcher.match(s7).filter((m) => m.advisoryId !== gone)]]);
    const second = reconcileVulnerabilities(data.assessment.id, decided, update, T2);
    const byAdvisory = new Map(second.records.map((r) => [r.advisoryId, r]));
    expect(byAdvisory.get(gone)).toMatchObject({
      stale: true,
      decision: 'accept',
      acceptance: { owner: 'J. Weber' },
    });
    expect(byAdvisory.get(decided[1]!.advisoryId)).toMatchObject({
      stale: false,
      decision: 'patch-now',
      matchedAt: T2,
    });
    expect(second.stale).toBe(1);
    expect(second.added).toBe(0);
    // An upgraded firmware: undecided matches go, decided ones stay stale.
    const third = reconcileVulnerabilities(data.assessment.id, second.records, new Map([[s7.id, []]]), T2);
    expect(third.records.map((r) => r.decision).sort()).toEqual(['accept', 'patch-now']);
    expect(third.dropped).toHaveLength(first.records.length - 2);
  });

  it('requires the reason, owner and review date of an acceptance and the control of a mitigation', async () => {
    const { first } = await plant();
    const record = first.records[0]!;
    expect(() => vulnerabilitySchema.parse({ ...record, decision: 'accept' })).toThrow(
      /reason, an owner and a review date/,
    );
    expect(() => vulnerabilitySchema.parse({ ...record, decision: 'mitigate' })).toThrow(
      /control that mitigates it/,
    );
    const mitigated = applyDecision(
      record,
      { decision: 'mitigate', mitigation: { conduitId: null, control: ' Deny S7comm from IT ' } },
      T1,
    );
    expect(mitigated.mitigation).toEqual({
      conduitId: null,
      countermeasureId: null,
      control: 'Deny S7comm from IT',
    });
  });

  it('travels in the assessment file (format version 4) and reads files of version 1', async () => {
    const { data, first } = await plant();
    const withDecisions = {
      ...data,
      vulnerabilities: [applyDecision(first.records[0]!, { decision: 'patch-now' }, T1)],
    };
    const text = serializeAssessmentFile(withDecisions, { exportedAt: T1 });
    expect(JSON.parse(text).formatVersion).toBe(4);
    const back = await parseAssessmentFile(text);
    expect(back.vulnerabilities).toEqual(withDecisions.vulnerabilities);

    const v1 = JSON.parse(serializeAssessmentFile(data, { exportedAt: T1 }));
    v1.formatVersion = 1;
    delete v1.vulnerabilities;
    expect((await parseAssessmentFile(JSON.stringify(v1))).vulnerabilities).toEqual([]);
    v1.formatVersion = 2;
    expect((await parseAssessmentFile(JSON.stringify(v1))).vulnerabilities).toEqual([]);
  });

  it('names a decision that points at an asset the file does not have', async () => {
    const { data, first } = await plant();
    const orphan: Vulnerability = { ...first.records[0]!, assetId: 'no-such-asset' };
    await expect(
      parseAssessmentFile(serializeAssessmentFile({ ...data, vulnerabilities: [orphan] })),
    ).rejects.toThrow(/vulnerabilities\[0\]\.assetId: no asset with id no-such-asset/);
  });
});
