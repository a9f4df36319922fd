import { useEffect, useRef, useState } from 'react';
import {
  formatLabel,
  INVENTORY_FORMATS,
  MAPPING_TARGETS,
  MAPPING_TARGET_LABELS,
  mappingTargetOf,
  validateMapping,
  withMappingTarget,
  type ColumnMapping,
  type InventoryFormat,
  type MappingTarget,
} from '../../../shared/importers';
import { listMappingPresets, saveMappingPreset, type SavedMapping } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { isCancelled, WorkerError } from '../../workers/channel';
import type { ParseSummary } from '../../workers/inventory-import.worker';
import { ImportSession, type CommittedImport, type SessionProgress } from './import-session';

export const IMPORT_MARKS = {
  parseStart: 'conduit:import-parse-start',
  parsed: 'conduit:import-parsed',
  commitStart: 'conduit:import-commit-start',
  committed: 'conduit:import-committed',
} as const;

export interface PendingFile {
  id: string;
  name: string;
  /** A File from a drop or the file input, or a Blob of picked bytes: the worker reads it. */
  blob: Blob;
}

type Stage = 'parsing' | 'preview' | 'writing' | 'failed';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The import of one file: progress while the worker reads it, then a preview (format, mapping,
 * first rows, counts, warnings) before anything is written, then the write in one transaction.
 */
