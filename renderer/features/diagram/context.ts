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
