import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { writeAssessmentData } from '../../../../renderer/db/assessments';
import {
  addCountermeasure,
  addScenario,
  applySltToConduit,
  applySltToZone,
  deleteScenario,
  linkCompensation,
  redoRisk,
  riskHistory,
  saveConduitRisk,
  saveScenario,
  saveZoneRisk,
  undoRisk,
} from '../../../../renderer/db/risk';
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

/** A scenario on the cell zone, as the New scenario form makes it. */
const onCell = (title: string) => ({
  target: { kind: 'zone' as const, zoneId: cellId },
  title,
  source: 'criminal' as const,
  capability: 3,
  entryVector: { kind: 'removable-media' as const },
  likelihood: 3,
});

/** A new connection to the same database, as after a reload. */
async function reload() {
  database.close();
  database = new ConduitDatabase(database.name);
  useDatabase(database);
  await database.open();
}

describe('risk undo and redo, persisted', () => {
  it('takes back an add, an edit and a deletion that unlinked a countermeasure, after a reload, and redoes them', async () => {
    const scenario = await addScenario(assessmentId, onCell('Phishing of an engineer'));
    const countermeasure = await addCountermeasure(assessmentId, {
      title: 'Jump host with MFA',
      kind: 'recommended',
      scenarioIds: [scenario.id],
    });
    await saveScenario(scenario, { likelihood: 5 });
    await deleteScenario({ ...scenario, likelihood: 5 });
    expect(await database.threatScenarios.get(scenario.id)).toBeUndefined();
    expect((await database.countermeasures.get(countermeasure.id))!.scenarioIds).toEqual([]);
    expect(await riskHistory(assessmentId)).toEqual({
      undo: 'Delete scenario “Phishing of an engineer”',
      redo: null,
    });

    await reload();
    expect(await undoRisk(assessmentId)).toBe('Delete scenario “Phishing of an engineer”');
    expect((await database.threatScenarios.get(scenario.id))!.likelihood).toBe(5);
    expect((await database.countermeasures.get(countermeasure.id))!.scenarioIds).toEqual([scenario.id]);
    expect(await undoRisk(assessmentId)).toBe('Edit scenario “Phishing of an engineer”');
    expect((await database.threatScenarios.get(scenario.id))!.likelihood).toBe(scenario.likelihood);

    await reload();
    expect(await riskHistory(assessmentId)).toEqual({
      undo: 'Add countermeasure “Jump host with MFA”',
      redo: 'Edit scenario “Phishing of an engineer”',
    });
    expect(await redoRisk(assessmentId)).toBe('Edit scenario “Phishing of an engineer”');
    expect(await redoRisk(assessmentId)).toBe('Delete scenario “Phishing of an engineer”');
    expect(await database.threatScenarios.get(scenario.id)).toBeUndefined();
    expect(await redoRisk(assessmentId)).toBeNull();
  });

  it('undoes an accepted suggestion, a zone rating and an SL-T applied to the zone', async () => {
    const before = (await database.zones.get(cellId))!;
    await addScenario(assessmentId, {
      ...onCell('Remote access into the cell'),
      suggestionKey: 'remote-access:x:y',
    });
    await saveZoneRisk(assessmentId, cellId, undefined, { consequences: { safety: 4 } });
    await applySltToZone(before, [3, 3, 3, 3, 3, 3, 3]);
    expect((await database.zones.get(cellId))!.slt).toEqual({ base: 3, overrides: {} });
    expect(await undoRisk(assessmentId)).toBe(`Apply the SL-T to ${before.name}`);
    expect(await database.zones.get(cellId)).toEqual(before);
    expect(await undoRisk(assessmentId)).toBe('Edit a zone’s rating');
    expect(await undoRisk(assessmentId)).toBe('Accept suggestion “Remote access into the cell”');
    expect(await database.threatScenarios.where({ suggestionKey: 'remote-access:x:y' }).count()).toBe(0);
    expect(await undoRisk(assessmentId)).toBeNull();
  });

  it('merges quick edits of the same field, as an autosave while typing makes them', async () => {
    const scenario = await addScenario(assessmentId, onCell('P'));
    let current = scenario;
    for (const title of ['Ph', 'Phish', 'Phishing']) current = await saveScenario(current, { title });
    expect(await database.undoSteps.where({ assessmentId, workspace: 'risk' }).count()).toBe(2);
    expect(await undoRisk(assessmentId)).toBe('Edit scenario “Phishing”');
    expect((await database.threatScenarios.get(scenario.id))!.title).toBe('P');
  });

  it('refuses to undo over a change made elsewhere, drops that history, and leaves the records as they are', async () => {
    const countermeasure = await addCountermeasure(assessmentId, { title: 'Data diode', kind: 'existing' });
    // The Requirements workspace links it as a compensating control meanwhile.
    await linkCompensation(assessmentId, { zoneId: cellId, itemId: 'SR 5.1' }, countermeasure.id);
    await expect(undoRisk(assessmentId)).rejects.toThrow(
      /“Add countermeasure “Data diode”” cannot be undone/,
    );
    expect((await database.countermeasures.get(countermeasure.id))!.compensates).toEqual([
      { zoneId: cellId, itemId: 'SR 5.1' },
    ]);
    expect(await riskHistory(assessmentId)).toEqual({ undo: null, redo: null });
  });

  it('writes nothing, history included, when a record is invalid', async () => {
    await expect(addScenario(assessmentId, { ...onCell('Too likely'), likelihood: 99 })).rejects.toThrow();
    expect(await database.undoSteps.count()).toBe(0);
  });

  it('takes back a conduit’s SL-T set by hand and the SL-T applied to the conduit, after a reload', async () => {
    const conduitId = fixtureId(3, 2);
    const conduit = (await database.conduits.get(conduitId))!;
    await expect(
      saveConduitRisk(assessmentId, conduitId, undefined, {
        sltSource: 'manual',
        manualSlt: [3, 3, 3, 3, 3, 3, 3],
        justification: '',
      }),
    ).rejects.toThrow('a hand-set SL-T needs a justification');
    expect(await database.conduitRisks.where({ conduitId }).count()).toBe(0);
    const record = await saveConduitRisk(assessmentId, conduitId, undefined, {
      sltSource: 'manual',
      manualSlt: [3, 3, 3, 2, 3, 2, 2],
      justification: 'Vendor access crosses it.',
    });
    await applySltToConduit(conduit, 'Cell link', [3, 3, 3, 2, 3, 2, 2]);
    expect((await database.conduits.get(conduitId))!.slt).toEqual({
      base: 3,
      overrides: { FR4: 2, FR6: 2, FR7: 2 },
    });
    await reload();
    expect(await undoRisk(assessmentId)).toBe('Apply the SL-T to Cell link');
    expect((await database.conduits.get(conduitId))!.slt).toEqual(conduit.slt);
    expect(await undoRisk(assessmentId)).toBe('Edit a conduit’s SL-T');
    expect(await database.conduitRisks.get(record.id)).toBeUndefined();
    expect(await redoRisk(assessmentId)).toBe('Edit a conduit’s SL-T');
    expect((await database.conduitRisks.get(record.id))!.justification).toBe('Vendor access crosses it.');
  });
});
