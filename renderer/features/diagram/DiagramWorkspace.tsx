import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Zone } from '../../../shared/model';
import {
  emptyChange,
  makeConduit,
  measureDejaVuSans,
  moveAssetsChange,
  moveZonesChange,
} from '../../../shared/diagram';
import type { ModelCheckEntry } from '../../../shared/findings';
import { useClipboard } from '../../ui/clipboard';
import { commandById, useCommandKeys } from '../../ui/commands';
import { notify } from '../../ui/notices';
import type { WorkspaceProps } from '../../ui/workspace';
import { AssetsPanel } from './AssetsPanel';
import { ChecksPanel } from './ChecksPanel';
import type { ConduitFlowEdge } from './ConduitEdge';
import {
  DIAGRAM_COMMANDS,
  type DiagramCommandState,
  type DiagramDialog,
  type DiagramPanels,
} from './commands';
import {
  ASSET_DRAG_TYPE,
  DiagramCanvasContext,
  DiagramMeasureContext,
  farSelector,
  type DiagramCanvasActions,
  type DiagramMeasures,
} from './context';
import { DiagramCanvas } from './DiagramCanvas';
import { DiagramStore, useDiagramState, type DiagramState } from './diagram-store';
import { DiagramToolbar } from './DiagramToolbar';
import { PanelRail, usePanels } from './panels';
import { fitDiagramViewport } from './viewport';
import { useDiagramMeasures } from './label-measure';
import { DiagramDialogs } from './dialogs';
import { exportDiagram } from './export-diagram';
import { ConduitProperties } from './ConduitProperties';
import { ZoneProperties } from './PropertiesPanel';
import { ZoneAssets } from './ZoneAssets';
import { useFlowProjection } from './use-flow-projection';
import type { ZoneFlowNode } from './ZoneNode';
import './diagram.css';

export function DiagramWorkspace({ assessment }: WorkspaceProps) {
  const store = useMemo(
    () =>
      new DiagramStore(assessment.id, (message) =>
        notify('error', 'A diagram change could not be saved', [message]),
      ),
    [assessment.id],
  );
  useEffect(() => {
    void store.load();
  }, [store]);
  const state = useDiagramState(store);
  if (!state.loaded) return <div className="workspace">Loading the diagram…</div>;
  if (state.error) {
    return (
      <div className="workspace">
        <h1>The diagram could not be opened</h1>
        <p>{state.error}</p>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <DiagramEditor store={store} state={state} title={assessment.title} />
    </ReactFlowProvider>
  );
}

/** The innermost zone under a point of the screen. */
function useZoneAt(store: DiagramStore) {
  const flow = useReactFlow<ZoneFlowNode, ConduitFlowEdge>();
  return useCallback(
    (clientX: number, clientY: number): Zone | undefined => {
      const point = flow.screenToFlowPosition({ x: clientX, y: clientY });
      let best: Zone | undefined;
      for (const zone of store.getState().zones) {
        const inside =
          point.x >= zone.position.x &&
          point.x <= zone.position.x + zone.size.width &&
          point.y >= zone.position.y &&
          point.y <= zone.position.y + zone.size.height;
        if (inside && (!best || zone.size.width * zone.size.height < best.size.width * best.size.height))
          best = zone;
      }
      return best;
    },
    [flow, store],
  );
}

/** What zone nodes ask of the editor (resize, expand, drag assets out). */
function useCanvasActions(
  store: DiagramStore,
  setExpanded: (update: (c: Set<string>) => Set<string>) => void,
) {
  return useMemo<DiagramCanvasActions>(
    () => ({
      resizeZone: (zoneId, box) =>
        store.commit({
          ...moveZonesChange(
            store.getState(),
            new Map([
              [zoneId, { position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } }],
            ]),
          ),
          label: 'Resize zone',
        }),
      toggleExpanded: (zoneId) =>
        setExpanded((current) => {
          const next = new Set(current);
          if (next.has(zoneId)) next.delete(zoneId);
          else next.add(zoneId);
          return next;
        }),
      startAssetDrag: (event, assetIds) => {
        event.stopPropagation();
        event.dataTransfer.setData(ASSET_DRAG_TYPE, JSON.stringify(assetIds));
        event.dataTransfer.effectAllowed = 'move';
      },
    }),
    [store, setExpanded],
  );
}

