import { memo, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Asset } from '../../../shared/model';
import { parseIp } from '../../../shared/network';
import { Modal } from '../../ui/Modal';
import { ASSET_DRAG_TYPE } from './context';
import type { ManualAssetInput } from '../../../shared/diagram';
import { plural } from '../../ui/format';
import { ANY_ASSET, assetFacets, searchAssets, type AssetQuery } from './asset-search';
import { clickSelection } from './list-selection';

/** The selected rows of the unassigned list (only those still unassigned), and what a click does to them. */
function useAssetSelection(unassigned: readonly Asset[], shown: readonly Asset[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const live = new Set(unassigned.map((a) => a.id));
  const selection = [...selected].filter((id) => live.has(id));
  const click = (event: React.MouseEvent, index: number) => {
    const modifiers = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
    const next = clickSelection(selection, shown, anchor, index, modifiers);
    setSelected(next.selected);
    setAnchor(next.anchor);
  };
  return { selected, selection, click, selectOnly: (id: string) => setSelected(new Set([id])) };
}

/** The panel as a drop target: assets dragged out of a zone onto it leave their zone. */
function useAssetDrop(onDropAssets: (assetIds: string[]) => void) {
  const [active, setActive] = useState(false);
  const handlers = {
    onDragOver: (event: React.DragEvent) => {
      if (event.dataTransfer.types.includes(ASSET_DRAG_TYPE)) {
        event.preventDefault();
        setActive(true);
      }
    },
    onDragLeave: () => setActive(false),
    onDrop: (event: React.DragEvent) => {
      setActive(false);
      const ids = event.dataTransfer.getData(ASSET_DRAG_TYPE);
      if (ids) onDropAssets(JSON.parse(ids) as string[]);
    },
  };
  return { active, handlers };
}

/** The assets not yet in a zone: select one or several, drag them onto a zone. */
export const AssetsPanel = memo(function AssetsPanel({
  loading,
  unassigned,
  onAssignBySubnet,
  onAddAsset,
  onDropAssets,
}: {
  loading: boolean;
  unassigned: readonly Asset[];
  onAssignBySubnet: () => void;
  onAddAsset: () => void;
  onDropAssets: (assetIds: string[]) => void;
}) {
  const [query, setQuery] = useState<AssetQuery>(ANY_ASSET);
  const shown = useMemo(() => searchAssets(unassigned, query), [unassigned, query]);
  const facets = useMemo(() => assetFacets(unassigned), [unassigned]);
  const selection = useAssetSelection(unassigned, shown);
  const drop = useAssetDrop(onDropAssets);
  return (
    <aside
      className={`assets-panel${drop.active ? ' drop-target-active' : ''}`}
      aria-label="Unassigned assets"
      {...drop.handlers}
    >
      <div className="assets-head">
        <h2>
          Unassigned assets{' '}
          <span className="badge" data-testid="unassigned-count">
            {shown.length === unassigned.length
              ? unassigned.length
              : `${shown.length} of ${unassigned.length}`}
          </span>
        </h2>
        <div className="toolbar">
          <button type="button" className="button button-small" onClick={onAssignBySubnet} disabled={loading}>
            Assign by subnet
          </button>
          <button type="button" className="button button-small" onClick={onAddAsset} disabled={loading}>
            Add asset
          </button>
        </div>
        <AssetQueryFields query={query} onChange={setQuery} facets={facets} />
        {selection.selection.length > 1 && (
          <p className="field-hint">{selection.selection.length} selected: drag them onto a zone.</p>
        )}
      </div>
      <UnassignedList shown={shown} selection={selection} />
    </aside>
  );
});

/** The unassigned assets, virtualised (a plant can have thousands), each row draggable onto a zone. */
function UnassignedList({
  shown,
  selection,
}: {
  shown: readonly Asset[];
  selection: ReturnType<typeof useAssetSelection>;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    overscan: 12,
  });
  const startDrag = (event: React.DragEvent, asset: Asset, isSelected: boolean) => {
    const ids = isSelected ? selection.selection : [asset.id];
    if (!isSelected) selection.selectOnly(asset.id);
    event.dataTransfer.setData(ASSET_DRAG_TYPE, JSON.stringify(ids));
    event.dataTransfer.setData('text/plain', plural(ids.length, 'asset'));
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <div
      ref={scroller}
      className="assets-scroll"
      role="listbox"
      aria-multiselectable="true"
      aria-label="Unassigned assets list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const asset = shown[item.index]!;
          const isSelected = selection.selected.has(asset.id);
          return (
            <div
              key={asset.id}
              role="option"
              aria-selected={isSelected}
              className={`asset-row${isSelected ? ' is-selected' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: item.size,
                transform: `translateY(${item.start}px)`,
              }}
              draggable
              onClick={(event) => selection.click(event, item.index)}
              onDragStart={(event) => startDrag(event, asset, isSelected)}
            >
              <span className="asset-name">{asset.name || '(unnamed)'}</span>
              <span className="asset-detail">
                {[asset.ips.join(', '), asset.vendor].filter(Boolean).join(' · ')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

const MAC_PATTERN = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;

export function AddAssetDialog({
  onAdd,
  onClose,
}: {
  onAdd: (input: ManualAssetInput) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ManualAssetInput>({
    name: '',
    ip: '',
    mac: '',
    vendor: '',
    model: '',
    firmware: '',
  });
  const errors: Partial<Record<keyof ManualAssetInput, string>> = {};
  if (!draft.name.trim() && !draft.ip.trim()) errors.name = 'Give a name or an IP address.';
  if (draft.ip.trim() && !parseIp(draft.ip))
    errors.ip = `"${draft.ip.trim()}" is not an IPv4 or IPv6 address.`;
  if (draft.mac.trim() && !MAC_PATTERN.test(draft.mac.trim()))
    errors.mac = 'A MAC address looks like 00:1d:9c:12:34:56.';
  const valid = Object.keys(errors).length === 0;
  const [touched, setTouched] = useState(false);
  const field = (key: keyof ManualAssetInput, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        className="input"
        aria-label={label}
        value={draft[key]}
        aria-invalid={touched && errors[key] ? true : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
      {touched && errors[key] && <span className="field-error">{errors[key]}</span>}
    </label>
  );
  return (
    <Modal title="Add an asset" onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (valid) onAdd(draft);
        }}
      >
        {field('name', 'Name')}
        {field('ip', 'IP address')}
        {field('mac', 'MAC address')}
        {field('vendor', 'Vendor')}
        {field('model', 'Model')}
        {field('firmware', 'Firmware')}
        <div className="modal-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Add asset
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Search and the vendor and type filters of the unassigned list. */
function AssetQueryFields({
  query,
  onChange,
  facets,
}: {
  query: AssetQuery;
  onChange: (query: AssetQuery) => void;
  facets: { vendors: string[]; types: string[] };
}) {
  return (
    <div className="assets-query" role="search">
      <input
        className="input"
        type="search"
        aria-label="Search unassigned assets"
        placeholder="Name, address, vendor, model"
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
      />
      <div className="assets-query-row">
        <select
          className="select"
          aria-label="Vendor of unassigned assets"
          value={query.vendor}
          onChange={(e) => onChange({ ...query, vendor: e.target.value })}
        >
          <option value="">Any vendor</option>
          {facets.vendors.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Type of unassigned assets"
          value={query.type}
          onChange={(e) => onChange({ ...query, type: e.target.value })}
        >
          <option value="">Any type</option>
          {facets.types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
    </div>
  );
}
