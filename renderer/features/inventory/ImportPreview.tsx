import {
  describeOutcome,
  MAPPING_TARGETS,
  MAPPING_TARGET_LABELS,
  mappingTargetOf,
  validateMapping,
  withMappingTarget,
  type ColumnMapping,
  type MappingTarget,
} from '../../../shared/importers';
import type { SavedMapping } from '../../db/inventory';
import type { ParseSummary } from '../../workers/inventory-import.worker';

/** The counts of the preview, from the same merge the write will run: what will come in, and how. */
export function ImportCounts({ summary }: { summary: ParseSummary }) {
  const text = describeOutcome(summary.fileName, summary.predicted, 'preview');
  return (
    <>
      <p data-testid="import-counts">
        {[
          `${summary.records.toLocaleString('en')} records`,
          ...text.lines.filter((line) => !line.endsWith('skipped')),
          `${summary.skipped.toLocaleString('en')} malformed`,
          `${summary.warningCount.toLocaleString('en')} warnings`,
        ].join(' · ')}
      </p>
      {text.changesNothing && (
        <p className="import-nothing" role="status" data-testid="import-nothing">
          {text.headline}
        </p>
      )}
    </>
  );
}

/** The parser's warnings (open when records would be skipped). */
export function ImportWarnings({ summary }: { summary: ParseSummary }) {
  if (summary.warnings.length === 0) return null;
  return (
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
  );
}

export function MappingEditor({
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

export function PreviewRows({ summary }: { summary: ParseSummary }) {
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
