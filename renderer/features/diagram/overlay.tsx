import { memo, type ComponentProps } from 'react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { useDiagramContributions, type DiagramOverlay } from '../../ui/diagram-contributions';

const NONE: Edge[] = [];
const useNoEdges: DiagramOverlay['useEdges'] = () => NONE;

/** The overlay's edges (the undocumented connections), or none when no workspace contributes one. */
export function useUndocumentedFlowEdges(assessmentId: string, enabled: boolean): Edge[] {
  const useEdges = useDiagramContributions().overlay?.useEdges ?? useNoEdges;
  return useEdges(assessmentId, enabled);
}

function OverlayEdge(props: EdgeProps) {
  const Overlay = useDiagramContributions().overlay?.Edge;
  return Overlay ? <Overlay {...props} /> : null;
}

/** React Flow's edge type for the overlay's edges. */
export const UndocumentedEdgeComponent = memo(OverlayEdge);

export function UndocumentedToggle(props: ComponentProps<DiagramOverlay['Toggle']>) {
  const Toggle = useDiagramContributions().overlay?.Toggle;
  return Toggle ? <Toggle {...props} /> : null;
}
