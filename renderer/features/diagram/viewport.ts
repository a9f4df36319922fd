import type { Viewport } from '@xyflow/react';
import {
  LABEL_SCREEN_SCALE,
  labelScaleAt,
  MAX_LABEL_SCALE,
  placeLabelledConduits,
  type MeasureText,
} from '../../../shared/diagram';
import type { Conduit, Zone } from '../../../shared/model';
import { LABEL_ZOOM } from './context';

interface Box {
  position: { x: number; y: number };
  size: { width: number; height: number };
}

/**
 * The viewport that shows every zone, computed from the stored positions and sizes so the canvas
 * opens at its final zoom (React Flow's own fitView needs a render at 100 % and a measure first,
 * which for a big plant means laying out every label once for nothing).
 */
export function fitViewport(
  zones: readonly Box[],
  width: number,
  height: number,
  padding = 0.1,
  maxZoom = 1,
  minZoom = 0.05,
): Viewport {
  if (zones.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const minX = Math.min(...zones.map((z) => z.position.x));
  const minY = Math.min(...zones.map((z) => z.position.y));
  const maxX = Math.max(...zones.map((z) => z.position.x + z.size.width));
  const maxY = Math.max(...zones.map((z) => z.position.y + z.size.height));
  const boundsWidth = Math.max(1, maxX - minX);
  const boundsHeight = Math.max(1, maxY - minY);
  const zoom = Math.min(
    maxZoom,
    Math.max(
      minZoom,
      Math.min(width / (boundsWidth * (1 + 2 * padding)), height / (boundsHeight * (1 + 2 * padding))),
    ),
  );
  return {
    x: width / 2 - (minX + boundsWidth / 2) * zoom,
    y: height / 2 - (minY + boundsHeight / 2) * zoom,
    zoom,
  };
}

/** The minimap's corner (React Flow's default 200 x 150, 15 px from the edges) and a little air. */
export const MINIMAP_CORNER = { width: 230, height: 180 };

/**
 * The fitted viewport that keeps every zone out from under the minimap in the bottom-right
 * corner: fitted beside it or above it, whichever shows the zones larger.
 */
export function fitViewportClear(
  zones: readonly Box[],
  width: number,
  height: number,
  corner: { width: number; height: number } = MINIMAP_CORNER,
  maxZoom = 1,
): Viewport {
  if (zones.length === 0 || width <= corner.width || height <= corner.height)
    return fitViewport(zones, width, height, 0.1, maxZoom);
  const beside = fitViewport(zones, width - corner.width, height, 0.1, maxZoom);
  const above = fitViewport(zones, width, height - corner.height, 0.1, maxZoom);
  return beside.zoom >= above.zoom ? beside : above;
}

/** The zones with their conduits' labels as drawn at a label scale, as boxes to fit. */
function labelledExtent(
  zones: readonly Zone[],
  conduits: readonly Conduit[],
  measure: MeasureText,
  scale: number,
): Box[] {
  const labels = [...placeLabelledConduits(zones, conduits, measure, scale).values()].map(({ box }) => ({
    position: { x: box.x, y: box.y },
    size: { width: box.width, height: box.height },
  }));
  return [...zones, ...labels];
}

/**
 * Fit view over the zones and their conduits' labels as drawn at the zoom it arrives at. The
 * labels' size depends on the zoom (labelScaleAt) and the zoom on their extent, so it tries each
 * label scale from the one the zones alone would give upwards, and takes the first whose labelled
 * extent fits at a zoom that draws labels at that very scale (zooming out a little where the fit
 * would allow more). Where none does (a canvas too small for the plant's labels at a legible
 * size), it fits the zones alone just below LABEL_ZOOM, where labels are not drawn: never a
 * label cut at the edge or on another.
 */
export function fitDiagramViewport(
  zones: readonly Zone[],
  conduits: readonly Conduit[],
  measure: MeasureText,
  width: number,
  height: number,
): Viewport {
  const bare = fitViewportClear(zones, width, height);
  if (conduits.length === 0 || bare.zoom < LABEL_ZOOM) return bare;
  for (let tenths = Math.round(labelScaleAt(bare.zoom) * 10); tenths <= MAX_LABEL_SCALE * 10; tenths++) {
    const scale = tenths / 10;
    const extent = labelledExtent(zones, conduits, measure, scale);
    const fitted = fitViewportClear(extent, width, height);
    if (fitted.zoom < LABEL_ZOOM) break;
    const drawnAt = labelScaleAt(fitted.zoom);
    if (drawnAt === scale) return fitted;
    // The extent fits with room to spare: zoom out to where labels are drawn at this scale.
    const widest = LABEL_SCREEN_SCALE / (scale - 0.04);
    if (drawnAt < scale && labelScaleAt(widest) === scale)
      return fitViewportClear(extent, width, height, MINIMAP_CORNER, widest);
  }
  return fitViewportClear(zones, width, height, MINIMAP_CORNER, Math.min(bare.zoom, LABEL_ZOOM * 0.999));
}
