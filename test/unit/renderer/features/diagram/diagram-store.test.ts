import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment, parseAssessmentFile, serializeAssessmentFile } from '../../../../../shared/model';
import { loadAssessmentData } from '../../../../../renderer/db/assessments';
import { ConduitDatabase, useDatabase } from '../../../../../renderer/db';
import { applyDiagramChange, loadDiagram } from '../../../../../renderer/db/diagram';
import { DiagramStore } from '../../../../../renderer/features/diagram/diagram-store';
import {
  emptyChange,
  applyTemplateChange,
  assignBySubnetChange,
  deleteChange,
  manualAsset,
  moveAssetsChange,
  updateZoneChange,
  makeZone,
} from '../../../../../shared/diagram';

let database: ConduitDatabase;
let assessmentId: string;
beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
  const assessment = createAssessment({ client: 'Acme', site: 'North' });
  await database.assessments.add(assessment);
  assessmentId = assessment.id;
});

async function openStore() {
  const errors: string[] = [];
  const store = new DiagramStore(assessmentId, (message) => errors.push(message));
  await store.load();
  return { store, errors };
}

const asset = (name: string, ip: string) =>
  manualAsset(
    assessmentId,
    { name, ip, mac: '', vendor: 'Siemens', model: 'S7-1500', firmware: '2.9' },
    null,
  );

