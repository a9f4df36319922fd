import { useEffect, useRef, useState } from 'react';
import type { Asset, ImportBatch } from '../../../shared/model';
import type { UndoCheck } from '../../db/import-batches';
import { listImportBatches } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { ConfirmDialog, Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { ImportSession } from './import-session';
import { formatDateTime, plural } from '../../ui/format';

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
  // Checking and undoing read every asset of the assessment: that happens in a worker.
  const session = useRef<ImportSession | null>(null);
  useEffect(() => {
    const created = new ImportSession('import history', null);
    session.current = created;
    return () => created.close();
  }, []);
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [confirm, setConfirm] = useState<{ batch: ImportBatch; check: UndoCheck } | null>(null);

  useEffect(() => {
    void listImportBatches(assessmentId).then(setBatches);
  }, [assessmentId]);

  async function askUndo(batch: ImportBatch) {
    try {
      const check = await session.current!.checkUndo(batch.id);
      if (!check.ok) {
        notify('error', `${batch.fileName} cannot be undone yet`, [
          `Undo the later import${check.blockedBy.length > 1 ? 's' : ''} first: ${check.blockedBy.join(', ')}.`,
        ]);
        return;
      }
      setConfirm({ batch, check });
    } catch (error) {
      notify('error', `Could not undo ${batch.fileName}: ${(error as Error).message}`);
    }
  }

  async function undo(batch: ImportBatch) {
    setConfirm(null);
    try {
      const inventory = await trackSave(session.current!.undo(batch.id));
      notify('success', `Undid the import of ${batch.fileName}`);
      setBatches(await listImportBatches(assessmentId));
      onChanged(inventory);
    } catch (error) {
      notify('error', (error as Error).message);
    }
  }

  return (
    <Modal title="Import history" onClose={onClose} wide>
      {batches === null ? null : batches.length === 0 ? (
        <p>Nothing imported yet.</p>
      ) : (
        <ul className="import-history" aria-label="Imports">
          {batches.map((batch) => (
            <li key={batch.id} data-testid="import-batch">
              <div className="import-history-head">
                <strong>{batch.fileName}</strong>
                <span className="badge">{batch.format}</span>
                <span className="spacer" />
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Undo ${batch.fileName}`}
                  onClick={() => void askUndo(batch)}
                >
                  Undo
                </button>
              </div>
              <div className="import-history-meta">
                {formatDateTime(batch.importedAt)} · {plural(batch.counts.records, 'record')} ·{' '}
                {plural(batch.counts.assets, 'asset')} · {batch.counts.merged.toLocaleString('en')} merged ·{' '}
                {plural(batch.counts.flows, 'connection')} · {batch.counts.skipped.toLocaleString('en')}{' '}
                skipped · SHA-256{' '}
                <span className="mono" title={batch.fileSha256}>
                  {batch.fileSha256.slice(0, 12)}…
                </span>
              </div>
              {batch.warnings.length > 0 && (
                <details>
                  <summary>{plural(batch.warnings.length, 'warning')}</summary>
                  <ul>
                    {batch.warnings.slice(0, 200).map((w, i) => (
                      <li key={i}>
                        <span className="mono">{w.record}</span>: {w.message}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {confirm && (
        <ConfirmDialog
          title={`Undo ${confirm.batch.fileName}?`}
          danger
          confirmLabel="Undo import"
          message={
            <p>
              {plural(confirm.check.deletes, 'asset')} it added will be removed and{' '}
              {confirm.check.restores.toLocaleString('en')} it changed put back as they were.
              {confirm.check.edited > 0 &&
                ` ${confirm.check.edited.toLocaleString('en')} of them were edited by hand since; those edits will be lost.`}
            </p>
          }
          onCancel={() => setConfirm(null)}
          onConfirm={() => undo(confirm.batch)}
        />
      )}
    </Modal>
  );
}
