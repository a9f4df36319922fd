import { matchesWords, searchWords } from '../text/search';
import {
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  SEVERITIES,
  type Finding,
  type ProgramPhase,
  type Severity,
} from '../model/findings';

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** What the Findings list shows: by severity, phase, status, and words of the title or description. */
export interface FindingFilter {
  severity: Severity | 'all';
  phase: ProgramPhase | 'all';
  status: 'open' | 'dismissed' | 'all';
  text: string;
}

export function findingMatches(finding: Finding, filter: FindingFilter): boolean {
  if (filter.severity !== 'all' && finding.severity !== filter.severity) return false;
  if (filter.phase !== 'all' && finding.phase !== filter.phase) return false;
  if (filter.status !== 'all' && finding.status !== filter.status) return false;
  return matchesWords(searchWords(filter.text), [finding.title, finding.description]);
}

export type FindingGrouping = 'none' | 'phase' | 'severity';

export interface FindingGroup {
  key: string;
  /** The section's heading; null when the list is not grouped. */
  label: string | null;
  findings: Finding[];
}

/** Sections of the list; each keeps the report order inside it, so moves stay within a section. */
export function groupFindings(findings: Finding[], grouping: FindingGrouping): FindingGroup[] {
  if (grouping === 'none' || findings.length === 0) return [{ key: 'all', label: null, findings }];
  const keys: readonly (Severity | ProgramPhase)[] = grouping === 'phase' ? PROGRAM_PHASES : SEVERITIES;
  return keys.flatMap((key) => {
    const members = findings.filter((f) => (grouping === 'phase' ? f.phase : f.severity) === key);
    const label =
      typeof key === 'number' ? `Phase ${key} · ${PROGRAM_PHASE_LABELS[key]}` : SEVERITY_LABELS[key];
    return members.length > 0 ? [{ key: String(key), label, findings: members }] : [];
  });
}

/** Where a key press moves the focus in a list. */
export type ListStep = 'next' | 'previous' | 'first' | 'last';

/** The id `step` lands on from `id` in the shown order; the ends stay where they are. */
export function steppedId(ids: readonly string[], id: string, step: ListStep): string | undefined {
  if (ids.length === 0) return undefined;
  if (step === 'first') return ids[0];
  if (step === 'last') return ids.at(-1);
  const index = ids.indexOf(id);
  if (index < 0) return ids[0];
  const next = Math.min(ids.length - 1, Math.max(0, index + (step === 'next' ? 1 : -1)));
  return ids[next];
}

/** The set with `id` added, or taken out when it was in (a new set: React state stays immutable). */
export function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
