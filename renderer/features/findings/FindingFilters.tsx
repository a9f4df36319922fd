import type { Ref } from 'react';
import { SEVERITY_LABELS, type FindingFilter, type FindingGrouping } from '../../../shared/findings';
import { PROGRAM_PHASE_LABELS, PROGRAM_PHASES, SEVERITIES } from '../../../shared/model';

type Options<V> = readonly (readonly [value: V, text: string])[];

const SEVERITY_OPTIONS: Options<FindingFilter['severity']> = [
  ['all', 'All severities'],
  ...SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]] as const),
];
const PHASE_OPTIONS: Options<FindingFilter['phase']> = [
  ['all', 'All phases'],
  ...PROGRAM_PHASES.map((p) => [p, `${p}. ${PROGRAM_PHASE_LABELS[p]}`] as const),
];
const GROUP_OPTIONS: Options<FindingGrouping> = [
  ['none', 'Report order'],
  ['phase', 'By phase'],
  ['severity', 'By severity'],
];
const STATUS_OPTIONS: Options<FindingFilter['status']> = [
  ['open', 'Open'],
  ['dismissed', 'Dismissed'],
  ['all', 'Open and dismissed'],
];

/** The list's search, its filters and its grouping. */
export function FindingFilters({
  filter,
  onFilter,
  group,
  onGroup,
  searchRef,
}: {
  filter: FindingFilter;
  onFilter: (filter: FindingFilter) => void;
  group: FindingGrouping;
  onGroup: (group: FindingGrouping) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  return (
    <div className="toolbar findings-filter" role="search" aria-label="Filter findings">
      <input
        ref={searchRef}
        className="input"
        type="search"
        placeholder="Search title and description"
        aria-label="Search findings"
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <OptionSelect
        label="Severity"
        options={SEVERITY_OPTIONS}
        value={filter.severity}
        onChange={(severity) => onFilter({ ...filter, severity })}
      />
      <OptionSelect
        label="Phase"
        options={PHASE_OPTIONS}
        value={filter.phase}
        onChange={(phase) => onFilter({ ...filter, phase })}
      />
      <OptionSelect label="Group by" options={GROUP_OPTIONS} value={group} onChange={onGroup} />
      <OptionSelect
        label="Status"
        options={STATUS_OPTIONS}
        value={filter.status}
        onChange={(status) => onFilter({ ...filter, status })}
      />
    </div>
  );
}

/** A select over typed values (a phase is a number, its option value a string). */
function OptionSelect<V extends string | number>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Options<V>;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <select
      className="select"
      aria-label={label}
      value={value}
      onChange={(e) => {
        const chosen = options.find(([v]) => String(v) === e.target.value);
        if (chosen) onChange(chosen[0]);
      }}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
