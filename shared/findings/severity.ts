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
 * The severity bands on a 1..25 score (consequence × exposure, or likelihood × impact on a 5×5
 * matrix). Critical is kept for what is both high at stake and highly exposed: 20 and above, so
 * 4×5 or 5×4 (a 4×4 is high). A senior assessor expects only a few criticals in a report.
 */
export const SEVERITY_BANDS: readonly { severity: Severity; from: number }[] = [
  { severity: 'critical', from: 20 },
  { severity: 'high', from: 12 },
  { severity: 'medium', from: 6 },
  { severity: 'low', from: 3 },
];

/** The band a score falls in: 20+ critical, 12–19 high, 6–11 medium, 3–5 low, below that info. */
export function severityFromScore(score: number): Severity {
  return SEVERITY_BANDS.find((band) => score >= band.from)?.severity ?? 'info';
}

/** Severity of a risk scored likelihood × impact on 1..5 scales, in the same bands. */
export function severityFromRisk(likelihood: number, impact: number): Severity {
  return severityFromScore(likelihood * impact);
}
