import type { Asset } from '../../../shared/model';
import { updateAsset, type AssetEdit } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { platform } from '../../platform';
import { notify } from '../../ui/notices';
import { ASSET_COLUMNS, assetsToCsv } from './asset-columns';

/** Saves the rows as shown (their order, the visible columns) to a CSV file the user picks. */
export async function exportInventoryCsv(
  rows: readonly Asset[],
  visibleColumns: string[],
  zoneMap: Map<string, string>,
) {
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

/** An edit made in a table cell: empty text clears the field (a name stays as typed). */
export async function saveAssetField(
  asset: Asset,
  field: string,
  value: string,
  patch: (changed: Asset[]) => void,
) {
  const edit: AssetEdit = { [field]: field === 'name' ? value : value.trim() || null };
  try {
    patch([await trackSave(updateAsset(asset.id, edit))]);
  } catch (error) {
    notify('error', `Could not save ${asset.name}: ${(error as Error).message}`);
  }
}
