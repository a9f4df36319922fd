import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { describeZodError, type Asset, type Zone } from '../../../shared/model';
import { ZodError } from 'zod';
import { runModelChecks, type ModelCheckEntry } from '../../../shared/findings';
import { findRangeOverlaps } from '../../../shared/network';
import {
  DIAGRAM_TEMPLATE_LABELS,
  makeConduit,
  makeZone,
  type DiagramTemplateId,
  parallelSlots,
  ZONE_KIND_COLORS,
  applyTemplateChange,
  assignBySubnetChange,
  deleteChange,
  manualAsset,
  moveAssetsChange,
  moveZonesChange,
  pasteChange,
  type ZoneClipboard,
  autoLayout,
  emptyChange,
} from '../../../shared/diagram';
import { DiagramStore, useDiagramState, type DiagramState } from './diagram-store';
import type { SubnetAssignment } from '../../../shared/network';
import { ConfirmDialog } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import type { WorkspaceProps } from '../../ui/workspace';
import { AddAssetDialog, AssetsPanel } from './AssetsPanel';
import { ChecksPanel } from './ChecksPanel';
import { ConduitEdge, type ConduitFlowEdge } from './ConduitEdge';
import { ASSET_DRAG_TYPE, DiagramCanvasContext, farSelector, type DiagramCanvasActions } from './context';
import { exportDiagram } from './export-diagram';
import { ConduitProperties, ZoneProperties } from './PropertiesPanel';
import { fitViewport } from './viewport';
import { ZoneNode, type ZoneFlowNode } from './ZoneNode';
import { DiagramToolbar } from './DiagramToolbar';
import {
  UndocumentedEdgeComponent,
  UndocumentedToggle,
  useUndocumentedFlowEdges,
} from '../connections/diagram-overlay';
import { describeDeletion, SubnetReport } from './dialogs';
import './diagram.css';

const nodeTypes = { zone: ZoneNode };
const edgeTypes = { conduit: ConduitEdge, undocumented: UndocumentedEdgeComponent };
const GRID = 20;
const NO_ASSETS: readonly Asset[] = [];

/** Copied zones, kept across workspaces of this window. */
let clipboard: ZoneClipboard | null = null;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      target.closest('dialog') !== null)
  );
}

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

