import type { XYPosition } from '@xyflow/react';
import {
  applyTemplateChange,
  assignBySubnetChange,
  DEFAULT_ZONE_SIZE,
  DIAGRAM_TEMPLATE_LABELS,
  emptyChange,
  freeZonePosition,
  makeZone,
  moveZonesChange,
  pasteChange,
  autoLayout,
  type DiagramTemplateId,
  type ZoneClipboard,
} from '../../../shared/diagram';
import { UndoBlockedError } from '../../../shared/undo';
import type { SubnetAssignment } from '../../../shared/network';
import type { AppClipboard } from '../../ui/clipboard';
import type { Command } from '../../ui/commands';
import { notify } from '../../ui/notices';
import type { DiagramState, DiagramStore } from './diagram-store';

export const GRID = 20;

/** Runs an undo or redo and says what it did, or why it could not. */
function historyStep(step: () => string | null, done: string) {
  try {
    const label = step();
    if (label) notify('info', `${done}: ${label}`);
  } catch (error) {
    if (!(error instanceof UndoBlockedError)) throw error;
    notify('error', 'Nothing was undone', [error.message]);
  }
}
const CLIPBOARD_KIND = 'diagram-zones';

/** A dialog the editor shows, opened by a command. */
export type DiagramDialog =
  | { kind: 'delete'; zoneIds: Set<string>; conduitIds: Set<string> }
  | { kind: 'template'; template: DiagramTemplateId }
  | { kind: 'add-asset' }
  | { kind: 'subnet-report'; report: SubnetAssignment };

/** Everything a diagram command reads or acts on. */
export interface DiagramCommandState {
  store: DiagramStore;
  state: DiagramState;
  selection: { zoneIds: readonly string[]; conduitIds: readonly string[] };
  clipboard: AppClipboard;
  snap: boolean;
  setSnap(snap: boolean): void;
  /** The centre of the visible canvas, in diagram coordinates. */
  viewCentre(): XYPosition;
  fitView(): void;
  /** Selects these once the edit that creates them has been drawn. */
  selectAfterEdit(zoneIds: string[], conduitIds: string[]): void;
  open(dialog: DiagramDialog): void;
  exportAs(format: 'svg' | 'png'): void;
  /** Which side panels are open (remembered); closing them gives the canvas the width. */
  panels: DiagramPanels;
  togglePanel(panel: keyof DiagramPanels): void;
}

export interface DiagramPanels {
  assets: boolean;
  side: boolean;
}

type DiagramCommand = Command<DiagramCommandState>;

const editable = (s: DiagramCommandState) => s.state.assetsLoaded;
const hasSelection = (s: DiagramCommandState) =>
  s.selection.zoneIds.length + s.selection.conduitIds.length > 0;

function addZone(s: DiagramCommandState) {
  const centre = s.viewCentre();
  const zones = s.store.getState().zones;
  const size = DEFAULT_ZONE_SIZE;
  const wanted = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
  const zone = makeZone(s.store.assessmentId, {
    name: `Zone ${zones.length + 1}`,
    kind: 'cell',
    position: freeZonePosition(zones, size, wanted, { grid: GRID }),
  });
  s.selectAfterEdit([zone.id], []);
  s.store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
}

function copy(s: DiagramCommandState) {
  const ids = new Set(s.selection.zoneIds);
  if (ids.size === 0) return;
  const current = s.store.getState();
  const copied: ZoneClipboard = {
    zones: current.zones.filter((z) => ids.has(z.id)),
    conduits: current.conduits.filter((c) => ids.has(c.fromZoneId) && ids.has(c.toZoneId)),
  };
  s.clipboard.copy(CLIPBOARD_KIND, copied);
  notify('info', `Copied ${ids.size} ${ids.size === 1 ? 'zone' : 'zones'}`);
}

function paste(s: DiagramCommandState) {
  const pasted = s.clipboard.paste<ZoneClipboard>(CLIPBOARD_KIND);
  if (!pasted) return;
  const { change, zoneIds } = pasteChange(pasted.value, s.store.assessmentId, 2 * GRID * pasted.count);
  s.selectAfterEdit(zoneIds, []);
  s.store.commit(change);
}

