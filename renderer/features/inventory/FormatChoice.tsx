import { formatLabel, INVENTORY_FORMATS, type InventoryFormat } from '../../../shared/importers';
import type { ParseSummary } from '../../workers/inventory-import.worker';

/** The format to read the file as (the detected one unless chosen), and what was detected. */
export function FormatChoice({
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
