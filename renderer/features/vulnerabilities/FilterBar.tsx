import { SEVERITIES, VULNERABILITY_DECISION_LABELS, VULNERABILITY_DECISIONS } from '../../../shared/model';
import { FilterSelect } from '../../ui/FilterSelect';
import { CONFIDENCE_LABELS, type Filter } from './filters';

const SEVERITY_OPTIONS = SEVERITIES.slice(0, 4).map((s) => ({ value: s, label: s }));
const DECISION_OPTIONS = [
  { value: 'undecided' as const, label: 'Not decided' },
  ...VULNERABILITY_DECISIONS.map((d) => ({ value: d, label: VULNERABILITY_DECISION_LABELS[d] })),
];
const CONFIDENCE_OPTIONS = Object.entries(CONFIDENCE_LABELS).map(([value, label]) => ({
  value: value as Filter['confidence'],
  label,
}));

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
      <FilterSelect<Filter['severity']>
        label="Severity"
        value={filter.severity}
        any={{ value: 'all', label: 'All severities' }}
        options={SEVERITY_OPTIONS}
        onChange={(severity) => onChange({ ...filter, severity })}
      />
      <label className="vulnerability-kev">
        <input
          type="checkbox"
          checked={filter.kev === 'kev'}
          onChange={(e) => onChange({ ...filter, kev: e.target.checked ? 'kev' : 'all' })}
        />{' '}
        KEV only
      </label>
      <FilterSelect<Filter['decision']>
        label="Decision"
        value={filter.decision}
        any={{ value: 'all', label: 'Any decision' }}
        options={DECISION_OPTIONS}
        onChange={(decision) => onChange({ ...filter, decision })}
      />
      <FilterSelect<Filter['confidence']>
        label="Confidence"
        value={filter.confidence}
        any={{ value: 'all', label: 'Any confidence' }}
        options={CONFIDENCE_OPTIONS}
        onChange={(confidence) => onChange({ ...filter, confidence })}
      />
    </>
  );
}
