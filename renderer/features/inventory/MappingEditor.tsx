import {
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

/** Which asset field each column of a generic file fills, with saved mappings to load or save. */
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
  return (
    <fieldset className="mapping-editor" disabled={disabled}>
      <legend>Column mapping</legend>
      <MappingPresets
        presets={presets}
        presetName={presetName}
        onPresetName={onPresetName}
        onLoad={onChange}
        onSave={onSavePreset}
      />
      <MappingTable summary={summary} mapping={mapping} onChange={onChange} />
    </fieldset>
  );
}

function MappingPresets({
  presets,
  presetName,
  onPresetName,
  onLoad,
  onSave,
}: {
  presets: SavedMapping[];
  presetName: string;
  onPresetName: (name: string) => void;
  onLoad: (mapping: ColumnMapping) => void;
  onSave: () => void;
}) {
  return (
    <div className="toolbar">
      <select
        className="select"
        aria-label="Load a saved mapping"
        value=""
        onChange={(e) => {
          const preset = presets.find((p) => p.name === e.target.value);
          if (preset && validateMapping(preset.mapping).length === 0) onLoad(preset.mapping as ColumnMapping);
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
      <button type="button" className="button" disabled={!presetName.trim()} onClick={onSave}>
        Save mapping
      </button>
    </div>
  );
}

/** A row per column of the file (the first 300): its name, its first value and the field it fills. */
function MappingTable({
  summary,
  mapping,
  onChange,
}: {
  summary: ParseSummary;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const headers = summary.preview.headers.slice(0, 300);
  const first = summary.preview.rows[0] ?? {};
  return (
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
  );
}
