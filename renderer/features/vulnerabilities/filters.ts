import { mitigationText, severityFromCvss, type MitigationTargets } from '../../../shared/findings';
import {
  VULNERABILITY_DECISION_LABELS,
  type Severity,
  type Vulnerability,
  type VulnerabilityDecision,
} from '../../../shared/model';
import { matchesWords, searchWords } from '../../../shared/text/search';
import { formatDate } from '../../ui/format';

export type View = 'advisory' | 'asset' | 'zone';

export interface Filter {
  severity: Severity | 'all';
  kev: 'all' | 'kev';
  decision: VulnerabilityDecision | 'undecided' | 'all';
  confidence: Vulnerability['confidence'] | 'all';
  /** Words to find in the advisory id, title, CVEs or asset name (accents and case ignored). */
  text: string;
}

export const NO_FILTER: Filter = {
  severity: 'all',
  kev: 'all',
  decision: 'all',
  confidence: 'all',
  text: '',
};

/** The filter a link asked for (the Overview's "need a decision" opens on the undecided ones). */
export function filterFromIntent(intent: Readonly<Record<string, string>>): Filter {
  return intent.decision === 'undecided' ? { ...NO_FILTER, decision: 'undecided' } : NO_FILTER;
}

export function passes(v: Vulnerability, f: Filter, assetName: string | null = null): boolean {
  if (f.text.trim() && !matchesWords(searchWords(f.text), [v.advisoryId, v.title, ...v.cves, assetName]))
    return false;
  if (f.severity !== 'all' && severityFromCvss(v.cvss) !== f.severity) return false;
  if (f.kev === 'kev' && !v.kev) return false;
  if (f.decision === 'undecided' && v.decision !== null) return false;
  if (f.decision !== 'all' && f.decision !== 'undecided' && v.decision !== f.decision) return false;
  return f.confidence === 'all' || v.confidence === f.confidence;
}

export function decisionText(v: Vulnerability, targets: MitigationTargets): string {
  if (!v.decision) return 'Not decided';
  if (v.decision === 'accept' && v.acceptance) {
    return `Accepted: ${v.acceptance.reason} (${v.acceptance.owner}, review ${formatDate(v.acceptance.reviewDate)})`;
  }
  if (v.decision === 'mitigate' && v.mitigation) return `Mitigated: ${mitigationText(v.mitigation, targets)}`;
  return VULNERABILITY_DECISION_LABELS[v.decision];
}

export const CONFIDENCE_LABELS: Record<Vulnerability['confidence'], string> = {
  'version-in-range': 'Version in range',
  'version-unknown': 'Version unknown',
  'name-only': 'Name only',
};
