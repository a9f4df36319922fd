import type { Asset, ImportBatch } from '../../../shared/model';
import { formatDateTime, plural } from '../../ui/format';
import { ConfirmDialog, Modal } from '../../ui/Modal';
import { WarningList } from './ImportPreview';
import { useImportHistory, type PendingUndo } from './use-import-history';

/** The assessment's imports, newest first, each undoable as a whole. */
export function ImportHistory({
  assessmentId,
  onChanged,
  onClose,
}: {
  assessmentId: string;
  onChanged: (inventory: Asset[]) => void;
  onClose: () => void;
}) {
  const { batches, confirm, askUndo, undo, cancelUndo } = useImportHistory(assessmentId, onChanged);
  return (
    <Modal title="Import history" onClose={onClose} wide>
      {batches === null ? null : batches.length === 0 ? (
        <p>Nothing imported yet.</p>
      ) : (
        <ul className="import-history" aria-label="Imports">
          {batches.map((batch) => (
            <ImportBatchItem key={batch.id} batch={batch} onUndo={() => void askUndo(batch)} />
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {confirm && (
        <ConfirmUndo pending={confirm} onCancel={cancelUndo} onConfirm={() => undo(confirm.batch)} />
      )}
    </Modal>
  );
}

/** One import: its file, format, when, what it brought, its file's hash and its warnings. */
function ImportBatchItem({ batch, onUndo }: { batch: ImportBatch; onUndo: () => void }) {
  return (
    <li data-testid="import-batch">
      <div className="import-history-head">
        <strong>{batch.fileName}</strong>
        <span className="badge">{batch.format}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          aria-label={`Undo ${batch.fileName}`}
          onClick={onUndo}
        >
          Undo
        </button>
      </div>
      <div className="import-history-meta">
        {formatDateTime(batch.importedAt)} · {plural(batch.counts.records, 'record')} ·{' '}
        {plural(batch.counts.assets, 'asset')} · {batch.counts.merged.toLocaleString('en')} merged ·{' '}
        {plural(batch.counts.flows, 'connection')} · {batch.counts.skipped.toLocaleString('en')} skipped ·
        SHA-256{' '}
        <span className="mono" title={batch.fileSha256}>
          {batch.fileSha256.slice(0, 12)}…
        </span>
      </div>
      {batch.warnings.length > 0 && (
        <details>
          <summary>{plural(batch.warnings.length, 'warning')}</summary>
          <WarningList warnings={batch.warnings} />
        </details>
      )}
    </li>
  );
}

function ConfirmUndo({
  pending: { batch, check },
  onCancel,
  onConfirm,
}: {
  pending: PendingUndo;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  return (
    <ConfirmDialog
      title={`Undo ${batch.fileName}?`}
      danger
      confirmLabel="Undo import"
      message={
        <p>
          {plural(check.deletes, 'asset')} it added will be removed and {check.restores.toLocaleString('en')}{' '}
          it changed put back as they were.
          {check.edited > 0 &&
            ` ${check.edited.toLocaleString('en')} of them were edited by hand since; those edits will be lost.`}
        </p>
      }
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