async function runLayout(s: DiagramCommandState) {
  const current = s.store.getState();
  try {
    const positions = await autoLayout(current.zones, current.conduits);
    s.store.commit({
      ...moveZonesChange(current, new Map([...positions].map(([id, position]) => [id, { position }]))),
      label: 'Auto-layout',
    });
    setTimeout(s.fitView, 50);
  } catch (error) {
    notify('error', 'Auto-layout failed', [(error as Error).message]);
  }
}

/** Applies a template at once on an empty diagram; otherwise asks first (it replaces the zones). */
export function applyTemplate(
  s: Pick<DiagramCommandState, 'store' | 'fitView'>,
  template: DiagramTemplateId,
) {
  s.store.commit(applyTemplateChange(s.store.getState(), s.store.assessmentId, template));
  setTimeout(s.fitView, 50);
}

function assignBySubnet(s: DiagramCommandState) {
  const run = assignBySubnetChange(s.store.getState());
  if (!run.ok) {
    notify('error', 'Assign by subnet: nothing was assigned', [run.message]);
    return;
  }
  s.store.commit(run.change);
  s.open({ kind: 'subnet-report', report: run.result });
}

const templateCommands: DiagramCommand[] = (Object.keys(DIAGRAM_TEMPLATE_LABELS) as DiagramTemplateId[]).map(
  (template) => ({
    id: `template:${template}`,
    label: DIAGRAM_TEMPLATE_LABELS[template],
    enabled: editable,
    perform: (s) =>
      s.store.getState().zones.length === 0
        ? applyTemplate(s, template)
        : s.open({ kind: 'template', template }),
  }),
);

/** Every command of the diagram editor: the toolbar, the panels and the keyboard map read this list. */
export const DIAGRAM_COMMANDS: readonly DiagramCommand[] = [
  { id: 'add-zone', label: 'Add zone', enabled: editable, perform: addZone },
  {
    id: 'delete',
    label: 'Delete',
    shortcuts: ['Delete', 'Backspace'],
    enabled: (s) => editable(s) && hasSelection(s),
    perform: (s) =>
      s.open({
        kind: 'delete',
        zoneIds: new Set(s.selection.zoneIds),
        conduitIds: new Set(s.selection.conduitIds),
      }),
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    enabled: (s) => s.state.canUndo,
    perform: (s) => historyStep(() => s.store.undo(), 'Undone'),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: (s) => s.state.canRedo,
    perform: (s) => historyStep(() => s.store.redo(), 'Redone'),
  },
  {
    id: 'copy',
    label: 'Copy',
    shortcuts: ['Mod+C'],
    enabled: (s) => s.selection.zoneIds.length > 0,
    perform: copy,
    keepDefault: true,
  },
  {
    id: 'paste',
    label: 'Paste',
    shortcuts: ['Mod+V'],
    enabled: (s) => s.clipboard.peek(CLIPBOARD_KIND) !== null,
    perform: paste,
  },
  {
    id: 'auto-layout',
    label: 'Auto-layout',
    enabled: (s) => editable(s) && s.state.zones.length > 0,
    perform: (s) => void runLayout(s),
  },
  { id: 'fit-view', label: 'Fit view', perform: (s) => s.fitView() },
  { id: 'snap', label: 'Snap to grid', checked: (s) => s.snap, perform: (s) => s.setSnap(!s.snap) },
  ...templateCommands,
  { id: 'export-svg', label: 'Export SVG', perform: (s) => s.exportAs('svg') },
  { id: 'export-png', label: 'Export PNG', perform: (s) => s.exportAs('png') },
  {
    id: 'toggle-assets-panel',
    label: 'Assets panel',
    short: 'Assets',
    shortcuts: ['['],
    checked: (s) => s.panels.assets,
    perform: (s) => s.togglePanel('assets'),
  },
  {
    id: 'toggle-side-panel',
    label: 'Properties panel',
    short: 'Properties',
    shortcuts: [']'],
    checked: (s) => s.panels.side,
    perform: (s) => s.togglePanel('side'),
  },
  { id: 'assign-by-subnet', label: 'Assign by subnet', enabled: editable, perform: assignBySubnet },
  { id: 'add-asset', label: 'Add asset', enabled: editable, perform: (s) => s.open({ kind: 'add-asset' }) },
];

export const TEMPLATE_COMMANDS = templateCommands;
