import type { Asset } from '../../../shared/model';
import { addManualAsset, updateAsset, writeSetting } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { AliasesDialog } from './AliasesDialog';
import { AssetDetail } from './AssetDetail';
import { AssetForm } from './AssetForm';
import { ASSET_COLUMNS } from './asset-columns';
import type { InventoryDialog } from './commands';
import { ImportHistory } from './ImportHistory';

export const COLUMNS_SETTING = 'inventory.columns';

/** The dialog a command opened. */
export function InventoryDialogs({
  assessmentId,
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
      {dialog?.kind === 'history' && (
        <ImportHistory assessmentId={assessmentId} onChanged={replace} onClose={close} />
      )}
      {dialog?.kind === 'aliases' && (
        <AliasesDialog assessmentId={assessmentId} patch={patch} onClose={close} />
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
