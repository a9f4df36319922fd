import { Modal } from '../../ui/Modal';
import type { ParseSummary } from '../../workers/inventory-import.worker';
import { FormatChoice } from './FormatChoice';
import { closeButtonLabel } from './import-dialog-state';
import type { FileResult } from './import-results';
import type { SessionProgress } from './import-session';
import { ImportCounts, ImportWarnings, PreviewRows } from './ImportPreview';
import { MappingEditor } from './MappingEditor';
import { useImportDialog, type ImportDialogModel, type PendingFile } from './use-import-dialog';
import type { Stage } from './use-import-session';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ImportProgress({
  stage,
  progress,
  summary,
}: {
  stage: Stage;
  progress: SessionProgress | null;
  summary: ParseSummary | null;
}) {
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress
        max={progress?.totalBytes || 1}
        value={stage === 'writing' ? undefined : (progress?.bytes ?? 0)}
        aria-label={stage === 'writing' ? 'Writing' : 'Reading the file'}
      />
      <span>
        {stage === 'writing'
          ? `Writing ${summary?.assets.toLocaleString('en') ?? ''} records…`
          : progress
            ? `${megabytes(progress.bytes)} of ${megabytes(progress.totalBytes)} · ${progress.records.toLocaleString('en')} records`
            : 'Reading…'}
      </span>
    </div>
  );
}

/** The consent the import needs when the parser skipped malformed records. */
function AcceptSkipped({
  skipped,
  checked,
  disabled,
  onChange,
}: {
  skipped: number;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="import-accept">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      Skip the {skipped.toLocaleString('en')} malformed record
      {skipped === 1 ? '' : 's'} listed above and import the rest
    </label>
  );
}

/** The preview of a read file: what it will do, its column mapping, first rows and warnings. */
function ImportPreviewSection({ dialog, summary }: { dialog: ImportDialogModel; summary: ParseSummary }) {
  const mapping = summary.preview.mapping;
  const { presets } = dialog;
  return (
    <>
      <ImportCounts summary={summary} />
      {mapping && (
        <MappingEditor
          summary={summary}
          mapping={mapping}
          disabled={dialog.busy}
          presets={presets.presets}
          presetName={presets.presetName}
          onPresetName={presets.setPresetName}
          onChange={dialog.remap}
          onSavePreset={() => void presets.save(mapping)}
        />
      )}
      <PreviewRows summary={summary} />
      <ImportWarnings summary={summary} />
      {summary.skipped > 0 && (
        <AcceptSkipped
          skipped={summary.skipped}
          checked={dialog.acceptSkipped}
          disabled={dialog.busy}
          onChange={dialog.setAcceptSkipped}
        />
      )}
    </>
  );
}

/**
 * The import of one file: progress while the worker reads it, then a preview (format, mapping,
 * first rows, the counts the write will give, warnings) before anything is written, then the
 * write in one transaction. In a queue it says which file of how many this is.
 */
export function ImportDialog({
  file,
  assessmentId,
  position,
  onDone,
}: {
  file: PendingFile;
  assessmentId: string;
  /** Where this file is in the queue (1-based), when there are several. */
  position?: { index: number; total: number };
  onDone: (result: FileResult) => void;
}) {
  const dialog = useImportDialog(file, assessmentId, position, onDone);
  const { stage, summary, error } = dialog;
  return (
    <Modal title={`Import ${file.name}`} onClose={dialog.close} wide>
      <div className="import-dialog">
        {position && position.total > 1 && (
          <p className="import-position" data-testid="import-position">
            File {position.index} of {position.total}
          </p>
        )}
        {dialog.busy && <ImportProgress stage={stage} progress={dialog.progress} summary={summary} />}
        {error && (
          <div className="import-error" role="alert">
            <strong>The file was not imported.</strong> {error} Nothing was changed.
          </div>
        )}
        <FormatChoice
          format={dialog.format}
          summary={summary}
          disabled={dialog.busy}
          onChange={dialog.chooseFormat}
        />
        {summary && <ImportPreviewSection dialog={dialog} summary={summary} />}
        <div className="modal-actions">
          <button type="button" className="button" onClick={dialog.close}>
            {closeButtonLabel(stage, dialog)}
          </button>
          {!dialog.nothingToDo && (
            <button
              type="button"
              className="button button-primary"
              disabled={!dialog.canImport}
              onClick={() => void dialog.importIt()}
            >
              Import
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