/** The state every diagram command reads, rebuilt when any of it changes. */
function useCommandState(input: {
  store: DiagramStore;
  state: DiagramState;
  selection: DiagramCommandState['selection'];
  snap: boolean;
  setSnap: (snap: boolean) => void;
  fitView: () => void;
  wrapper: RefObject<HTMLDivElement | null>;
  title: string;
  assetCounts: Map<string, number>;
  selectAfterEdit: DiagramCommandState['selectAfterEdit'];
  open: DiagramCommandState['open'];
  panels: DiagramPanels;
  togglePanel: DiagramCommandState['togglePanel'];
}): DiagramCommandState {
  const flow = useReactFlow<ZoneFlowNode, ConduitFlowEdge>();
  const clipboard = useClipboard();
  const {
    store,
    state,
    selection,
    snap,
    setSnap,
    fitView,
    wrapper,
    title,
    assetCounts,
    panels,
    togglePanel,
  } = input;
  const latest = useRef(input);
  latest.current = input;
  return useMemo<DiagramCommandState>(
    () => ({
      store,
      state,
      selection,
      clipboard,
      snap,
      setSnap,
      fitView,
      panels,
      togglePanel,
      viewCentre: () => {
        const box = wrapper.current?.getBoundingClientRect();
        return box
          ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
          : { x: 0, y: 0 };
      },
      selectAfterEdit: (zones, conduits) => latest.current.selectAfterEdit(zones, conduits),
      open: (dialog) => latest.current.open(dialog),
      exportAs: (format) => {
        const current = store.getState();
        const diagram = { title, zones: current.zones, conduits: current.conduits, assetCounts };
        exportDiagram(format, diagram, title).catch((error: Error) =>
          notify('error', `The ${format.toUpperCase()} could not be exported`, [error.message]),
        );
      },
    }),
    [
      store,
      state,
      selection,
      clipboard,
      snap,
      setSnap,
      fitView,
      panels,
      togglePanel,
      wrapper,
      flow,
      title,
      assetCounts,
    ],
  );
}

/** Selects what an edit just created, once the projection has made its node or edge. */
function useSelectAfterEdit(state: DiagramState, select: (zoneIds: string[], conduitIds: string[]) => void) {
  const next = useRef<{ zones: string[]; conduits: string[] } | null>(null);
  useEffect(() => {
    const pick = next.current;
    if (!pick) return;
    next.current = null;
    select(pick.zones, pick.conduits);
  }, [state.zones, state.conduits, select]);
  return useCallback((zones: string[], conduits: string[]) => {
    next.current = { zones, conduits };
  }, []);
}

/** Stable callbacks for the memoised panels and the canvas, running the commands as they stand. */
function useEditorCallbacks(commandState: DiagramCommandState) {
  const latest = useRef(commandState);
  latest.current = commandState;
  const { store } = commandState;
  return useMemo(() => {
    const run = (id: string) => commandById(DIAGRAM_COMMANDS, id).perform(latest.current);
    const moveAssets = (assetIds: string[], zoneId: string | null) =>
      store.commit(moveAssetsChange(store.getState(), assetIds, zoneId));
    const addConduit = (fromZoneId: string, toZoneId: string) => {
      if (fromZoneId === toZoneId) return;
      const conduit = makeConduit(store.assessmentId, { fromZoneId, toZoneId, controls: [] });
      latest.current.selectAfterEdit([], [conduit.id]);
      store.commit({ ...emptyChange('Add conduit'), conduits: [{ before: null, after: conduit }] });
    };
    return {
      onAssignBySubnet: () => run('assign-by-subnet'),
      onAddAsset: () => run('add-asset'),
      moveAssets,
      unassignAssets: (ids: string[]) => moveAssets(ids, null),
      addConduit,
    };
  }, [store]);
}

/** Fit view over the zones and their labels, clear of the minimap's corner, so nothing hides under it or past an edge. */
function useFitView(
  store: DiagramStore,
  wrapper: RefObject<HTMLDivElement | null>,
  measures: DiagramMeasures | null,
) {
  const flow = useReactFlow<ZoneFlowNode, ConduitFlowEdge>();
  return useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return;
    const { zones, conduits } = store.getState();
    const view = fitDiagramViewport(
      zones,
      conduits,
      measures?.label ?? measureDejaVuSans,
      box.width,
      box.height,
    );
    void flow.setViewport(view, { duration: 200 });
  }, [flow, store, wrapper, measures]);
}

/** The editor's state: the projection, the selection, the panels, the open dialog and the commands over them. */
function useDiagramEditor(store: DiagramStore, state: DiagramState, title: string) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [snap, setSnap] = useState(true);
  const [dialog, setDialog] = useState<DiagramDialog | null>(null);
  const measures = useDiagramMeasures();
  const projection = useFlowProjection(state, expanded, measures);
  const { select, selection, assetCounts } = projection;
  const selectAfterEdit = useSelectAfterEdit(state, select);
  const [panels, togglePanel] = usePanels();
  const fitView = useFitView(store, wrapper, measures);
  const commandState = useCommandState({
    store,
    state,
    selection,
    snap,
    setSnap,
    fitView,
    wrapper,
    title,
    assetCounts,
    selectAfterEdit,
    open: setDialog,
    panels,
    togglePanel,
  });
  useCommandKeys(DIAGRAM_COMMANDS, commandState);
  return {
    wrapper,
    expanded,
    actions: useCanvasActions(store, setExpanded),
    measures,
    projection,
    commandState,
    callbacks: useEditorCallbacks(commandState),
    dialog,
    closeDialog: useCallback(() => setDialog(null), []),
  };
}

