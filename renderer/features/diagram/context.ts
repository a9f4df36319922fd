import { createContext, useContext } from 'react';

export interface DiagramCanvasActions {
  resizeZone(zoneId: string, box: { x: number; y: number; width: number; height: number }): void;
  toggleExpanded(zoneId: string): void;
  /** Assets dragged out of a zone's chips carry these ids. */
  startAssetDrag(event: React.DragEvent, assetIds: string[]): void;
}

export const DiagramCanvasContext = createContext<DiagramCanvasActions | null>(null);

export function useCanvasActions(): DiagramCanvasActions {
  const actions = useContext(DiagramCanvasContext);
  if (!actions) throw new Error('DiagramCanvasContext is missing');
  return actions;
}

export const ASSET_DRAG_TYPE = 'application/x-conduit-asset-ids';

/** Below this zoom labels and zone details are unreadable: they are not rendered, which keeps big diagrams smooth. */
export const FAR_ZOOM = 0.45;
export const farSelector = (state: { transform: [number, number, number] }) => state.transform[2] < FAR_ZOOM;

/**
 * How much larger than at 100 % the canvas draws conduit labels and zone names, so that at
 * fit view they stay about 11 px on screen instead of shrinking to 7. Rounded, so the canvas
 * re-renders in steps, not on every wheel tick. Label placement sizes the labels with it.
 */
export const labelScaleSelector = (state: { transform: [number, number, number] }) =>
  Math.round(Math.min(2.5, Math.max(1, 0.85 / state.transform[2])) * 10) / 10;
