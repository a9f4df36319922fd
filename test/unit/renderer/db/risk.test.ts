import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { loadAssessmentData, writeAssessmentData } from '../../../../renderer/db/assessments';
import {
  addScenario,
  applySltToZone,
  deleteScenario,
  linkCompensation,
  loadRiskData,
  saveZoneRisk,
} from '../../../../renderer/db/risk';
import { assessmentRisk } from '../../../../shared/risk';
import { fixtureId, richAssessment } from '../../../fixtures/rich-assessment';

let database: ConduitDatabase;
const assessmentId = fixtureId(1, 1);
const cellId = fixtureId(2, 3);

beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
  await writeAssessmentData(await richAssessment());
});

describe('risk repository', () => {
  it('stores and reads back the whole risk assessment with the rest of the assessment', async () => {
    const rich = await richAssessment();
    const stored = await loadAssessmentData(assessmentId);
    expect(stored.threatScenarios).toEqual(rich.threatScenarios);
    expect(stored.countermeasures).toEqual(rich.countermeasures);
    expect(stored.zoneRisks).toEqual(rich.zoneRisks);
    expect(assessmentRisk(stored).zones.find((z) => z.zoneId === cellId)!.sltSource).toBe('manual');
  });

  it('refuses a hand-set SL-T without a justification and leaves the stored record as it was', async () => {
    const [current] = (await loadRiskData(assessmentId)).zoneRisks;
    await expect(saveZoneRisk(assessmentId, cellId, current, { justification: ' ' })).rejects.toThrow(
      ZodError,
    );
    expect((await database.zoneRisks.get(current!.id))!.justification).toBe(current!.justification);
  });

  it('deletes a scenario and takes it out of the countermeasures that mitigated it', async () => {
    const extra = await addScenario(assessmentId, {
      target: { kind: 'zone', zoneId: cellId },
      title: 'USB stick from a contractor',
      source: 'insider',
      capability: 2,
      entryVector: { kind: 'removable-media' },
      likelihood: 3,
    });
    const [scenario] = (await loadRiskData(assessmentId)).threatScenarios.filter((s) => s.id !== extra.id);
    await deleteScenario(scenario!);
    const data = await loadRiskData(assessmentId);
    expect(data.threatScenarios.map((s) => s.title)).toEqual(['USB stick from a contractor']);
    expect(data.countermeasures[0]!.scenarioIds).toEqual([]);
  });

  it('links a compensating-control answer to exactly one countermeasure', async () => {
    const [countermeasure] = (await loadRiskData(assessmentId)).countermeasures;
    const answer = { zoneId: cellId, itemId: 'SR 1.1' };
    await linkCompensation(assessmentId, answer, countermeasure!.id);
    expect((await database.countermeasures.get(countermeasure!.id))!.compensates).toContainEqual(answer);
    await linkCompensation(assessmentId, answer, null);
    expect((await database.countermeasures.get(countermeasure!.id))!.compensates).not.toContainEqual(answer);
    // The link the fixture had (SR 1.13) is untouched.
    expect((await database.countermeasures.get(countermeasure!.id))!.compensates).toEqual([
      { zoneId: cellId, itemId: 'SR 1.13' },
    ]);
  });

  it('writes an SL-T vector into the zone as a base level with per-FR overrides', async () => {
    const zone = (await database.zones.get(cellId))!;
    const next = await applySltToZone(zone, [3, 3, 3, 2, 3, 3, 4]);
    expect(next.slt).toEqual({ base: 3, overrides: { FR4: 2, FR7: 4 } });
    expect((await database.zones.get(cellId))!.slt).toEqual(next.slt);
  });
});
