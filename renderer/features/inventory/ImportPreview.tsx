import { describeOutcome, type ImportWarning } from '../../../shared/importers';
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

/** The first 200 warnings of an import, each with the record it is about. */
export function WarningList({ warnings, label }: { warnings: readonly ImportWarning[]; label?: string }) {
  return (
    <ul aria-label={label}>
      {warnings.slice(0, 200).map((w, i) => (
        <li key={i}>
          <span className="mono">{w.record}</span>: {w.message}
        </li>
      ))}
    </ul>
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
      <WarningList warnings={summary.warnings} label="Warnings" />
    </details>
  );
}

/** The first records of the file, as read. */
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
