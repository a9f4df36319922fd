import type { Viewport } from '@xyflow/react';

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
): Viewport {
  if (zones.length === 0 || width <= corner.width || height <= corner.height)
    return fitViewport(zones, width, height);
  const beside = fitViewport(zones, width - corner.width, height);
  const above = fitViewport(zones, width, height - corner.height);
  return beside.zoom >= above.zoom ? beside : above;
}
