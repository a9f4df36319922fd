import { FR_IDS } from './common';
import type { SecurityLevelTarget } from './zone';

/** The SL-T as seven numbers FR1..FR7; null when no base level is set and no override fills the FR. */
export function sltVector(slt: SecurityLevelTarget): (number | null)[] {
  return FR_IDS.map((fr) => slt.overrides[fr] ?? slt.base);
}

/** True when every FR has a level. */
export function hasSlt(slt: SecurityLevelTarget): boolean {
  return sltVector(slt).every((level) => level !== null);
}

/**
 * The one way a level vector is written: "SL-T {2,2,3,1,2,2,2}", the label and the seven levels in
 * FR order, with "–" for an FR that has no level (an SL-T not set), never a 0 that reads as chosen.
 */
export function formatLevels(label: string, levels: readonly (number | null)[]): string {
  return `${label} {${levels.map((level) => (level === null ? '–' : String(level))).join(',')}}`;
}

/** A zone's SL-T as set: "SL-T {2,2,3,1,2,2,2}", "–" where no level is set. */
export function formatSlt(slt: SecurityLevelTarget): string {
  return formatLevels('SL-T', sltVector(slt));
}
