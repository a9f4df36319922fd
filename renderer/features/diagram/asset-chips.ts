/** Past this zoom a zone shows its assets as small chips. */
export const ASSET_ZOOM_THRESHOLD = 1.3;
/** Never more chips than this in one zone, however many assets it has: the canvas stays smooth. */
export const MAX_ASSET_CHIPS = 48;

/** A chip's footprint (about 150 x 24 px with its gap) and the zone's own head and padding. */
const CHIP = { width: 150, height: 24 };
const ZONE_CHROME = { width: 16, height: 110 };
/** An expanded zone too small for chips still shows this many. */
const EXPANDED_MINIMUM = 6;

/**
 * How many asset chips a zone draws: none unless it is expanded or zoomed into; else as many as
 * its box has room for, at least a few when expanded, never more than the cap or its assets.
 */
export function assetChipCount(
  size: { width: number; height: number },
  assets: number,
  { expanded, zoomedIn }: { expanded: boolean; zoomedIn: boolean },
): number {
  if (!(expanded || zoomedIn) || assets === 0) return 0;
  const room = Math.max(
    0,
    Math.floor((size.width - ZONE_CHROME.width) / CHIP.width) *
      Math.floor((size.height - ZONE_CHROME.height) / CHIP.height),
  );
  return Math.min(assets, MAX_ASSET_CHIPS, Math.max(room, expanded ? EXPANDED_MINIMUM : 0));
}