describe('diagram store and repository', () => {
  it("deletes a zone's requirement answers with it, and undo brings them back, even straight away", async () => {
    const { store } = await openStore();
    store.commit(applyTemplateChange(store.getState(), assessmentId, 'purdue'));
    const cell = store.getState().zones.find((z) => z.name === 'Cell/area A')!;
    await store.flushed();
    const answer = {
      id: crypto.randomUUID(),
      assessmentId,
      zoneId: cell.id,
      itemId: 'SR 1.1',
      status: 'met' as const,
      notes: 'Named accounts on every HMI',
      justification: '',
      evidenceIds: [],
      answeredBy: 'Ana',
      answeredAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await database.answers.add(answer);

    store.commit(deleteChange(store.getState(), new Set([cell.id]), new Set()));
    store.undo(); // before the deletion has even been written
    await store.flushed();
    expect(await database.answers.get(answer.id)).toEqual(answer);

    store.redo();
    await store.flushed();
    expect(await database.answers.get(answer.id)).toBeUndefined();
    const data = await loadAssessmentData(assessmentId);
    await expect(parseAssessmentFile(serializeAssessmentFile(data))).resolves.toBeTruthy();

    store.undo();
    await store.flushed();
    expect(await database.answers.where({ zoneId: cell.id }).count()).toBe(1);
  });

  it('persists every edit, and undo/redo write the previous and next state back', async () => {
    const { store, errors } = await openStore();
    store.commit(applyTemplateChange(store.getState(), assessmentId, 'purdue'));
    const cell = store.getState().zones.find((z) => z.name === 'Cell/area A')!;
    store.commit(updateZoneChange(cell, { ranges: ['10.10.1.0/24'] }));
    const plc = asset('PLC-1', '10.10.1.5');
    const laptop = asset('Laptop', '192.168.1.9');
    store.commit({
      ...emptyChange('Add assets'),
      assets: [plc, laptop].map((a) => ({ before: null, after: a })),
    });
    const run = assignBySubnetChange(store.getState());
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    store.commit(run.change);
    await store.flushed();

    let stored = await loadDiagram(assessmentId);
    expect(stored.zones).toHaveLength(7);
    expect(stored.conduits).toHaveLength(6);
    expect(stored.assets.find((a) => a.id === plc.id)?.zoneId).toBe(cell.id);
    expect(stored.assets.find((a) => a.id === laptop.id)?.zoneId).toBeNull();

    expect(store.undo()).toBe('Assign by subnet');
    await store.flushed();
    stored = await loadDiagram(assessmentId);
    expect(stored.assets.find((a) => a.id === plc.id)?.zoneId).toBeNull();

    expect(store.redo()).toBe('Assign by subnet');
    // Deleting the zone removes its conduits and unassigns its assets; undo restores all of it.
    store.commit(deleteChange(store.getState(), new Set([cell.id]), new Set()));
    await store.flushed();
    stored = await loadDiagram(assessmentId);
    expect(stored.zones.map((z) => z.id)).not.toContain(cell.id);
    expect(stored.conduits.some((c) => c.fromZoneId === cell.id || c.toZoneId === cell.id)).toBe(false);
    expect(stored.assets.find((a) => a.id === plc.id)?.zoneId).toBeNull();
    store.undo();
    await store.flushed();
    stored = await loadDiagram(assessmentId);
    expect(stored.zones.find((z) => z.id === cell.id)?.ranges).toEqual(['10.10.1.0/24']);
    expect(stored.conduits).toHaveLength(6);
    expect(stored.assets.find((a) => a.id === plc.id)?.zoneId).toBe(cell.id);
    expect(errors).toEqual([]);

    // A reopened store sees exactly what the first one left.
    const { store: reopened } = await openStore();
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(reopened.getState().zones)).toEqual(byId(store.getState().zones));
    expect(byId(reopened.getState().conduits)).toEqual(byId(store.getState().conduits));
    expect(byId(reopened.getState().assets).map((a) => a.zoneId)).toEqual(
      byId(store.getState().assets).map((a) => a.zoneId),
    );
  });

  it('keeps the undo history across a reload: a reopened store undoes, redoes, and a deleted zone comes back with its answers', async () => {
    const { store } = await openStore();
    const zone = makeZone(assessmentId, { name: 'Line 1', kind: 'cell', position: { x: 0, y: 0 } });
    store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
    store.commit(updateZoneChange(store.zone(zone.id)!, { name: 'Filling line 1' }));
    await store.flushed();
    await database.answers.add({
      id: crypto.randomUUID(),
      assessmentId,
      zoneId: zone.id,
      itemId: 'SR 1.1',
      status: 'met',
      notes: 'Named accounts',
      justification: '',
      evidenceIds: [],
      answeredBy: 'Ana',
      answeredAt: zone.createdAt,
      createdAt: zone.createdAt,
      updatedAt: zone.createdAt,
    });
    store.commit(deleteChange(store.getState(), new Set([zone.id]), new Set()));
    await store.flushed();
    expect(await database.answers.count()).toBe(0);

    // A reload (a new store over the same database) can take all three steps back.
    let { store: reopened } = await openStore();
    expect(reopened.getState().canUndo).toBe(true);
    expect(reopened.undo()).toMatch(/^Delete/);
    await reopened.flushed();
    expect(reopened.zone(zone.id)?.name).toBe('Filling line 1');
    expect((await database.answers.toArray()).map((a) => a.notes)).toEqual(['Named accounts']);

    ({ store: reopened } = await openStore());
    expect(reopened.undo()).toBe('Edit zone');
    await reopened.flushed();
    expect((await database.zones.get(zone.id))?.name).toBe('Line 1');

    // Redo survives a reload too, and a new edit then drops what was left to redo.
    ({ store: reopened } = await openStore());
    expect(reopened.getState().canRedo).toBe(true);
    expect(reopened.redo()).toBe('Edit zone');
    await reopened.flushed();
    expect((await database.zones.get(zone.id))?.name).toBe('Filling line 1');
    reopened.commit(updateZoneChange(reopened.zone(zone.id)!, { name: 'Line A' }));
    await reopened.flushed();
    ({ store: reopened } = await openStore());
    expect(reopened.getState().canRedo).toBe(false);
    expect(
      (await database.undoSteps.where({ assessmentId, workspace: 'diagram' }).toArray()).map((s) => s.label),
    ).toEqual(['Add zone', 'Edit zone', 'Edit zone']);
  });

  it('stores at most 100 steps per assessment, the newest', async () => {
    const { store } = await openStore();
    const zone = makeZone(assessmentId, { name: 'Z0', kind: 'cell', position: { x: 0, y: 0 } });
    store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
    for (let i = 1; i <= 104; i++) store.commit(updateZoneChange(store.zone(zone.id)!, { name: `Z${i}` }));
    await store.flushed();
    const stored = await database.undoSteps.where({ assessmentId, workspace: 'diagram' }).toArray();
    expect(stored).toHaveLength(100);
    const { store: reopened } = await openStore();
    for (let i = 0; i < 100; i++) reopened.undo();
    expect(reopened.getState().canUndo).toBe(false);
    await reopened.flushed();
    expect((await database.zones.get(zone.id))?.name).toBe('Z4');
  });

  it('refuses to undo over a change made elsewhere since, and says so', async () => {
    const { store } = await openStore();
    const zone = makeZone(assessmentId, { name: 'Line 1', kind: 'cell', position: { x: 0, y: 0 } });
    store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
    store.commit(updateZoneChange(store.zone(zone.id)!, { name: 'Filling' }));
    await store.flushed();
    // The Risk workspace sets the zone's SL-T meanwhile.
    const current = (await database.zones.get(zone.id))!;
    await database.zones.put({ ...current, slt: { base: 3, overrides: {} } });

    const { store: reopened } = await openStore();
    expect(() => reopened.undo()).toThrow(/“Edit zone” cannot be undone or redone/);
    await reopened.flushed();
    expect(await database.zones.get(zone.id)).toMatchObject({ name: 'Filling', slt: { base: 3 } });
    expect(reopened.getState().canUndo).toBe(false);
    expect(await database.undoSteps.where({ assessmentId }).count()).toBe(0);
  });

  it('merges quick edits of one field into one undo step', async () => {
    const { store } = await openStore();
    const zone = makeZone(assessmentId, { name: 'Z', kind: 'cell', position: { x: 0, y: 0 } });
    store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
    for (const name of ['Li', 'Line', 'Line 1']) {
      store.commit(updateZoneChange(store.zone(zone.id)!, { name }), `zone:${zone.id}:name`);
    }
    expect(store.zone(zone.id)?.name).toBe('Line 1');
    store.undo();
    expect(store.zone(zone.id)?.name).toBe('Z');
    store.undo();
    expect(store.zone(zone.id)).toBeUndefined();
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().canRedo).toBe(true);
  });

  it('refuses an invalid zone without writing anything, and reports it', async () => {
    const { store, errors } = await openStore();
    const zone = makeZone(assessmentId, { name: 'Z', kind: 'cell', position: { x: 0, y: 0 } });
    await applyDiagramChange(assessmentId, {
      ...emptyChange('Add zone'),
      zones: [{ before: null, after: zone }],
    });
    const bad = { ...zone, slt: { base: 9, overrides: {} } };
    await expect(
      applyDiagramChange(assessmentId, { ...emptyChange('Edit'), zones: [{ before: zone, after: bad }] }),
    ).rejects.toThrow();
    expect((await database.zones.get(zone.id))?.slt.base).toBeNull();
    store.commit({ ...emptyChange('Edit'), zones: [{ before: zone, after: bad }] });
    await store.flushed();
    expect(errors).toHaveLength(1);
    expect((await database.zones.get(zone.id))?.slt.base).toBeNull();
  });

  it('assign by subnet with an invalid range gives a message and no change', async () => {
    const { store } = await openStore();
    const zone = makeZone(assessmentId, {
      name: 'Cell',
      kind: 'cell',
      position: { x: 0, y: 0 },
      ranges: ['10.0.0.0/33'],
    });
    store.commit({
      ...emptyChange('Seed'),
      zones: [{ before: null, after: zone }],
      assets: [{ before: null, after: asset('PLC', '10.0.0.5') }],
    });
    const run = assignBySubnetChange(store.getState());
    expect(run).toEqual({
      ok: false,
      message:
        'Zone "Cell", range 1: "10.0.0.0/33": the prefix length /33 is larger than /32, the most an IPv4 address has',
    });
    expect(moveAssetsChange(store.getState(), [], zone.id).assetZones).toEqual([]);
  });
});
