import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { writeAssessmentData } from '../../../../renderer/db/assessments';
import {
  addManualFinding,
  dismissStoredFinding,
  findingsHistory,
  redoFindings,
  undoFindings,
  listFindings,
  mergeStoredFindings,
  moveStoredFinding,
  placeOnRoadmap,
  regenerateFindings,
  restoreStoredFinding,
  updateFinding,
} from '../../../../renderer/db/findings';
import { fixtureId, richAssessment } from '../../../fixtures/rich-assessment';
import { withCurrentFindings } from '../../../../shared/findings';
import { UndoBlockedError } from '../../../../shared/undo';
import { vulnerabilitySchema, type Finding } from '../../../../shared/model';

let database: ConduitDatabase;
const assessmentId = fixtureId(1, 1);

beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
  await writeAssessmentData(await richAssessment());
});

describe('findings repository', () => {
  it('regenerates into the database and keeps edits, placements and dismissals', async () => {
    const first = await regenerateFindings(assessmentId, { now: new Date('2026-06-01T00:00:00Z') });
    // The fixture's stored FR1 finding is of an earlier version: its placement passes to SR 1.1's.
    expect(first.added).toHaveLength(7);
    expect(first.removed.map((f) => f.autoKey)).toEqual([`requirements:${fixtureId(2, 3)}:FR1`]);
    const stored = await listFindings(assessmentId);
    expect(stored).toHaveLength(7);
    expect(stored.map((f) => f.order)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(stored.find((f) => f.autoKey === 'requirements:SR 1.1:p3')!.roadmapSlot).toBe('m6-9');
    // Flows and triage are read too: the S7comm-plus flow from the DMZ is a finding.
    expect(stored.some((f) => f.autoKey === 'traffic:cleartext-ics')).toBe(true);

    const modem = stored.find((f) => f.autoKey === 'connections:cellular')!;
    await updateFinding(modem.id, { title: '4G router in cabinet B' });
    await placeOnRoadmap(modem.id, 'm3-6');
    const unzoned = stored.find((f) => f.autoKey === 'unzoned-assets')!;
    await dismissStoredFinding(unzoned.id, 'Decommissioned.');

    const again = await regenerateFindings(assessmentId, { now: new Date('2026-06-02T00:00:00Z') });
    expect([again.added, again.updated, again.removed].map((l) => l.length)).toEqual([0, 0, 0]);
    const after = await listFindings(assessmentId);
    expect(after.find((f) => f.id === modem.id)).toMatchObject({
      title: '4G router in cabinet B',
      roadmapSlot: 'm3-6',
      edited: ['title'],
    });
    expect(after.find((f) => f.id === unzoned.id)).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Decommissioned.',
    });
    await restoreStoredFinding(unzoned.id);
    expect((await database.findings.get(unzoned.id))!.status).toBe('open');

    // Once the modem is remediated, its finding goes.
    await database.connections.update(fixtureId(8, 1), { status: 'remediated' });
    const third = await regenerateFindings(assessmentId);
    expect(third.removed.map((f) => f.id)).toEqual([modem.id]);
    expect(await database.findings.get(modem.id)).toBeUndefined();
  });

  it('reads every list the generator takes, so the app prints what the CLI and the bundle print', async () => {
    const rich = await richAssessment();
    const at = '2026-05-20T09:00:00.000Z';
    const countermeasure = rich.countermeasures[0]!;
    const plc = rich.assets.find((a) => a.zoneId !== null)!;
    const mitigated = vulnerabilitySchema.parse({
      id: crypto.randomUUID(),
      assessmentId,
      createdAt: at,
      updatedAt: at,
      assetId: plc.id,
      advisoryId: 'ICSA-24-102-05',
      title: 'Denial of service in the S7 communication stack',
      cves: ['CVE-2024-21234'],
      cvss: 7.5,
      kev: false,
      status: 'affected',
      confidence: 'version-in-range',
      why: 'Firmware 4.2 is in the affected range.',
      matchedAt: at,
      decision: 'mitigate',
      mitigation: { conduitId: null, countermeasureId: countermeasure.id, control: 'Deny S7comm from IT' },
      decidedAt: at,
    });
    await database.vulnerabilities.add(mitigated);
    const now = new Date('2026-06-01T00:00:00Z');
    await regenerateFindings(assessmentId, { now });

    const stored = await listFindings(assessmentId);
    const advisory = stored.find((f) => f.recommendation.includes('Deny S7comm from IT'))!;
    expect(advisory.recommendation).toContain(`countermeasure “${countermeasure.title}”`);
    expect(advisory.recommendation).not.toContain('no longer exists');
    const cli = withCurrentFindings({ ...rich, vulnerabilities: [mitigated] }, now).findings;
    const printed = (findings: Finding[]) =>
      findings.map((f) => [f.autoKey, f.title, f.severity, f.phase, f.description, f.recommendation]);
    expect(printed(stored)).toEqual(printed([...cli].sort((a, b) => a.order - b.order)));
  });

  it('refuses bad edits without touching the stored finding', async () => {
    await regenerateFindings(assessmentId);
    const [first] = await listFindings(assessmentId);
    await expect(updateFinding(first!.id, { title: '  ' })).rejects.toThrow(ZodError);
    await expect(dismissStoredFinding(first!.id, ' ')).rejects.toThrow(/why/);
    expect(await database.findings.get(first!.id)).toEqual(first);
  });

  it('adds, moves and merges', async () => {
    await regenerateFindings(assessmentId);
    const manual = await addManualFinding(assessmentId, {
      title: 'No OT incident response plan',
      severity: 'high',
      phase: 6,
    });
    expect(manual.order).toBe(9);
    await moveStoredFinding(assessmentId, manual.id, 0);
    const moved = await listFindings(assessmentId);
    expect(moved[0]!.id).toBe(manual.id);
    expect(moved.map((f) => f.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const infos = moved.filter((f) => f.severity === 'low');
    expect(infos.length).toBeGreaterThanOrEqual(2);
    const merged = await mergeStoredFindings(infos.map((f) => f.id));
    const after = await listFindings(assessmentId);
    expect(after).toHaveLength(8 - infos.length + 1);
    expect(after.filter((f) => infos.some((i) => i.id === f.id))).toEqual([]);
    expect(merged.absorbedKeys).toHaveLength(infos.length);
    const regenerated = await regenerateFindings(assessmentId);
    expect(regenerated.added).toEqual([]);
  });

  it('undoes and redoes each edit, merge, move and addition, persisted in the undo log', async () => {
    await regenerateFindings(assessmentId);
    const original = await listFindings(assessmentId);
    const orderOf = async () => (await listFindings(assessmentId)).map((f) => f.id);
    expect(await findingsHistory(assessmentId)).toEqual({ undo: null, redo: null });

    const [first, second] = original;
    await updateFinding(first!.id, { title: 'Shared operator logins' });
    await dismissStoredFinding(second!.id, 'Out of scope.');
    await moveStoredFinding(assessmentId, second!.id, 0);
    const lows = (await listFindings(assessmentId)).filter((f) => f.severity === 'low');
    const merged = await mergeStoredFindings(lows.map((f) => f.id));
    const manual = await addManualFinding(assessmentId, {
      title: 'No OT incident response plan',
      severity: 'high',
      phase: 6,
    });
    expect(await findingsHistory(assessmentId)).toEqual({
      undo: 'Add “No OT incident response plan”',
      redo: null,
    });

    expect(await undoFindings(assessmentId)).toBe('Add “No OT incident response plan”');
    expect(await database.findings.get(manual.id)).toBeUndefined();
    expect(await undoFindings(assessmentId)).toBe(`Merge ${lows.length} findings`);
    expect(await database.findings.get(merged.id)).toBeUndefined();
    for (const low of lows) expect(await database.findings.get(low.id)).toEqual(low);
    expect(await undoFindings(assessmentId)).toBe(`Move “${second!.title}”`);
    expect((await orderOf()).slice(0, 2)).toEqual([first!.id, second!.id]);
    expect(await undoFindings(assessmentId)).toBe(`Dismiss “${second!.title}”`);
    expect(await database.findings.get(second!.id)).toEqual(second);
    expect(await undoFindings(assessmentId)).toBe(`Edit “${first!.title}”`);
    expect(await listFindings(assessmentId)).toEqual(original);
    expect(await undoFindings(assessmentId)).toBeNull();

    // Redo takes the same steps again; the log is in IndexedDB, so a reload keeps it.
    expect(await redoFindings(assessmentId)).toBe(`Edit “${first!.title}”`);
    expect((await database.findings.get(first!.id))!.title).toBe('Shared operator logins');
    expect(await redoFindings(assessmentId)).toBe(`Dismiss “${second!.title}”`);
    expect((await database.findings.get(second!.id))!.status).toBe('dismissed');
    expect(await findingsHistory(assessmentId)).toEqual({
      undo: `Dismiss “${second!.title}”`,
      redo: `Move “${second!.title}”`,
    });
  });

  it('refuses to undo an edit whose finding was changed since by regenerating', async () => {
    await regenerateFindings(assessmentId);
    const modem = (await listFindings(assessmentId)).find((f) => f.autoKey === 'connections:cellular')!;
    await placeOnRoadmap(modem.id, 'm9-12');
    // The modem is remediated: regenerating removes its finding, so the placement has nothing to undo.
    await database.connections.update(fixtureId(8, 1), { status: 'remediated' });
    await regenerateFindings(assessmentId);
    await expect(undoFindings(assessmentId)).rejects.toThrow(UndoBlockedError);
    expect(await findingsHistory(assessmentId)).toEqual({ undo: null, redo: null });
    expect(await database.findings.get(modem.id)).toBeUndefined();
  });
});
