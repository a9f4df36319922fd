import { createContext, useContext } from 'react';
import { LABEL_SCREEN_SCALE, labelScaleAt, MAX_LABEL_SCALE, type MeasureText } from '../../../shared/diagram';

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

/** Below this zoom zone details are unreadable: they are not rendered, which keeps big diagrams smooth. */
export const FAR_ZOOM = 0.45;
export const farSelector = (state: { transform: [number, number, number] }) => state.transform[2] < FAR_ZOOM;

/**
 * Conduit labels are enlarged as the canvas zooms out, so they stay legible further out than
 * zone details; below the zoom where their enlargement reaches its cap they would shrink on
 * screen, and are not rendered.
 */
export const LABEL_ZOOM = LABEL_SCREEN_SCALE / MAX_LABEL_SCALE;
export const labelsHiddenSelector = (state: { transform: [number, number, number] }) =>
  state.transform[2] < LABEL_ZOOM;

/** How much larger than at 100 % the canvas draws conduit labels and zone names (see labelScaleAt). */
export const labelScaleSelector = (state: { transform: [number, number, number] }) =>
  labelScaleAt(state.transform[2]);

/** Text widths in the canvas's own fonts: conduit labels (regular) and zone names (bold). */
export interface DiagramMeasures {
  label: MeasureText;
  zoneName: MeasureText;
}

export const DiagramMeasureContext = createContext<DiagramMeasures | null>(null);
