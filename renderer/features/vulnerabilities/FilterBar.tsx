import { SEVERITIES, VULNERABILITY_DECISION_LABELS, VULNERABILITY_DECISIONS } from '../../../shared/model';
import { CONFIDENCE_LABELS, type Filter } from './filters';

/** Search, severity, KEV, decision and confidence filters of the workspace. */
export function FilterBar({ filter, onChange }: { filter: Filter; onChange: (next: Filter) => void }) {
  return (
    <>
      <input
        type="search"
        className="vulnerability-search"
        aria-label="Search advisories, CVEs and assets"
        placeholder="Advisory, CVE, asset…"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <label>
        Severity{' '}
        <select
          value={filter.severity}
          onChange={(e) => onChange({ ...filter, severity: e.target.value as Filter['severity'] })}
        >
          <option value="all">All</option>
          {SEVERITIES.slice(0, 4).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.kev === 'kev'}
          onChange={(e) => onChange({ ...filter, kev: e.target.checked ? 'kev' : 'all' })}
        />{' '}
        KEV only
      </label>
      <label>
        Decision{' '}
        <select
          value={filter.decision}
          onChange={(e) => onChange({ ...filter, decision: e.target.value as Filter['decision'] })}
        >
          <option value="all">All</option>
          <option value="undecided">Not decided</option>
          {VULNERABILITY_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {VULNERABILITY_DECISION_LABELS[d]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Confidence{' '}
        <select
          value={filter.confidence}
          onChange={(e) => onChange({ ...filter, confidence: e.target.value as Filter['confidence'] })}
        >
          <option value="all">All</option>
          {Object.entries(CONFIDENCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
