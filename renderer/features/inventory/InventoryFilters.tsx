import { useEffect, useState } from 'react';
import type { Asset, Zone } from '../../../shared/model';
import { commandById, CommandButton } from '../../ui/commands';
import { filterChoices, isFiltering, type AssetFilter } from './asset-columns';
import { INVENTORY_COMMANDS, type InventoryCommandState } from './commands';

/** The filter bar: text search and one menu per facet. */
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
  return (
    <div className="toolbar inventory-filters" role="search">
      <input
        className="input"
        type="search"
        aria-label="Search assets"
        placeholder="Name, address, vendor, model, serial"
        value={filter.text}
        onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        style={{ maxWidth: 280 }}
      />
      <FilterSelect
        label="Vendor"
        value={filter.vendor}
        options={choices.vendors}
        onChange={(vendor) => setFilter({ ...filter, vendor })}
      />
      <select
        className="select"
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
        className="input"
        aria-label="Firmware filter"
        placeholder="Firmware"
        value={filter.firmware}
        onChange={(e) => setFilter({ ...filter, firmware: e.target.value })}
        style={{ maxWidth: 140 }}
      />
      {isFiltering(filter) && (
        <CommandButton
          command={commandById(INVENTORY_COMMANDS, 'clear-filters')}
          state={commands}
          className="button button-ghost button-small"
        />
      )}
    </div>
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
      className="select"
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
