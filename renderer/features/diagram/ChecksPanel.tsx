import { memo } from 'react';
import type { ModelCheckEntry } from '../../../shared/findings';
import { modelCheckLabel } from '../../../shared/findings';

/** The live model checks; choosing an entry selects the zone or conduit it is about. */
export const ChecksPanel = memo(function ChecksPanel({
  entries,
  onPick,
}: {
  entries: readonly ModelCheckEntry[];
  onPick: (entry: ModelCheckEntry) => void;
}) {
  return (
    <section className="checks-panel" aria-label="Model checks">
      <h2>
        Model checks <span className="badge">{entries.length}</span>
      </h2>
      {entries.length === 0 ? (
        <p className="field-hint">No problems found in the model.</p>
      ) : (
        <ul className="checks-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="check-entry"
                data-severity={entry.severity}
                onClick={() => onPick(entry)}
                data-check={entry.checkId}
              >
                <span className={`badge severity-badge severity-${entry.severity}`}>{entry.severity}</span>
                <span className="check-title">{modelCheckLabel(entry.checkId)}</span>
                <span className="check-message">{entry.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
