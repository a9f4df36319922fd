import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Asset } from '../../../shared/model';
import { db } from '../../db';
import {
  assignZone,
  addManualAsset,
  readSetting,
  updateAsset,
  writeSetting,
  type AssetEdit,
} from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { platform } from '../../platform';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { useFileDrop } from '../../ui/useFileDrop';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import './inventory.css';
import { AssetDetail } from './AssetDetail';
import { AssetForm } from './AssetForm';
import { AssetTable } from './AssetTable';
import {
  ASSET_COLUMNS,
  DEFAULT_VISIBLE_COLUMNS,
  NO_FILTER,
  assetsToCsv,
  filterAssets,
  filterChoices,
  isFiltering,
  sortAssets,
  zoneNames,
  type AssetFilter,
} from './asset-columns';
import { ImportDialog, type PendingFile } from './ImportDialog';
import { ImportHistory } from './ImportHistory';
import { useInventory } from './useInventory';

const COLUMNS_SETTING = 'inventory.columns';

type Dialog =
  | { kind: 'detail'; assetId: string }
  | { kind: 'form'; asset: Asset | null }
  | { kind: 'history' }
  | { kind: 'columns' }
  | null;

/** The assessment's assets: import, browse, filter, edit, assign zones, export. */
function InventoryWorkspace({ assessment }: WorkspaceProps) {
  const { assets, patch, replace } = useInventory(assessment.id);
  const zones = useLiveQuery(
    () => db().zones.where({ assessmentId: assessment.id }).toArray(),
    [assessment.id],
  );
  const zoneMap = useMemo(() => zoneNames(zones ?? []), [zones]);
  const [queue, setQueue] = useState<PendingFile[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState<AssetFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [visibleColumns, setVisibleColumns] = useState<string[]>(DEFAULT_VISIBLE_COLUMNS);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void readSetting<string[]>(COLUMNS_SETTING).then((saved) => {
      if (Array.isArray(saved))
        setVisibleColumns(saved.filter((id) => ASSET_COLUMNS.some((c) => c.id === id)));
    });
  }, []);

  const all = useMemo(() => assets ?? [], [assets]);
  const shown = useMemo(() => filterAssets(all, deferredFilter), [all, deferredFilter]);
  const ordered = useMemo(() => sortAssets(shown, sorting, zoneMap), [shown, sorting, zoneMap]);
  const choices = useFilterChoices(all);
  const selectedIds = useMemo(() => Object.keys(selection).filter((id) => selection[id]), [selection]);

  // Files dropped while one is being imported wait their turn; each gets an id for its dialog.
  const enqueue = (files: File[]) =>
    setQueue((q) => [...q, ...files.map((f) => ({ id: crypto.randomUUID(), name: f.name, blob: f }))]);
  const drop = useFileDrop(enqueue);

  async function saveEdit(asset: Asset, edit: AssetEdit) {
    try {
      patch([await trackSave(updateAsset(asset.id, edit))]);
    } catch (error) {
      notify('error', `Could not save ${asset.name}: ${(error as Error).message}`);
    }
  }

  async function assignSelected(zoneId: string | null) {
    const changed = await trackSave(assignZone(selectedIds, zoneId));
    patch(changed);
    notify(
      'success',
      `${changed.length.toLocaleString('en')} asset(s) ${zoneId ? `put in ${zoneMap.get(zoneId)}` : 'taken out of their zone'}`,
    );
    setSelection({});
  }

  async function exportCsv() {
    const rows = ordered;
    const columns = ASSET_COLUMNS.filter((c) => visibleColumns.includes(c.id));
    const csv = assetsToCsv(rows, columns, zoneMap);
    const date = new Date().toISOString().slice(0, 10);
    const result = await platform().saveFile({
      title: 'Export inventory',
      suggestedName: `inventory-${date}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: new TextEncoder().encode(`\uFEFF${csv}`),
    });
    if (result.saved) notify('success', `Exported ${rows.length.toLocaleString('en')} assets as CSV`);
  }

  const current = queue[0];
  const detail = dialog?.kind === 'detail' ? all.find((a) => a.id === dialog.assetId) : undefined;

  return (
    <section
      className={
        drop.active
          ? 'workspace workspace-full inventory drop-target-active'
          : 'workspace workspace-full inventory'
      }
      aria-labelledby="inventory-title"
      {...drop.handlers}
    >
      <div className="toolbar">
        <h1 id="inventory-title">Inventory</h1>
        <span className="inventory-count" data-testid="inventory-count">
          {assets === undefined
            ? 'Loading…'
            : isFiltering(deferredFilter)
              ? `${shown.length.toLocaleString('en')} of ${all.length.toLocaleString('en')} assets`
              : `${all.length.toLocaleString('en')} assets`}
        </span>
        <span className="spacer" />
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="inventory-file-input"
          aria-label="Inventory files to import"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            enqueue(files);
          }}
        />
        <button type="button" className="button button-primary" onClick={() => fileInput.current?.click()}>
          Import files…
        </button>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'history' })}>
          Import history
        </button>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'form', asset: null })}>
          Add asset
        </button>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'columns' })}>
          Columns
        </button>
        <button
          type="button"
          className="button"
          disabled={shown.length === 0}
          onClick={() => void exportCsv()}
        >
          Export CSV
        </button>
      </div>

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
          {(zones ?? []).map((z) => (
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
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setFilter(NO_FILTER)}
          >
            Clear filters
          </button>
        )}
      </div>

      {selectedIds.length > 0 && (
        <div className="toolbar inventory-selection" aria-label="Selection">
          <span>{selectedIds.length.toLocaleString('en')} selected</span>
          <select
            className="select"
            aria-label="Assign the selected assets to a zone"
            value=""
            onChange={(e) => {
              if (e.target.value) void assignSelected(e.target.value === 'none' ? null : e.target.value);
            }}
          >
            <option value="">Assign to zone…</option>
            {(zones ?? []).map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
            <option value="none">No zone</option>
          </select>
          {(zones ?? []).length === 0 && <span className="field-hint">Draw zones in the Diagram first.</span>}
          <button type="button" className="button button-ghost button-small" onClick={() => setSelection({})}>
            Clear selection
          </button>
        </div>
      )}

      {assets !== undefined && all.length === 0 ? (
        <div className="empty-state inventory-empty">
          <h2>No assets yet</h2>
          <p>
            Drop the asset exports of the plant's sensors here (Nozomi, Claroty, Armis, Defender for IoT,
            Tenable OT, Forescout, Dragos, Malcolm, GRASSMARLIN, or any CSV or JSON), or add assets by hand.
          </p>
        </div>
      ) : (
        <AssetTable
          assets={ordered}
          visibleColumns={visibleColumns}
          zones={zoneMap}
          sorting={sorting}
          onSortingChange={setSorting}
          selection={selection}
          onSelectionChange={setSelection}
          onOpen={(asset) => setDialog({ kind: 'detail', assetId: asset.id })}
          onEdit={(asset, field, value) =>
            void saveEdit(asset, { [field]: field === 'name' ? value : value.trim() || null })
          }
        />
      )}

      {current && (
        <ImportDialog
          key={current.id}
          file={current}
          assessmentId={assessment.id}
          onDone={(result) => {
            setQueue((q) => q.slice(1));
            if (!result) return;
            const c = result.counts;
            if (!result.batch)
              notify('info', `${current.name} changed nothing: every record is already here`);
            else
              notify('success', `Imported ${current.name}`, [
                `${c.assets.toLocaleString('en')} assets (${c.merged.toLocaleString('en')} records merged), ${c.flows.toLocaleString('en')} connections, ${c.skipped.toLocaleString('en')} skipped`,
              ]);
            replace(result.inventory);
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <ImportHistory assessmentId={assessment.id} onChanged={replace} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'columns' && (
        <ColumnChooser
          visible={visibleColumns}
          onChange={(next) => {
            setVisibleColumns(next);
            void trackSave(writeSetting(COLUMNS_SETTING, next));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {detail && (
        <AssetDetail
          asset={detail}
          zones={zoneMap}
          onClose={() => setDialog(null)}
          onEdit={() => setDialog({ kind: 'form', asset: detail })}
        />
      )}
      {dialog?.kind === 'form' && (
        <AssetForm
          asset={dialog.asset}
          onClose={() => setDialog(null)}
          onSave={async (edit) => {
            const saved = dialog.asset
              ? await trackSave(updateAsset(dialog.asset.id, edit))
              : await trackSave(addManualAsset(assessment.id, edit));
            patch([saved]);
          }}
        />
      )}
    </section>
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

function ColumnChooser({
  visible,
  onChange,
  onClose,
}: {
  visible: string[];
  onChange: (next: string[]) => void;
  onClose: () => void;
}) {
  return (
    <Modal title="Columns" onClose={onClose}>
      <fieldset className="column-chooser">
        <legend className="visually-hidden">Columns shown</legend>
        {ASSET_COLUMNS.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={visible.includes(c.id)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? ASSET_COLUMNS.filter((x) => x.id === c.id || visible.includes(x.id)).map((x) => x.id)
                    : visible.filter((id) => id !== c.id),
                )
              }
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

export const inventoryWorkspace: WorkspaceDefinition = {
  id: 'inventory',
  label: 'Inventory',
  component: InventoryWorkspace,
};
