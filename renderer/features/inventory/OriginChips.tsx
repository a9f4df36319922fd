import { useMemo } from 'react';
import { ASSET_ORIGIN_LABELS, countOrigins, type Asset, type AssetOrigin } from '../../../shared/model';
import type { AssetFilter } from './asset-columns';

const ORIGINS: readonly AssetOrigin[] = ['sensor', 'traffic', 'manual'];

/**
 * The assets by origin as toggle chips: sensor assets, endpoints only seen in traffic, and those
 * added by hand, each with its count. Shown once the inventory holds more than one origin.
 */
export function OriginChips({
  assets,
  filter,
  setFilter,
}: {
  assets: readonly Asset[];
  filter: AssetFilter;
  setFilter: (filter: AssetFilter) => void;
}) {
  const counts = useMemo(() => countOrigins(assets), [assets]);
  if (ORIGINS.filter((o) => counts[o] > 0).length < 2 && filter.origin === '') return null;
  return (
    <div className="origin-chips" role="group" aria-label="Origin">
      {ORIGINS.map((origin) => (
        <button
          key={origin}
          type="button"
          className={`chip chip-origin-${origin}`}
          aria-pressed={filter.origin === origin}
          onClick={() => setFilter({ ...filter, origin: filter.origin === origin ? '' : origin })}
        >
          {ASSET_ORIGIN_LABELS[origin]}{' '}
          <span className="chip-count">{counts[origin].toLocaleString('en')}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * "123 assets", or with endpoints seen in traffic kept apart from the sensor and hand-made ones:
 * "122 assets · 1 seen in traffic"; while filtering, "4 of 123 assets".
 */
export function inventoryCountLabel(assets: readonly Asset[], shown: number, filtering: boolean): string {
  const noun = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'asset' : 'assets'}`;
  if (filtering) return `${shown.toLocaleString('en')} of ${noun(assets.length)}`;
  const traffic = countOrigins(assets).traffic;
  return traffic > 0
    ? `${noun(assets.length - traffic)} · ${traffic.toLocaleString('en')} seen in traffic`
    : noun(assets.length);
}