function DiagramEditor({ store, state, title }: { store: DiagramStore; state: DiagramState; title: string }) {
  const flow = useReactFlow<ZoneFlowNode, ConduitFlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [nodes, setNodes] = useState<ZoneFlowNode[]>([]);
  const [edges, setEdges] = useState<ConduitFlowEdge[]>([]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [snap, setSnap] = useState(true);
  const [showUndocumented, setShowUndocumented] = useState(true);
  const undocumented = useUndocumentedFlowEdges(store.assessmentId, showUndocumented);
  // Drawn over the conduits, never selected or edited with them.
  const shownEdges = useMemo(
    () => (undocumented.length > 0 ? [...edges, ...(undocumented as unknown as ConduitFlowEdge[])] : edges),
    [edges, undocumented],
  );
  const [pendingDelete, setPendingDelete] = useState<{
    zoneIds: Set<string>;
    conduitIds: Set<string>;
  } | null>(null);
  const [pendingTemplate, setPendingTemplate] = useState<DiagramTemplateId | null>(null);
  const [addingAsset, setAddingAsset] = useState(false);
  const [subnetReport, setSubnetReport] = useState<SubnetAssignment | null>(null);
  // The canvas opens fitted to the stored zones (an empty one at 100 %), once its size is known.
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    setInitialViewport(fitViewport(store.getState().zones, box?.width ?? 0, box?.height ?? 0));
  }, [store]);
  const selectNext = useRef<{ zones: Set<string>; conduits: Set<string> } | null>(null);
  const pasteCount = useRef(0);

  // Zoomed far out, labels and details are unreadable anyway: hiding them keeps panning cheap.
  const far = useStore(farSelector);
  const { zones, conduits, assets, assetsLoaded: editable } = state;
  const { assetsByZone, unassigned, assetCounts } = useMemo(() => {
    const byZone = new Map<string, Asset[]>();
    const loose: Asset[] = [];
    for (const asset of assets) {
      if (asset.zoneId === null) loose.push(asset);
      else {
        const list = byZone.get(asset.zoneId);
        if (list) list.push(asset);
        else byZone.set(asset.zoneId, [asset]);
      }
    }
    const counts = new Map([...byZone].map(([id, list]) => [id, list.length]));
    return { assetsByZone: byZone, unassigned: loose, assetCounts: counts };
  }, [assets]);

  const checks = useMemo(
    () => runModelChecks({ zones, conduits, assetCounts }),
    [zones, conduits, assetCounts],
  );
  const flaggedZones = useMemo(() => {
    const ids = new Set<string>();
    for (const overlap of findRangeOverlaps(zones)) {
      ids.add(overlap.zoneA.id);
      ids.add(overlap.zoneB.id);
    }
    return ids;
  }, [zones]);
  const flaggedConduits = useMemo(
    () => new Set(checks.filter((c) => c.target.kind === 'conduit').map((c) => c.target.id)),
    [checks],
  );

  // Zones and conduits -> React Flow nodes and edges, keeping selection (and selecting new elements).
  useEffect(() => {
    setNodes((previous) => {
      const before = new Map(previous.map((node) => [node.id, node]));
      return zones.map((zone) => {
        const old = before.get(zone.id);
        const data = {
          zone,
          assets: assetsByZone.get(zone.id) ?? NO_ASSETS,
          flagged: flaggedZones.has(zone.id),
          expanded: expanded.has(zone.id),
          assetsLoaded: editable,
          count: assetCounts.get(zone.id) ?? 0,
          countKnown: editable,
        };
        const selected = old?.selected ?? false;
        if (
          old &&
          old.selected === selected &&
          old.data.zone === data.zone &&
          old.data.assets === data.assets &&
          old.data.flagged === data.flagged &&
          old.data.expanded === data.expanded &&
          old.data.assetsLoaded === data.assetsLoaded &&
          old.data.count === data.count &&
          old.data.countKnown === data.countKnown
        ) {
          return old;
        }
        return {
          id: zone.id,
          type: 'zone' as const,
          position: zone.position,
          width: zone.size.width,
          height: zone.size.height,
          selected,
          data,
        };
      });
    });
  }, [zones, assetsByZone, flaggedZones, expanded, editable, assetCounts]);

  useEffect(() => {
    const slots = parallelSlots(conduits);
    setEdges((previous) => {
      const before = new Map(previous.map((edge) => [edge.id, edge]));
      return conduits.map((conduit) => {
        const old = before.get(conduit.id);
        const slot = slots.get(conduit.id) ?? { index: 0, count: 1 };
        const selected = old?.selected ?? false;
        const marker = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
        return {
          id: conduit.id,
          type: 'conduit' as const,
          source: conduit.fromZoneId,
          target: conduit.toZoneId,
          selected,
          markerEnd: marker,
          markerStart: conduit.direction === 'both' ? marker : undefined,
          data: { conduit, index: slot.index, count: slot.count, flagged: flaggedConduits.has(conduit.id) },
        };
      });
    });
  }, [conduits, flaggedConduits]);

  const select = useCallback((zoneIds: string[], conduitIds: string[]) => {
    const zoneSet = new Set(zoneIds);
    const conduitSet = new Set(conduitIds);
    setNodes((ns) =>
      ns.map((n) => (n.selected === zoneSet.has(n.id) ? n : { ...n, selected: zoneSet.has(n.id) })),
    );
    setEdges((es) =>
      es.map((e) => (e.selected === conduitSet.has(e.id) ? e : { ...e, selected: conduitSet.has(e.id) })),
    );
  }, []);

  // Select what an edit just created, once the sync above has made its node or edge.
  useEffect(() => {
    const pick = selectNext.current;
    if (!pick) return;
    selectNext.current = null;
    select([...pick.zones], [...pick.conduits]);
  }, [zones, conduits, select]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ZoneFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConduitFlowEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );

  const zoneAt = useCallback(
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

  const addConduit = useCallback(
    (fromZoneId: string, toZoneId: string) => {
      if (fromZoneId === toZoneId) return;
      const conduit = makeConduit(store.assessmentId, { fromZoneId, toZoneId, controls: [] });
      selectNext.current = { zones: new Set(), conduits: new Set([conduit.id]) };
      store.commit({ ...emptyChange('Add conduit'), conduits: [{ before: null, after: conduit }] });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => addConduit(connection.source, connection.target),
    [addConduit],
  );
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid || !connection.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = zoneAt(point.clientX, point.clientY);
      if (target) addConduit(connection.fromNode.id, target.id);
    },
    [addConduit, zoneAt],
  );

  const addZone = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    const centre = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    const count = store.getState().zones.length;
    const zone = makeZone(store.assessmentId, {
      name: `Zone ${count + 1}`,
      kind: 'cell',
      position: {
        x: Math.round((centre.x - 140) / GRID) * GRID + (count % 5) * GRID,
        y: Math.round((centre.y - 75) / GRID) * GRID + (count % 5) * GRID,
      },
    });
    selectNext.current = { zones: new Set([zone.id]), conduits: new Set() };
    store.commit({ ...emptyChange('Add zone'), zones: [{ before: null, after: zone }] });
  }, [flow, store]);

  const selectedZoneIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);
  const selectedConduitIds = useMemo(() => edges.filter((e) => e.selected).map((e) => e.id), [edges]);

  const requestDelete = useCallback(() => {
    if (selectedZoneIds.length + selectedConduitIds.length === 0) return;
    setPendingDelete({ zoneIds: new Set(selectedZoneIds), conduitIds: new Set(selectedConduitIds) });
  }, [selectedZoneIds, selectedConduitIds]);

  const undo = useCallback(() => {
    const label = store.undo();
    if (label) notify('info', `Undone: ${label}`);
  }, [store]);
  const redo = useCallback(() => {
    const label = store.redo();
    if (label) notify('info', `Redone: ${label}`);
  }, [store]);

  const copy = useCallback(() => {
    const ids = new Set(selectedZoneIds);
    if (ids.size === 0) return;
    const current = store.getState();
    clipboard = {
      zones: current.zones.filter((z) => ids.has(z.id)),
      conduits: current.conduits.filter((c) => ids.has(c.fromZoneId) && ids.has(c.toZoneId)),
    };
    pasteCount.current = 0;
    notify('info', `Copied ${ids.size} ${ids.size === 1 ? 'zone' : 'zones'}`);
  }, [selectedZoneIds, store]);

  const paste = useCallback(() => {
    if (!clipboard) return;
    pasteCount.current += 1;
    const { change, zoneIds } = pasteChange(clipboard, store.assessmentId, 2 * GRID * pasteCount.current);
    selectNext.current = { zones: new Set(zoneIds), conduits: new Set() };
    store.commit(change);
  }, [store]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        redo();
      } else if (mod && key === 'c') {
        copy();
      } else if (mod && key === 'v') {
        event.preventDefault();
        paste();
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        requestDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, paste, requestDelete]);

  const runLayout = useCallback(async () => {
    const current = store.getState();
    try {
      const positions = await autoLayout(current.zones, current.conduits);
      store.commit({
        ...moveZonesChange(current, new Map([...positions].map(([id, position]) => [id, { position }]))),
        label: 'Auto-layout',
      });
      setTimeout(() => void flow.fitView({ duration: 200, maxZoom: 1 }), 50);
    } catch (error) {
      notify('error', 'Auto-layout failed', [(error as Error).message]);
    }
  }, [flow, store]);

  const applyTemplate = useCallback(
    (template: DiagramTemplateId) => {
      store.commit(applyTemplateChange(store.getState(), store.assessmentId, template));
      setTimeout(() => void flow.fitView({ duration: 200, maxZoom: 1 }), 50);
    },
    [flow, store],
  );

  const assignBySubnet = useCallback(() => {
    const run = assignBySubnetChange(store.getState());
    if (!run.ok) {
      notify('error', 'Assign by subnet: nothing was assigned', [run.message]);
      return;
    }
    store.commit(run.change);
    setSubnetReport(run.result);
  }, [store]);

  const moveAssets = useCallback(
    (assetIds: string[], zoneId: string | null) => {
      const change = moveAssetsChange(store.getState(), assetIds, zoneId);
      store.commit(change);
    },
    [store],
  );

  const openAddAsset = useCallback(() => setAddingAsset(true), []);
  const unassignAssets = useCallback((ids: string[]) => moveAssets(ids, null), [moveAssets]);

  const actions = useMemo<DiagramCanvasActions>(
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
    [store],
  );

  const pickCheck = useCallback(
    (entry: ModelCheckEntry) => {
      if (entry.target.kind === 'zone') {
        select([entry.target.id], []);
        void flow.fitView({ nodes: [{ id: entry.target.id }], duration: 250, maxZoom: 1.2 });
      } else {
        const conduit = store.conduit(entry.target.id);
        select([], [entry.target.id]);
        if (conduit) {
          void flow.fitView({
            nodes: [{ id: conduit.fromZoneId }, { id: conduit.toZoneId }],
            duration: 250,
            maxZoom: 1.2,
          });
        }
      }
    },
    [flow, select, store],
  );

  const exportAs = useCallback(
    async (format: 'svg' | 'png') => {
      try {
        const current = store.getState();
        await exportDiagram(
          format,
          { title, zones: current.zones, conduits: current.conduits, assetCounts },
          title,
        );
      } catch (error) {
        notify('error', `The ${format.toUpperCase()} could not be exported`, [(error as Error).message]);
      }
    },
    [assetCounts, store, title],
  );

  const selectedZone =
    selectedZoneIds.length === 1 && selectedConduitIds.length === 0
      ? store.zone(selectedZoneIds[0]!)
      : undefined;
  const selectedConduit =
    selectedConduitIds.length === 1 && selectedZoneIds.length === 0
      ? store.conduit(selectedConduitIds[0]!)
      : undefined;

  return (
    <DiagramCanvasContext.Provider value={actions}>
      <div className="diagram-workspace workspace-full" data-testid="diagram-workspace">
        <DiagramToolbar
          editable={editable}
          hasSelection={selectedZoneIds.length + selectedConduitIds.length > 0}
          hasZones={zones.length > 0}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          snap={snap}
          onSnapChange={setSnap}
          onAddZone={addZone}
          onDelete={requestDelete}
          onUndo={undo}
          onRedo={redo}
          onAutoLayout={() => void runLayout()}
          onFitView={() => void flow.fitView({ duration: 200, maxZoom: 1 })}
          onTemplate={(template) => {
            if (store.getState().zones.length === 0) applyTemplate(template);
            else setPendingTemplate(template);
          }}
          onExport={(format) => void exportAs(format)}
        />
        <div className="diagram-body">
          <AssetsPanel
            loading={!editable}
            unassigned={unassigned}
            onAssignBySubnet={assignBySubnet}
            onAddAsset={openAddAsset}
            onDropAssets={unassignAssets}
          />
          <div
            ref={wrapper}
            className={far ? 'diagram-canvas is-far' : 'diagram-canvas'}
            data-testid="diagram-canvas"
            data-zone-count={zones.length}
            data-assets-loaded={editable}
            onDragOver={(event) => {
              if (event.dataTransfer.types.includes(ASSET_DRAG_TYPE)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
              }
            }}
            onDrop={(event) => {
              const ids = event.dataTransfer.getData(ASSET_DRAG_TYPE);
              if (!ids) return;
              event.preventDefault();
              const zone = zoneAt(event.clientX, event.clientY);
              if (zone) moveAssets(JSON.parse(ids) as string[], zone.id);
            }}
          >
            {initialViewport && (
              <ReactFlow<ZoneFlowNode, ConduitFlowEdge>
                nodes={nodes}
                edges={shownEdges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onNodeDragStop={(_event, _node, dragged) =>
                  store.commit(
                    moveZonesChange(
                      store.getState(),
                      new Map(dragged.map((n) => [n.id, { position: n.position }])),
                    ),
                  )
                }
                onConnect={onConnect}
                onConnectEnd={onConnectEnd}
                connectionMode={ConnectionMode.Loose}
                nodesDraggable={editable}
                nodesConnectable={editable}
                deleteKeyCode={null}
                snapToGrid={snap}
                snapGrid={[GRID, GRID]}
                multiSelectionKeyCode={['Control', 'Meta']}
                selectionKeyCode="Shift"
                onlyRenderVisibleElements
                minZoom={0.05}
                maxZoom={3}
                defaultViewport={initialViewport}
                proOptions={{ hideAttribution: true }}
              >
                <Background gap={GRID} />
                <UndocumentedToggle
                  checked={showUndocumented}
                  count={undocumented.length}
                  onChange={setShowUndocumented}
                />
                <Controls showInteractive={false} />
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={(node) => ZONE_KIND_COLORS[(node as ZoneFlowNode).data.zone.kind].stroke}
                />
              </ReactFlow>
            )}
            {zones.length === 0 && editable && (
              <div className="diagram-empty">
                <p>No zones yet.</p>
                <div className="toolbar">
                  <button type="button" className="button button-primary" onClick={addZone}>
                    Add a zone
                  </button>
                  <button type="button" className="button" onClick={() => applyTemplate('purdue')}>
                    Start from the reference Purdue layout
                  </button>
                </div>
              </div>
            )}
          </div>
          <div className="diagram-side">
            {selectedZone ? (
              <ZoneProperties key={selectedZone.id} zone={selectedZone} store={store} />
            ) : selectedConduit ? (
              <ConduitProperties
                key={selectedConduit.id}
                conduit={selectedConduit}
                zones={zones}
                store={store}
              />
            ) : (
              <section className="properties">
                <p className="field-hint">
                  Select a zone or a conduit to edit it. Drag from a zone&apos;s edge handle to another zone
                  to add a conduit.
                </p>
              </section>
            )}
            <ChecksPanel entries={checks} onPick={pickCheck} />
          </div>
        </div>
      </div>
      {pendingDelete && (
        <ConfirmDialog
          title="Delete from the diagram?"
          danger
          confirmLabel="Delete"
          message={
            <p>
              {describeDeletion(pendingDelete.zoneIds.size, pendingDelete.conduitIds.size)} Conduits of
              deleted zones go too, and their assets become unassigned. You can undo this.
            </p>
          }
          onCancel={() => setPendingDelete(null)}
          onConfirm={() => {
            store.commit(deleteChange(store.getState(), pendingDelete.zoneIds, pendingDelete.conduitIds));
            setPendingDelete(null);
          }}
        />
      )}
      {pendingTemplate && (
        <ConfirmDialog
          title={`Apply "${DIAGRAM_TEMPLATE_LABELS[pendingTemplate]}"?`}
          danger
          confirmLabel="Replace the diagram"
          message={
            <p>
              This replaces the current zones and conduits; assets stay but become unassigned. You can undo
              this.
            </p>
          }
          onCancel={() => setPendingTemplate(null)}
          onConfirm={() => {
            applyTemplate(pendingTemplate);
            setPendingTemplate(null);
          }}
        />
      )}
      {addingAsset && (
        <AddAssetDialog
          onClose={() => setAddingAsset(false)}
          onAdd={(input) => {
            let asset;
            try {
              asset = manualAsset(store.assessmentId, input, null);
            } catch (error) {
              const detail = error instanceof ZodError ? describeZodError(error) : [(error as Error).message];
              notify('error', 'The asset was not added', detail);
              return;
            }
            store.commit({ ...emptyChange('Add asset'), assets: [{ before: null, after: asset }] });
            setAddingAsset(false);
          }}
        />
      )}
      {subnetReport && (
        <SubnetReport report={subnetReport} zones={zones} onClose={() => setSubnetReport(null)} />
      )}
    </DiagramCanvasContext.Provider>
  );
}
