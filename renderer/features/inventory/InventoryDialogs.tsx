import type { Asset } from '../../../shared/model';
import { addManualAsset, updateAsset, writeSetting } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { AssetDetail } from './AssetDetail';
import { AssetForm } from './AssetForm';
import { ASSET_COLUMNS } from './asset-columns';
import type { InventoryDialog } from './commands';
import { ImportDialog, type PendingFile } from './ImportDialog';
import type { CommittedImport } from './import-session';
import { ImportHistory } from './ImportHistory';
import { plural } from '../../ui/format';

export const COLUMNS_SETTING = 'inventory.columns';

/** Several files imported in a row show as one notice that counts them. */
const FILES_IMPORTED = { key: 'inventory-imported', title: (n: number) => `${plural(n, 'file')} imported` };

function notifyImported(name: string, result: CommittedImport) {
  const c = result.counts;
  if (!result.batch) notify('info', `${name} changed nothing: every record is already here`);
  else
    notify(
      'success',
      `Imported ${name}`,
      [
        `${plural(c.assets, 'asset')} (${plural(c.merged, 'record')} merged), ${plural(c.flows, 'connection')}, ${c.skipped.toLocaleString('en')} skipped`,
      ],
      { group: FILES_IMPORTED },
    );
}

/** The file being imported (one at a time, in the order dropped) and the dialog a command opened. */
export function InventoryDialogs({
  assessmentId,
  importing,
  onImportDone,
  dialog,
  setDialog,
  assets,
  zones,
  visibleColumns,
  setVisibleColumns,
  patch,
  replace,
}: {
  assessmentId: string;
  importing: PendingFile | undefined;
  onImportDone: () => void;
  dialog: InventoryDialog | null;
  setDialog: (dialog: InventoryDialog | null) => void;
  assets: readonly Asset[];
  zones: Map<string, string>;
  visibleColumns: string[];
  setVisibleColumns: (columns: string[]) => void;
  patch: (assets: Asset[]) => void;
  replace: (assets: Asset[]) => void;
}) {
  const close = () => setDialog(null);
  const detail = dialog?.kind === 'detail' ? assets.find((a) => a.id === dialog.assetId) : undefined;
  return (
    <>
      {importing && (
        <ImportDialog
          key={importing.id}
          file={importing}
          assessmentId={assessmentId}
          onDone={(result) => {
            onImportDone();
            if (!result) return;
            notifyImported(importing.name, result);
            replace(result.inventory);
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <ImportHistory assessmentId={assessmentId} onChanged={replace} onClose={close} />
      )}
      {dialog?.kind === 'columns' && (
        <ColumnChooser
          visible={visibleColumns}
          onChange={(next) => {
            setVisibleColumns(next);
            void trackSave(writeSetting(COLUMNS_SETTING, next));
          }}
          onClose={close}
        />
      )}
      {detail && (
        <AssetDetail
          asset={detail}
          zones={zones}
          onClose={close}
          onEdit={() => setDialog({ kind: 'form', asset: detail })}
        />
      )}
      {dialog?.kind === 'form' && (
        <AssetForm
          asset={dialog.asset}
          onClose={close}
          onSave={async (edit) => {
            const saved = dialog.asset
              ? await trackSave(updateAsset(dialog.asset.id, edit))
              : await trackSave(addManualAsset(assessmentId, edit));
            patch([saved]);
          }}
        />
      )}
    </>
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
