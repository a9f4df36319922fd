import { describe, expect, it } from 'vitest';
import { assetChipCount, MAX_ASSET_CHIPS } from '../../../../../renderer/features/diagram/asset-chips';

describe('assetChipCount', () => {
  const big = { width: 616, height: 350 };
  it('draws no chips unless the zone is expanded or zoomed into', () => {
    expect(assetChipCount(big, 30, { expanded: false, zoomedIn: false })).toBe(0);
    expect(assetChipCount(big, 0, { expanded: true, zoomedIn: true })).toBe(0);
  });

  it('draws as many as the box has room for: 4 columns of 150 px by 10 rows of 24 px here', () => {
    expect(assetChipCount(big, 100, { expanded: false, zoomedIn: true })).toBe(40);
    expect(assetChipCount(big, 12, { expanded: false, zoomedIn: true })).toBe(12);
  });

  it('shows a few in a small expanded zone, and never more than the cap', () => {
    expect(assetChipCount({ width: 280, height: 150 }, 20, { expanded: true, zoomedIn: false })).toBe(6);
    expect(assetChipCount({ width: 280, height: 150 }, 20, { expanded: false, zoomedIn: true })).toBe(1);
    expect(assetChipCount({ width: 3000, height: 3000 }, 500, { expanded: true, zoomedIn: true })).toBe(
      MAX_ASSET_CHIPS,
    );
  });
});
