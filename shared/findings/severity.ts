import { SEVERITIES, type Severity } from '../model/findings';

/** 0 for critical … 4 for info: lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The more severe of the given severities (info when none). */
export function maxSeverity(...severities: Severity[]): Severity {
  let best: Severity = 'info';
  for (const severity of severities) if (severityRank(severity) < severityRank(best)) best = severity;
  return best;
}

/** Moves a severity `steps` levels towards critical (negative: towards info), clamped. */
export function shiftSeverity(severity: Severity, steps: number): Severity {
  const index = Math.min(SEVERITIES.length - 1, Math.max(0, severityRank(severity) - steps));
  return SEVERITIES[index]!;
}

/**
 * Severity of a risk scored likelihood × impact on 1..5 scales (1..25). The bands follow the usual
 * 5×5 heat map: 16 and above is critical, 10–15 high, 5–9 medium, 3–4 low, below that info.
 */
export function severityFromRisk(likelihood: number, impact: number): Severity {
  const score = likelihood * impact;
  if (score >= 16) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  if (score >= 3) return 'low';
  return 'info';
}

/** The same bands as severityFromRisk, for a score that is not a plain product of two integers. */
export function severityFromScore(score: number): Severity {
  if (score >= 16) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  if (score >= 3) return 'low';
  return 'info';
}
