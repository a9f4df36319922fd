import { createContext, useContext, type ComponentType } from 'react';
import type { Edge, EdgeProps } from '@xyflow/react';

/**
 * What other workspaces draw on the diagram. The diagram imports no other feature: each one
 * declares its part in its WorkspaceDefinition, and the app shell hands the diagram the lot.
 */
export interface DiagramContribution {
  /** Shown on every zone node (the requirements' gap badge). */
  ZoneBadge?: ComponentType<{ assessmentId: string; zoneId: string }>;
  /** Extra edges between zones with their on/off toggle (the undocumented connections). */
  overlay?: DiagramOverlay;
}

export interface DiagramOverlay {
  /** The overlay's edges, live; none while `enabled` is false. */
  useEdges(assessmentId: string, enabled: boolean): Edge[];
  /** Draws one of those edges. */
  Edge: ComponentType<EdgeProps>;
  Toggle: ComponentType<{ checked: boolean; count: number; onChange: (checked: boolean) => void }>;
}

/** Every workspace's contribution, merged: badges in navigation order, at most one overlay. */
export interface DiagramContributions {
  zoneBadges: ComponentType<{ assessmentId: string; zoneId: string }>[];
  overlay: DiagramOverlay | null;
}

export function mergeDiagramContributions(
  contributions: readonly (DiagramContribution | undefined)[],
): DiagramContributions {
  const overlays = contributions.flatMap((c) => (c?.overlay ? [c.overlay] : []));
  if (overlays.length > 1) throw new Error('The diagram draws one overlay; two workspaces contribute one.');
  return {
    zoneBadges: contributions.flatMap((c) => (c?.ZoneBadge ? [c.ZoneBadge] : [])),
    overlay: overlays[0] ?? null,
  };
}

const NONE: DiagramContributions = { zoneBadges: [], overlay: null };

export const DiagramContributionsContext = createContext<DiagramContributions>(NONE);

export function useDiagramContributions(): DiagramContributions {
  return useContext(DiagramContributionsContext);
}
