import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '../../../../../shared/model';
import { ConduitDatabase, useDatabase } from '../../../../../renderer/db';
import { boxesOverlap, applyTemplateChange } from '../../../../../shared/diagram';
import { AppClipboard } from '../../../../../renderer/ui/clipboard';
import { commandById, isEnabled, matchesShortcut } from '../../../../../renderer/ui/commands';
import {
  DIAGRAM_COMMANDS,
  type DiagramCommandState,
  type DiagramDialog,
} from '../../../../../renderer/features/diagram/commands';
import { DiagramStore } from '../../../../../renderer/features/diagram/diagram-store';

let assessmentId: string;
beforeEach(async () => {
  const database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
  const assessment = createAssessment({ client: 'Acme', site: 'North' });
  await database.assessments.add(assessment);
  assessmentId = assessment.id;
});

async function commandState(clipboard = new AppClipboard()) {
  const store = new DiagramStore(assessmentId, (message) => {
    throw new Error(message);
  });
  await store.load();
  const dialogs: DiagramDialog[] = [];
  const selected: { zones: string[]; conduits: string[] }[] = [];
  const state = (zoneIds: string[] = [], conduitIds: string[] = []): DiagramCommandState => ({
    store,
    state: store.getState(),
    selection: { zoneIds, conduitIds },
    clipboard,
    snap: true,
    setSnap: () => undefined,
    panels: { assets: true, side: true },
    togglePanel: () => undefined,
    viewCentre: () => ({ x: 400, y: 300 }),
    fitView: () => undefined,
    selectAfterEdit: (zones, conduits) => selected.push({ zones, conduits }),
    open: (dialog) => dialogs.push(dialog),
    exportAs: () => undefined,
  });
  return { store, state, dialogs, selected };
}

describe('diagram commands', () => {
  it('binds each shortcut to one command', () => {
    const shortcuts = DIAGRAM_COMMANDS.flatMap((c) => c.shortcuts ?? []);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    const press = { key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    expect(
      DIAGRAM_COMMANDS.filter((c) => c.shortcuts?.some((s) => matchesShortcut(press, s))).map((c) => c.id),
    ).toEqual(['undo']);
  });

  it('adds a zone, asks before deleting the selection, undoes and redoes', async () => {
    const { store, state, dialogs, selected } = await commandState();
    const run = (id: string, s = state()) => commandById(DIAGRAM_COMMANDS, id).perform(s);
    expect(isEnabled(commandById(DIAGRAM_COMMANDS, 'delete'), state())).toBe(false);
    expect(isEnabled(commandById(DIAGRAM_COMMANDS, 'undo'), state())).toBe(false);
    run('add-zone');
    const [zone] = store.getState().zones;
    expect(zone).toMatchObject({ name: 'Zone 1', position: { x: 260, y: 220 } });
    expect(selected).toEqual([{ zones: [zone!.id], conduits: [] }]);
    expect(isEnabled(commandById(DIAGRAM_COMMANDS, 'delete'), state([zone!.id]))).toBe(true);
    run('delete', state([zone!.id]));
    expect(dialogs).toEqual([{ kind: 'delete', zoneIds: new Set([zone!.id]), conduitIds: new Set() }]);
    run('undo');
    expect(store.getState().zones).toEqual([]);
    expect(isEnabled(commandById(DIAGRAM_COMMANDS, 'redo'), state())).toBe(true);
    run('redo');
    expect(store.getState().zones.map((z) => z.id)).toEqual([zone!.id]);
    await store.flushed();
  });

  it('puts each new zone in free space, never on top of one already there', async () => {
    const { store, state } = await commandState();
    for (let i = 0; i < 6; i++) commandById(DIAGRAM_COMMANDS, 'add-zone').perform(state());
    const boxes = store.getState().zones.map((z) => ({ ...z.position, ...z.size }));
    expect(boxes).toHaveLength(6);
    for (const [i, box] of boxes.entries())
      for (const other of boxes.slice(i + 1)) expect(boxesOverlap(box, other), `zone ${i + 1}`).toBe(false);
    await store.flushed();
  });

  it('copies zones to the app clipboard and pastes them again and again, each paste offset', async () => {
    const clipboard = new AppClipboard();
    const { store, state } = await commandState(clipboard);
    store.commit(applyTemplateChange(store.getState(), assessmentId, 'purdue'));
    const [first, second] = store.getState().zones;
    const paste = commandById(DIAGRAM_COMMANDS, 'paste');
    expect(isEnabled(paste, state())).toBe(false);
    commandById(DIAGRAM_COMMANDS, 'copy').perform(state([first!.id, second!.id]));
    expect(isEnabled(paste, state())).toBe(true);
    const before = store.getState().zones.length;
    paste.perform(state());
    paste.perform(state());
    const zones = store.getState().zones;
    expect(zones).toHaveLength(before + 4);
    const copies = zones.slice(before).filter((z) => z.name === `${first!.name} (copy)`);
    expect(copies.map((z) => z.position.x - first!.position.x)).toEqual([40, 80]);
    // Another editor (another workspace or assessment) of the same window pastes them too.
    const other = await commandState(clipboard);
    expect(isEnabled(paste, other.state())).toBe(true);
    await store.flushed();
  });
});
