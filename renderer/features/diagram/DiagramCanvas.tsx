import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useStore,
  type Connection,
  type FinalConnectionState,
  type Viewport,
} from '@xyflow/react';
import { moveZonesChange, ZONE_KIND_COLORS } from '../../../shared/diagram';
import type { Zone } from '../../../shared/model';
import { commandById } from '../../ui/commands';
import { DIAGRAM_COMMANDS, GRID, TEMPLATE_COMMANDS, type DiagramCommandState } from './commands';
import { UndocumentedEdgeComponent, UndocumentedToggle, useUndocumentedFlowEdges } from './overlay';
import { ConduitEdge, type ConduitFlowEdge } from './ConduitEdge';
import { ASSET_DRAG_TYPE, labelScaleSelector, type DiagramMeasures } from './context';
import type { useFlowProjection } from './use-flow-projection';
import { LabelsHiddenNote } from './labels-hidden-note';
import { fitDiagramViewport } from './viewport';
import { useZoneNameScale, ZoneNameScaleContext, ZoneNode, type ZoneFlowNode } from './ZoneNode';

const nodeTypes = { zone: ZoneNode };
const edgeTypes = { conduit: ConduitEdge, undocumented: UndocumentedEdgeComponent };

/** The conduits with the overlay's edges (undocumented connections) drawn over them, never selected or edited with them. */
function useOverlayEdges(assessmentId: string, conduitEdges: ConduitFlowEdge[]) {
  const [shown, setShown] = useState(true);
  const undocumented = useUndocumentedFlowEdges(assessmentId, shown);
  const edges = useMemo(
    () =>
      undocumented.length > 0
        ? [...conduitEdges, ...(undocumented as unknown as ConduitFlowEdge[])]
        : conduitEdges,
    [conduitEdges, undocumented],
  );
  return { edges, shown, setShown, count: undocumented.length };
}

/**
 * The viewport the canvas opens at: fitted to the stored zones and their labels (an empty one at
 * 100 %), once its size is known and its labels can be measured; null until then.
 */
function useInitialViewport(
  store: DiagramCommandState['store'],
  wrapper: RefObject<HTMLDivElement | null>,
  measures: DiagramMeasures | null,
) {
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (!measures) return;
    const box = wrapper.current?.getBoundingClientRect();
    const { zones, conduits } = store.getState();
    setInitialViewport(
      (current) =>
        current ?? fitDiagramViewport(zones, conduits, measures.label, box?.width ?? 0, box?.height ?? 0),
    );
  }, [store, wrapper, measures]);
  return initialViewport;
}

/** Assets dragged from a list may be dropped on the canvas (onto a zone). */
function acceptAssetDrag(event: React.DragEvent) {
  if (event.dataTransfer.types.includes(ASSET_DRAG_TYPE)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }
}

/** The canvas: React Flow over the projection, asset drops onto zones, and the empty state. */
export function DiagramCanvas({
  wrapper,
  far,
  measures,
  projection,
  commandState,
  zoneAt,
  onAddConduit,
  onMoveAssets,
}: {
  wrapper: RefObject<HTMLDivElement | null>;
  far: boolean;
  /** Null until the canvas fonts have loaded: the canvas opens once labels can be measured. */
  measures: DiagramMeasures | null;
  projection: ReturnType<typeof useFlowProjection>;
  commandState: DiagramCommandState;
  zoneAt: (clientX: number, clientY: number) => Zone | undefined;
  onAddConduit: (fromZoneId: string, toZoneId: string) => void;
  onMoveAssets: (assetIds: string[], zoneId: string) => void;
}) {
  const { store, state } = commandState;
  const editable = state.assetsLoaded;
  const labelScale = useStore(labelScaleSelector);
  const overlay = useOverlayEdges(store.assessmentId, projection.edges);
  const initialViewport = useInitialViewport(store, wrapper, measures);
  const onConnect = useCallback(
    (connection: Connection) => onAddConduit(connection.source, connection.target),
    [onAddConduit],
  );
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid || !connection.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = zoneAt(point.clientX, point.clientY);
      if (target) onAddConduit(connection.fromNode.id, target.id);
    },
    [onAddConduit, zoneAt],
  );
  return (
    <div
      ref={wrapper}
      className={far ? 'diagram-canvas is-far' : 'diagram-canvas'}
      data-testid="diagram-canvas"
      data-zone-count={state.zones.length}
      data-assets-loaded={editable}
      style={{ '--label-scale': labelScale } as CSSProperties}
      onDragOver={acceptAssetDrag}
      onDrop={(event) => {
        const ids = event.dataTransfer.getData(ASSET_DRAG_TYPE);
        if (!ids) return;
        event.preventDefault();
        const zone = zoneAt(event.clientX, event.clientY);
        if (zone) onMoveAssets(JSON.parse(ids) as string[], zone.id);
      }}
    >
      {initialViewport && (
        <ZoneFlow
          projection={projection}
          edges={overlay.edges}
          commandState={commandState}
          initialViewport={initialViewport}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          toggle={
            <UndocumentedToggle checked={overlay.shown} count={overlay.count} onChange={overlay.setShown} />
          }
        />
      )}
      {state.zones.length === 0 && editable && <EmptyDiagram commandState={commandState} />}
    </div>
  );
}

/** An empty diagram offers a first zone or the reference layout. */
function EmptyDiagram({ commandState }: { commandState: DiagramCommandState }) {
  return (
    <div className="diagram-empty">
      <p>No zones yet.</p>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => commandById(DIAGRAM_COMMANDS, 'add-zone').perform(commandState)}
        >
          Add a zone
        </button>
        <button
          type="button"
          className="button"
          onClick={() => commandById(TEMPLATE_COMMANDS, 'template:purdue').perform(commandState)}
        >
          Start from the reference Purdue layout
        </button>
      </div>
    </div>
  );
}

/** React Flow over the projection: zones as nodes, conduits (and the overlay) as edges. */
function ZoneFlow({
  projection,
  edges,
  commandState,
  initialViewport,
  onConnect,
  onConnectEnd,
  toggle,
}: {
  projection: ReturnType<typeof useFlowProjection>;
  edges: ConduitFlowEdge[];
  commandState: DiagramCommandState;
  initialViewport: Viewport;
  onConnect: (connection: Connection) => void;
  onConnectEnd: (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => void;
  toggle: ReactNode;
}) {
  const { store, state, snap } = commandState;
  const editable = state.assetsLoaded;
  const nameScale = useZoneNameScale(state.zones);
  return (
    <ZoneNameScaleContext.Provider value={nameScale}>
      <ReactFlow<ZoneFlowNode, ConduitFlowEdge>
        nodes={projection.nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={projection.onNodesChange}
        onEdgesChange={projection.onEdgesChange}
        onNodeDragStop={(_event, _node, dragged) =>
          store.commit(
            moveZonesChange(store.getState(), new Map(dragged.map((n) => [n.id, { position: n.position }]))),
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
        {toggle}
        <LabelsHiddenNote commandState={commandState} />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          nodeColor={(node) => ZONE_KIND_COLORS[(node as ZoneFlowNode).data.zone.kind].stroke}
        />
      </ReactFlow>
    </ZoneNameScaleContext.Provider>
  );
}
