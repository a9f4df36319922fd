import { useEffect, useState } from 'react';
import type { Asset, Zone } from '../../../shared/model';
import { commandById, CommandButton } from '../../ui/commands';
import { filterChoices, isFiltering, type AssetFilter } from './asset-columns';
import { INVENTORY_COMMANDS, type InventoryCommandState } from './commands';

/** The filter bar: text search and one compact menu per facet in one row, the filters in force as chips. */
export function InventoryFilters({
  filter,
  setFilter,
  assets,
  zones,
  commands,
}: {
  filter: AssetFilter;
  setFilter: (filter: AssetFilter) => void;
  assets: readonly Asset[];
  zones: readonly Zone[];
  commands: InventoryCommandState;
}) {
  const choices = useFilterChoices(assets);
  const zoneName = (id: string) => (id === 'none' ? 'no zone' : (zones.find((z) => z.id === id)?.name ?? id));
  return (
    <div className="inventory-filters" role="search">
      <div className="inventory-filter-row">
        <input
          className="input inventory-filter-search"
          type="search"
          aria-label="Search assets"
          placeholder="Name, address, vendor, model, serial"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <FilterSelect
          label="Vendor"
          value={filter.vendor}
          options={choices.vendors}
          onChange={(vendor) => setFilter({ ...filter, vendor })}
        />
        <select
          className="select inventory-filter-select"
          aria-label="Zone filter"
          value={filter.zone}
          onChange={(e) => setFilter({ ...filter, zone: e.target.value })}
        >
          <option value="">Any zone</option>
          <option value="none">No zone</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
        <FilterSelect
          label="Protocol"
          value={filter.protocol}
          options={choices.protocols}
          onChange={(protocol) => setFilter({ ...filter, protocol })}
        />
        <FilterSelect
          label="Source"
          value={filter.source}
          options={choices.sources}
          onChange={(source) => setFilter({ ...filter, source })}
        />
        <input
          className="input inventory-filter-firmware"
          aria-label="Firmware filter"
          placeholder="Firmware"
          value={filter.firmware}
          onChange={(e) => setFilter({ ...filter, firmware: e.target.value })}
        />
        {isFiltering(filter) && (
          <CommandButton
            command={commandById(INVENTORY_COMMANDS, 'clear-filters')}
            state={commands}
            className="button button-ghost button-small"
          />
        )}
      </div>
      <FilterChips filter={filter} setFilter={setFilter} zoneName={zoneName} />
    </div>
  );
}

/** Origin has its own chips beside the filter bar (OriginChips), so it is not repeated here. */
type ChipKey = Exclude<keyof AssetFilter, 'origin'>;

const CHIP_LABELS: Record<ChipKey, string> = {
  text: 'Search',
  vendor: 'Vendor',
  zone: 'Zone',
  protocol: 'Protocol',
  source: 'Source',
  firmware: 'Firmware',
};

/** The filters in force as chips, each removable on its own. */
function FilterChips({
  filter,
  setFilter,
  zoneName,
}: {
  filter: AssetFilter;
  setFilter: (filter: AssetFilter) => void;
  zoneName: (id: string) => string;
}) {
  const active = (Object.keys(CHIP_LABELS) as ChipKey[]).filter((key) => filter[key] !== '');
  if (active.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {active.map((key) => {
        const value = key === 'zone' ? zoneName(filter.zone) : filter[key];
        return (
          <li key={key} className="filter-chip">
            <span>
              {CHIP_LABELS[key]}: <strong>{value}</strong>
            </span>
            <button
              type="button"
              className="filter-chip-remove"
              aria-label={`Remove filter ${CHIP_LABELS[key]}: ${value}`}
              onClick={() => setFilter({ ...filter, [key]: '' })}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const NO_CHOICES = { vendors: [], protocols: [], sources: [] };

/** The filter menus' values, gathered a slice at a time after the list changes: no long task at 100,000. */
function useFilterChoices(assets: readonly Asset[]) {
  const [choices, setChoices] = useState<ReturnType<typeof filterChoices>>(NO_CHOICES);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const slices: ReturnType<typeof filterChoices>[] = [];
      for (let i = 0; i < assets.length && !cancelled; i += 10_000) {
        slices.push(filterChoices(assets.slice(i, i + 10_000)));
        await new Promise((r) => setTimeout(r, 0));
      }
      if (cancelled) return;
      const merge = (key: keyof typeof NO_CHOICES) =>
        [...new Set(slices.flatMap((s) => s[key]))].sort((x, y) => x.localeCompare(y));
      setChoices({ vendors: merge('vendors'), protocols: merge('protocols'), sources: merge('sources') });
    })();
    return () => {
      cancelled = true;
    };
  }, [assets]);
  return choices;
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <select
      className="select inventory-filter-select"
      aria-label={`${label} filter`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">Any {label.toLowerCase()}</option>
      {options.slice(0, 2000).map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
