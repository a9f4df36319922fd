import { describe, expect, it } from 'vitest';
import { cloneWithNewIds, parseAssessmentFile, serializeAssessmentFile } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('cloneWithNewIds', () => {
  it('gives every record a new id and keeps every reference pointing at the copy', async () => {
    const data = await richAssessment();
    const copy = cloneWithNewIds(data);
    const oldIds = new Set([
      data.assessment.id,
      ...data.zones.map((z) => z.id),
      ...data.assets.map((a) => a.id),
    ]);
    expect(oldIds.has(copy.assessment.id)).toBe(false);
    for (const zone of copy.zones) {
      expect(oldIds.has(zone.id)).toBe(false);
      expect(zone.assessmentId).toBe(copy.assessment.id);
    }
    const zoneIds = new Set(copy.zones.map((z) => z.id));
    expect(zoneIds.has(copy.conduits[0]!.fromZoneId)).toBe(true);
    expect(zoneIds.has(copy.assets[0]!.zoneId!)).toBe(true);
    expect(copy.answers[0]!.evidenceIds[0]).toBe(copy.evidence[0]!.id);
    expect(copy.triage[0]!.candidateKey).toContain(copy.zones[1]!.id);
    expect(copy.evidence[0]!.bytes).toEqual(data.evidence[0]!.bytes);
    // The copy is itself a valid, self-consistent file.
    await expect(parseAssessmentFile(serializeAssessmentFile(copy))).resolves.toBeTruthy();
  });
});