export function ImportDialog({
  file,
  assessmentId,
  onDone,
}: {
  file: PendingFile;
  assessmentId: string;
  onDone: (result: CommittedImport | null) => void;
}) {
  const session = useRef<ImportSession | null>(null);
  const [stage, setStage] = useState<Stage>('parsing');
  const [progress, setProgress] = useState<SessionProgress | null>(null);
  const [summary, setSummary] = useState<ParseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<InventoryFormat | ''>('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [acceptSkipped, setAcceptSkipped] = useState(false);
  const [presets, setPresets] = useState<SavedMapping[]>([]);
  const [presetName, setPresetName] = useState('');

  async function parse(nextFormat: InventoryFormat | '', nextMapping: ColumnMapping | null) {
    const current = session.current;
    if (!current) return;
    setStage('parsing');
    setError(null);
    setProgress(null);
    setAcceptSkipped(false);
    performance.mark(IMPORT_MARKS.parseStart);
    try {
      const result = await current.parse(nextFormat || undefined, nextMapping ?? undefined);
      performance.mark(IMPORT_MARKS.parsed);
      setSummary(result);
      setMapping(result.preview.mapping);
      setStage('preview');
    } catch (e) {
      if (isCancelled(e)) return;
      const message = (e as Error).message;
      setError(message);
      setStage('failed');
      notify('error', `${file.name} was not imported`, [message, 'Nothing was changed.']);
    }
  }

  useEffect(() => {
    const created = new ImportSession(file.name, file.blob, setProgress);
    session.current = created;
    void parse('', null);
    void listMappingPresets().then(setPresets);
    return () => created.close();
    // One session per file; parse is stable enough for the first run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  async function commit() {
    const current = session.current;
    if (!current || !summary) return;
    setStage('writing');
    performance.mark(IMPORT_MARKS.commitStart);
    try {
      const result = await trackSave(current.commit(assessmentId, acceptSkipped));
      performance.mark(IMPORT_MARKS.committed);
      current.close();
      onDone(result);
    } catch (e) {
      if (isCancelled(e)) return;
      const message = (e as Error).message;
      setError(message);
      setStage(e instanceof WorkerError && e.kind === 'refused' ? 'failed' : 'preview');
      notify('error', `${file.name} was not imported`, [message, 'Nothing was changed.']);
    }
  }

  function cancel() {
    session.current?.cancel();
    onDone(null);
  }

  const busy = stage === 'parsing' || stage === 'writing';
  const mapped = summary?.preview.mapping !== null && summary !== null;
  const canImport =
    stage === 'preview' &&
    summary !== null &&
    summary.assets + summary.flows > 0 &&
    (summary.skipped === 0 || acceptSkipped);

  return (
    <Modal title={`Import ${file.name}`} onClose={cancel} wide>
      <div className="import-dialog">
        {busy && (
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
        )}

        {error && (
          <div className="import-error" role="alert">
            <strong>The file was not imported.</strong> {error} Nothing was changed.
          </div>
        )}

        <div className="toolbar">
          <label className="field-inline">
            Format
            <select
              className="select"
              aria-label="Format"
              value={format}
              disabled={busy}
              onChange={(e) => {
                const next = e.target.value as InventoryFormat | '';
                setFormat(next);
                void parse(next, null);
              }}
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

        {summary && (
          <>
            <p data-testid="import-counts">
              {summary.records.toLocaleString('en')} records · {summary.assets.toLocaleString('en')} assets ·{' '}
              {summary.flows.toLocaleString('en')} connections · {summary.skipped.toLocaleString('en')}{' '}
              malformed · {summary.warningCount.toLocaleString('en')} warnings
            </p>
            {mapped && mapping && (
              <MappingEditor
                summary={summary}
                mapping={mapping}
                disabled={busy}
                presets={presets}
                presetName={presetName}
                onPresetName={setPresetName}
                onChange={(next) => {
                  setMapping(next);
                  void parse(format, next);
                }}
                onSavePreset={async () => {
                  try {
                    await trackSave(saveMappingPreset(presetName, mapping));
                    setPresets(await listMappingPresets());
                    notify('success', `Saved the mapping as “${presetName.trim()}”`);
                  } catch (e) {
                    notify('error', `Could not save the preset: ${(e as Error).message}`);
                  }
                }}
              />
            )}
            <PreviewRows summary={summary} />
            {summary.warnings.length > 0 && (
              <details className="import-warnings" open={summary.skipped > 0}>
                <summary>
                  {summary.warningCount.toLocaleString('en')} warning{summary.warningCount === 1 ? '' : 's'}
                </summary>
                <ul aria-label="Warnings">
                  {summary.warnings.slice(0, 200).map((w, i) => (
                    <li key={i}>
                      <span className="mono">{w.record}</span>: {w.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
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
          <button type="button" className="button" onClick={cancel}>
            {stage === 'failed' ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!canImport}
            onClick={() => void commit()}
          >
            Import
          </button>
        </div>
      </div>
    </Modal>
  );
}

function MappingEditor({
  summary,
  mapping,
  disabled,
  presets,
  presetName,
  onPresetName,
  onChange,
  onSavePreset,
}: {
  summary: ParseSummary;
  mapping: ColumnMapping;
  disabled: boolean;
  presets: SavedMapping[];
  presetName: string;
  onPresetName: (name: string) => void;
  onChange: (mapping: ColumnMapping) => void;
  onSavePreset: () => void;
}) {
  const headers = summary.preview.headers.slice(0, 300);
  const first = summary.preview.rows[0] ?? {};
  return (
    <fieldset className="mapping-editor" disabled={disabled}>
      <legend>Column mapping</legend>
      <div className="toolbar">
        <select
          className="select"
          aria-label="Load a saved mapping"
          value=""
          onChange={(e) => {
            const preset = presets.find((p) => p.name === e.target.value);
            if (preset && validateMapping(preset.mapping).length === 0)
              onChange(preset.mapping as ColumnMapping);
          }}
        >
          <option value="">Load a saved mapping…</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        <input
          className="input"
          aria-label="Preset name"
          placeholder="Preset name"
          value={presetName}
          onChange={(e) => onPresetName(e.target.value)}
          style={{ maxWidth: 200 }}
        />
        <button type="button" className="button" disabled={!presetName.trim()} onClick={onSavePreset}>
          Save mapping
        </button>
      </div>
      <div className="mapping-scroll">
        <table className="mapping-table">
          <thead>
            <tr>
              <th>Column</th>
              <th>First value</th>
              <th>Asset field</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((header) => (
              <tr key={header}>
                <td className="mono">{header}</td>
                <td className="mapping-sample">{first[header] ?? ''}</td>
                <td>
                  <select
                    className="select"
                    aria-label={`Field for column ${header}`}
                    value={mappingTargetOf(mapping, header)}
                    onChange={(e) =>
                      onChange(withMappingTarget(mapping, header, e.target.value as MappingTarget | ''))
                    }
                  >
                    <option value="">(ignore)</option>
                    {MAPPING_TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {MAPPING_TARGET_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function PreviewRows({ summary }: { summary: ParseSummary }) {
  const headers = summary.preview.headers.slice(0, 12);
  const rows = summary.preview.rows.slice(0, 8);
  if (headers.length === 0 || rows.length === 0) return null;
  return (
    <div className="preview-scroll">
      <table className="preview-table" aria-label="First records">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {headers.map((h) => (
                <td key={h}>{row[h] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
