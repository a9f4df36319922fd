import { SEVERITIES, VULNERABILITY_DECISION_LABELS, VULNERABILITY_DECISIONS } from '../../../shared/model';
import { CONFIDENCE_LABELS, type Filter } from './filters';

/**
 * Search, severity, KEV, decision and confidence filters of the workspace. Each select names its
 * filter in its first option ("All severities"), as the Findings filters do, so they fit one row.
 */
export function FilterBar({ filter, onChange }: { filter: Filter; onChange: (next: Filter) => void }) {
  return (
    <>
      <input
        type="search"
        className="input vulnerability-search"
        aria-label="Search advisories, CVEs and assets"
        placeholder="Advisory, CVE, asset…"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <select
        className="select"
        aria-label="Severity"
        value={filter.severity}
        onChange={(e) => onChange({ ...filter, severity: e.target.value as Filter['severity'] })}
      >
        <option value="all">All severities</option>
        {SEVERITIES.slice(0, 4).map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label className="vulnerability-kev">
        <input
          type="checkbox"
          checked={filter.kev === 'kev'}
          onChange={(e) => onChange({ ...filter, kev: e.target.checked ? 'kev' : 'all' })}
        />{' '}
        KEV only
      </label>
      <select
        className="select"
        aria-label="Decision"
        value={filter.decision}
        onChange={(e) => onChange({ ...filter, decision: e.target.value as Filter['decision'] })}
      >
        <option value="all">Any decision</option>
        <option value="undecided">Not decided</option>
        {VULNERABILITY_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {VULNERABILITY_DECISION_LABELS[d]}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Confidence"
        value={filter.confidence}
        onChange={(e) => onChange({ ...filter, confidence: e.target.value as Filter['confidence'] })}
      >
        <option value="all">Any confidence</option>
        {Object.entries(CONFIDENCE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}
