import { useEffect, useState } from 'react';
import {
  changesSomething,
  formatLabel,
  INVENTORY_FORMATS,
  type ColumnMapping,
  type InventoryFormat,
} from '../../../shared/importers';
import { listMappingPresets, saveMappingPreset, type SavedMapping } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import type { ParseSummary } from '../../workers/inventory-import.worker';
import type { SessionProgress } from './import-session';
import type { FileResult } from './import-results';
import { ImportCounts, ImportWarnings, MappingEditor, PreviewRows } from './ImportPreview';
import { useImportSession, type Stage } from './use-import-session';

export { IMPORT_MARKS } from './use-import-session';

export interface PendingFile {
  id: string;
  name: string;
  /** A File from a drop or the file input, or a Blob of picked bytes: the worker reads it. */
  blob: Blob;
}

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

function FormatChoice({
  format,
  summary,
  disabled,
  onChange,
}: {
  format: InventoryFormat | '';
  summary: ParseSummary | null;
  disabled: boolean;
  onChange: (format: InventoryFormat | '') => void;
}) {
  return (
    <div className="toolbar">
      <label className="field-inline">
        Format
        <select
          className="select"
          aria-label="Format"
          value={format}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as InventoryFormat | '')}
        >
          <option value="">Detected{summary ? `: ${formatLabel(summary.detected.format)}` : ''}</option>
          {INVENTORY_FORMATS.map((f) => (
            <option key={f} value={f}>
              {formatLabel(f)}
            </option>
          ))}
        </select>
      </label>
      {summary && (
        <span className="import-detected" data-testid="import-detected">
          {formatLabel(summary.format)} · {summary.encoding} · {summary.detected.reason}
        </span>
      )}
    </div>
  );
}

function usePresets() {
  const [presets, setPresets] = useState<SavedMapping[]>([]);
  const [presetName, setPresetName] = useState('');
  useEffect(() => void listMappingPresets().then(setPresets), []);
  const save = async (mapping: ColumnMapping) => {
    try {
      await trackSave(saveMappingPreset(presetName, mapping));
      setPresets(await listMappingPresets());
      notify('success', `Saved the mapping as “${presetName.trim()}”`);
    } catch (e) {
      notify('error', `Could not save the preset: ${(e as Error).message}`);
    }
  };
  return { presets, presetName, setPresetName, save };
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
  const { stage, progress, summary, error, parse, commit, cancel } = useImportSession(
    file.name,
    file.blob,
    assessmentId,
  );
  const [format, setFormat] = useState<InventoryFormat | ''>('');
  const [acceptSkipped, setAcceptSkipped] = useState(false);
  const presets = usePresets();
  const reparse = (nextFormat: InventoryFormat | '', mapping: ColumnMapping | null) => {
    setAcceptSkipped(false);
    void parse(nextFormat, mapping);
  };

  const busy = stage === 'parsing' || stage === 'writing';
  const mapping = summary?.preview.mapping ?? null;
  const nothingToDo = stage === 'preview' && summary !== null && !changesSomething(summary.predicted);
  const canImport =
    stage === 'preview' && summary !== null && !nothingToDo && (summary.skipped === 0 || acceptSkipped);
  const more = position !== undefined && position.index < position.total;

  async function importIt() {
    const result = await commit(acceptSkipped);
    if (!result) return;
    onDone(
      result.batch
        ? { kind: 'imported', name: file.name, outcome: result.outcome, inventory: result.inventory }
        : { kind: 'unchanged', name: file.name, outcome: result.outcome },
    );
  }

  function close() {
    cancel();
    if (stage === 'failed' && error) onDone({ kind: 'refused', name: file.name, message: error });
    else if (nothingToDo && summary)
      onDone({ kind: 'unchanged', name: file.name, outcome: summary.predicted });
    else onDone({ kind: 'skipped', name: file.name });
  }

  return (
    <Modal title={`Import ${file.name}`} onClose={close} wide>
      <div className="import-dialog">
        {position && position.total > 1 && (
          <p className="import-position" data-testid="import-position">
            File {position.index} of {position.total}
          </p>
        )}
        {busy && <ImportProgress stage={stage} progress={progress} summary={summary} />}
        {error && (
          <div className="import-error" role="alert">
            <strong>The file was not imported.</strong> {error} Nothing was changed.
          </div>
        )}
        <FormatChoice
          format={format}
          summary={summary}
          disabled={busy}
          onChange={(next) => {
            setFormat(next);
            reparse(next, null);
          }}
        />
        {summary && (
          <>
            <ImportCounts summary={summary} />
            {mapping && (
              <MappingEditor
                summary={summary}
                mapping={mapping}
                disabled={busy}
                presets={presets.presets}
                presetName={presets.presetName}
                onPresetName={presets.setPresetName}
                onChange={(next) => reparse(format, next)}
                onSavePreset={() => void presets.save(mapping)}
              />
            )}
            <PreviewRows summary={summary} />
            <ImportWarnings summary={summary} />
            {summary.skipped > 0 && (
              <label className="import-accept">
                <input
                  type="checkbox"
                  checked={acceptSkipped}
                  disabled={busy}
                  onChange={(e) => setAcceptSkipped(e.target.checked)}
                />
                Skip the {summary.skipped.toLocaleString('en')} malformed record
                {summary.skipped === 1 ? '' : 's'} listed above and import the rest
              </label>
            )}
          </>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={close}>
            {stage === 'failed' || nothingToDo
              ? more
                ? 'Next file'
                : 'Close'
              : more
                ? 'Skip this file'
                : 'Cancel'}
          </button>
          {!nothingToDo && (
            <button
              type="button"
              className="button button-primary"
              disabled={!canImport}
              onClick={() => void importIt()}
            >
              Import
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
