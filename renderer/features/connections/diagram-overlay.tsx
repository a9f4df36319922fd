import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  Panel,
  useInternalNode,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { undocumentedEdges, type UndocumentedEdge } from '../../../shared/diagram';
import type { Asset } from '../../../shared/model';
import type { DiagramOverlay } from '../../ui/diagram-contributions';
import { db } from '../../db';
import { listConnections } from '../../db/connections';

export type UndocumentedFlowEdge = Edge<{ edge: UndocumentedEdge }, 'undocumented'>;

const NONE: UndocumentedFlowEdge[] = [];

/** The diagram's overlay of undocumented connections as React Flow edges (live from IndexedDB). */
export function useUndocumentedFlowEdges(assessmentId: string, enabled: boolean): UndocumentedFlowEdge[] {
  return (
    useLiveQuery(async () => {
      if (!enabled) return NONE;
      const connections = await listConnections(assessmentId);
      const assetIds = connections.flatMap((c) =>
        [c.from, c.to].flatMap((end) => (end.kind === 'asset' ? [end.assetId] : [])),
      );
      const assets = (await db().assets.bulkGet(assetIds)).filter((a): a is Asset => a !== undefined);
      return undocumentedEdges(connections, assets).map((edge): UndocumentedFlowEdge => ({
        id: edge.id,
        type: 'undocumented',
        source: edge.fromZoneId,
        target: edge.toZoneId,
        data: { edge },
        selectable: false,
        deletable: false,
        focusable: false,
      }));
    }, [assessmentId, enabled]) ?? NONE
  );
}

function centre(node: NonNullable<ReturnType<typeof useInternalNode>>) {
  const { x, y } = node.internals.positionAbsolute;
  return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
}

/** A dashed red line between the two zones' centres (zones are drawn above edges, so it shows border to border). */
function UndocumentedEdgeView({ id, source, target, data }: EdgeProps<UndocumentedFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to || !data) return null;
  const a = centre(from);
  const b = centre(to);
  const path = `M ${a.x} ${a.y} L ${b.x} ${b.y}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={{ stroke: 'var(--danger)', strokeWidth: 2, strokeDasharray: '8 5' }}
        interactionWidth={0}
      />
      <EdgeLabelRenderer>
        <div
          className="undocumented-edge-label"
          data-testid="undocumented-edge"
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${(a.x + b.x) / 2}px, ${(a.y + b.y) / 2 + 14}px)`,
            color: 'var(--danger)',
            background: 'var(--surface)',
            fontSize: 11,
            padding: '0 4px',
            borderRadius: 'var(--radius-small)',
            pointerEvents: 'none',
          }}
        >
          {data.edge.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const UndocumentedEdgeComponent = memo(UndocumentedEdgeView);

/** The diagram's toggle for the overlay, shown on the canvas with the number of edges drawn. */
export function UndocumentedToggle({
  checked,
  count,
  onChange,
}: {
  checked: boolean;
  count: number;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Panel position="top-right" className="undocumented-toggle">
      <label
        className="checkbox"
        style={{ background: 'var(--surface)', padding: '2px 8px', borderRadius: 6 }}
      >
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Undocumented
        connections{checked ? ` (${count})` : ''}
      </label>
    </Panel>
  );
}

/** The undocumented connections, as the diagram's overlay. */
export const undocumentedOverlay: DiagramOverlay = {
  useEdges: useUndocumentedFlowEdges,
  Edge: UndocumentedEdgeComponent as DiagramOverlay['Edge'],
  Toggle: UndocumentedToggle,
};