function DiagramEditor({ store, state, title }: { store: DiagramStore; state: DiagramState; title: string }) {
  const editor = useDiagramEditor(store, state, title);
  return (
    <DiagramCanvasContext.Provider value={editor.actions}>
      <DiagramMeasureContext.Provider value={editor.measures}>
        <div className="diagram-workspace workspace-full" data-testid="diagram-workspace">
          <DiagramToolbar state={editor.commandState} />
          <DiagramBody editor={editor} />
        </div>
        <DiagramDialogs
          dialog={editor.dialog}
          store={store}
          zones={state.zones}
          fitView={editor.commandState.fitView}
          onClose={editor.closeDialog}
        />
      </DiagramMeasureContext.Provider>
    </DiagramCanvasContext.Provider>
  );
}

/** The assets panel, the canvas and the properties panel side by side; each panel folds to a rail. */
function DiagramBody({ editor }: { editor: ReturnType<typeof useDiagramEditor> }) {
  const { commandState, projection, callbacks, expanded } = editor;
  const { store, state, panels, togglePanel, selection } = commandState;
  const zoneAt = useZoneAt(store);
  // Zoomed far out, labels and details are unreadable anyway: hiding them keeps panning cheap.
  const far = useStore(farSelector);
  return (
    <div
      className="diagram-body"
      data-assets-panel={panels.assets ? 'open' : 'closed'}
      data-side-panel={panels.side ? 'open' : 'closed'}
    >
      {panels.assets ? (
        <AssetsPanel
          loading={!state.assetsLoaded}
          unassigned={projection.unassigned}
          onAssignBySubnet={callbacks.onAssignBySubnet}
          onAddAsset={callbacks.onAddAsset}
          onDropAssets={callbacks.unassignAssets}
        />
      ) : (
        <PanelRail label="Show the assets panel ([)" onOpen={() => togglePanel('assets')} side="left" />
      )}
      <DiagramCanvas
        wrapper={editor.wrapper}
        far={far}
        measures={editor.measures}
        projection={projection}
        commandState={commandState}
        zoneAt={zoneAt}
        onAddConduit={callbacks.addConduit}
        onMoveAssets={callbacks.moveAssets}
      />
      {panels.side ? (
        <DiagramSide
          store={store}
          state={state}
          selection={selection}
          checks={projection.checks}
          select={projection.select}
          expanded={expanded}
        />
      ) : (
        <PanelRail label="Show the properties panel (])" onOpen={() => togglePanel('side')} side="right" />
      )}
    </div>
  );
}

/** The properties of what is selected, and the model checks. */
function DiagramSide({
  store,
  state,
  selection,
  checks,
  select,
  expanded,
}: {
  store: DiagramStore;
  state: DiagramState;
  expanded: ReadonlySet<string>;
  selection: DiagramCommandState['selection'];
  checks: readonly ModelCheckEntry[];
  select: (zoneIds: string[], conduitIds: string[]) => void;
}) {
  const flow = useReactFlow<ZoneFlowNode, ConduitFlowEdge>();
  const { zoneIds, conduitIds } = selection;
  const selectedZone = zoneIds.length === 1 && conduitIds.length === 0 ? store.zone(zoneIds[0]!) : undefined;
  const selectedConduit =
    conduitIds.length === 1 && zoneIds.length === 0 ? store.conduit(conduitIds[0]!) : undefined;
  const pickCheck = useCallback(
    (entry: ModelCheckEntry) => {
      if (entry.target.kind === 'zone') {
        select([entry.target.id], []);
        void flow.fitView({ nodes: [{ id: entry.target.id }], duration: 250, maxZoom: 1.2 });
        return;
      }
      const conduit = store.conduit(entry.target.id);
      select([], [entry.target.id]);
      if (conduit) {
        const nodes = [{ id: conduit.fromZoneId }, { id: conduit.toZoneId }];
        void flow.fitView({ nodes, duration: 250, maxZoom: 1.2 });
      }
    },
    [flow, select, store],
  );
  return (
    <div className="diagram-side">
      {selectedZone ? (
        <>
          <ZoneProperties key={selectedZone.id} zone={selectedZone} store={store} />
          <ZoneAssets
            key={`assets:${selectedZone.id}`}
            zone={selectedZone}
            assets={state.assets}
            store={store}
            expanded={expanded.has(selectedZone.id)}
          />
        </>
      ) : selectedConduit ? (
        <ConduitProperties
          key={selectedConduit.id}
          conduit={selectedConduit}
          zones={state.zones}
          store={store}
        />
      ) : (
        <section className="properties">
          <p className="field-hint">
            Select a zone or a conduit to edit it. Drag from a zone&apos;s edge handle to another zone to add
            a conduit.
          </p>
        </section>
      )}
      <ChecksPanel entries={checks} onPick={pickCheck} />
    </div>
  );
}
