import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  useInternalNode,
  useStore,
  type Edge,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import type { Conduit } from '../../../shared/model';
import { summarizeServices } from '../../../shared/network';
import { labelPoint, parallelOffset } from '../../../shared/diagram';
import { labelsHiddenSelector } from './context';

export interface ConduitEdgeData extends Record<string, unknown> {
  conduit: Conduit;
  index: number;
  count: number;
  flagged: boolean;
  /**
   * Where the label sits along the line and beside it, placed clear of zones and other labels, and
   * its size as placed; null for a conduit whose zones are not both drawn.
   */
  label: { t: number; shift: number; width: number; height: number } | null;
}
export type ConduitFlowEdge = Edge<ConduitEdgeData, 'conduit'>;

function rect(node: InternalNode) {
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? node.width ?? 0;
  const height = node.measured.height ?? node.height ?? 0;
  return { x, y, width, height, cx: x + width / 2, cy: y + height / 2 };
}

/** Where the line from the box's centre towards (tx, ty) crosses the box's border. */
function border(box: ReturnType<typeof rect>, tx: number, ty: number) {
  const dx = tx - box.cx;
  const dy = ty - box.cy;
  if (dx === 0 && dy === 0) return { x: box.cx, y: box.cy };
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return { x: box.cx + dx * scale, y: box.cy + dy * scale };
}

/** A straight conduit from zone border to zone border; parallel conduits are shifted sideways. */
function ConduitEdgeView({
  id,
  source,
  target,
  data,
  selected,
  markerEnd,
  markerStart,
}: EdgeProps<ConduitFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const hidden = useStore(labelsHiddenSelector);
  if (!from || !to || !data?.label) return null;
  const a = rect(from);
  const b = rect(to);
  const length = Math.hypot(b.cx - a.cx, b.cy - a.cy) || 1;
  const sign = source < target ? 1 : -1;
  const offset = parallelOffset(data.index, data.count) * sign;
  const nx = (-(b.cy - a.cy) / length) * offset;
  const ny = ((b.cx - a.cx) / length) * offset;
  const start = border(a, b.cx + nx, b.cy + ny);
  const end = border(b, a.cx + nx, a.cy + ny);
  const sx = start.x + nx;
  const sy = start.y + ny;
  const ex = end.x + nx;
  const ey = end.y + ny;
  const label = summarizeServices(data.conduit.services);
  const { width, height } = data.label;
  const segment = { a: { x: sx, y: sy }, b: { x: ex, y: ey } };
  const at = labelPoint(segment, data.label);
  // A label moved off its line to find room is tied back to it by a thin leader, as in the export.
  const on = data.label.shift !== 0 ? labelPoint(segment, { t: data.label.t, shift: 0 }) : null;
  return (
    <>
      <BaseEdge
        id={id}
        path={`M ${sx} ${sy} L ${ex} ${ey}`}
        markerEnd={markerEnd}
        markerStart={markerStart}
        interactionWidth={16}
        className={`conduit-path${selected ? ' is-selected' : ''}${data.flagged ? ' is-flagged' : ''}`}
      />
      {!hidden && on && <path className="label-leader" d={`M ${on.x} ${on.y} L ${at.x} ${at.y}`} />}
      {!hidden && (
        <EdgeLabelRenderer>
          <div
            className={`conduit-label nodrag nopan${selected ? ' is-selected' : ''}`}
            data-testid="conduit-label"
            // The box placement measured, so what is drawn is what was kept clear of the rest.
            style={{
              width,
              height,
              lineHeight: `${height - 2}px`,
              transform: `translate(${at.x - width / 2}px, ${at.y - height / 2}px)`,
            }}
            title={label}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ConduitEdge = memo(ConduitEdgeView);
