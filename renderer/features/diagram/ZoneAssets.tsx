import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { moveAssetsChange, type DiagramStore } from '../../../shared/diagram';
import type { Asset, Zone } from '../../../shared/model';
import { plural } from '../../ui/format';
import { ANY_ASSET, searchAssets } from './asset-search';
import { useCanvasActions } from './context';

/** Rows listed before "refine the search": a zone of 2,000 assets stays quick to open. */
const MAX_ROWS = 200;

/** One asset of the zone: a link into the inventory, its address and vendor, and Remove. */
function ZoneAssetRow({ asset, zone, onRemove }: { asset: Asset; zone: Zone; onRemove: () => void }) {
  return (
    <li className="zone-asset-row">
      <Link
        href={`/a/${zone.assessmentId}/inventory?asset=${encodeURIComponent(asset.id)}`}
        className="zone-asset-name"
        title="Open in the inventory"
      >
        {asset.name || asset.ips[0] || asset.macs[0] || 'unnamed asset'}
      </Link>
      <span className="zone-asset-meta">{[asset.ips[0], asset.vendor].filter(Boolean).join(' · ')}</span>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={`Remove ${asset.name || asset.ips[0] || 'the asset'} from ${zone.name}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}

/** The zone's assets found by the search, at most MAX_ROWS of them, and what the search left out. */
function ZoneAssetSearch({
  zone,
  inZone,
  store,
}: {
  zone: Zone;
  inZone: readonly Asset[];
  store: DiagramStore;
}) {
  const [text, setText] = useState('');
  const shown = useMemo(() => searchAssets(inZone, { ...ANY_ASSET, text }), [inZone, text]);
  const remove = (asset: Asset) => store.commit(moveAssetsChange(store.getState(), [asset.id], null));
  return (
    <>
      <input
        className="input"
        type="search"
        aria-label={`Search the assets of ${zone.name}`}
        placeholder="Name, address, vendor, model"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ul className="zone-asset-list" aria-label={`Assets of ${zone.name}`}>
        {shown.slice(0, MAX_ROWS).map((asset) => (
          <ZoneAssetRow key={asset.id} asset={asset} zone={zone} onRemove={() => remove(asset)} />
        ))}
      </ul>
      {shown.length === 0 && <p className="field-hint">No asset of this zone matches “{text}”.</p>}
      {shown.length > MAX_ROWS && (
        <p className="field-hint">
          {plural(shown.length - MAX_ROWS, 'more asset')}: refine the search to see them.
        </p>
      )}
    </>
  );
}

/** The zone's assets in its properties: find one, take it out of the zone, or open it in the inventory. */
export function ZoneAssets({
  zone,
  assets,
  store,
  expanded,
}: {
  zone: Zone;
  assets: readonly Asset[];
  store: DiagramStore;
  expanded: boolean;
}) {
  const actions = useCanvasActions();
  const inZone = useMemo(() => assets.filter((a) => a.zoneId === zone.id), [assets, zone.id]);
  return (
    <section className="properties zone-assets-panel" aria-label="Assets in this zone">
      <div className="toolbar">
        <h2>
          Assets <span className="badge">{inZone.length}</span>
        </h2>
        <span className="spacer" />
        {inZone.length > 0 && (
          <button
            type="button"
            className="button button-small"
            aria-pressed={expanded}
            onClick={() => actions.toggleExpanded(zone.id)}
          >
            {expanded ? 'Hide on the diagram' : 'Show on the diagram'}
          </button>
        )}
      </div>
      {inZone.length === 0 ? (
        <p className="field-hint">No assets yet: drag them here from the unassigned list.</p>
      ) : (
        <ZoneAssetSearch zone={zone} inZone={inZone} store={store} />
      )}
    </section>
  );
}
