import { describe, expect, it } from 'vitest';
import {
  parseAssessmentFile,
  serializeAssessmentFile,
  withoutDanglingReferences,
  type AssessmentData,
} from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

/** The rich assessment after a zone was deleted the way the diagram stores it: the zone, its conduits and answers. */
async function afterDeletingAZone(): Promise<{ data: AssessmentData; zoneId: string }> {
  const data = await richAssessment();
  const zone = data.zones.find((z) => data.zoneRisks.some((r) => r.zoneId === z.id))!;
  data.zones = data.zones.filter((z) => z.id !== zone.id);
  data.answers = data.answers.filter((a) => a.zoneId !== zone.id);
  return { data, zoneId: zone.id };
}

describe('an assessment with links to deleted records', () => {
  it('is refused on import as it stands, and reads back once the dangling links are left out', async () => {
    const { data, zoneId } = await afterDeletingAZone();
    await expect(parseAssessmentFile(serializeAssessmentFile(data))).rejects.toThrow(/no zone with id/);
    const pruned = withoutDanglingReferences(data);
    const back = await parseAssessmentFile(serializeAssessmentFile(pruned));
    expect(back.zoneRisks.some((r) => r.zoneId === zoneId)).toBe(false);
    expect(back.threatScenarios.some((s) => s.target.kind === 'zone' && s.target.zoneId === zoneId)).toBe(
      false,
    );
    expect(back.conduits.every((c) => c.fromZoneId !== zoneId && c.toZoneId !== zoneId)).toBe(true);
    expect(back.assets.every((a) => a.zoneId !== zoneId)).toBe(true);
  });

  it('keeps everything that still points at something, unchanged', async () => {
    const data = await richAssessment();
    const pruned = withoutDanglingReferences(data);
    const at = { exportedAt: '2026-03-05T10:00:00.000Z' };
    expect(serializeAssessmentFile(pruned, at)).toBe(serializeAssessmentFile(data, at));
  });
});
