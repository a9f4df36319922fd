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

/** "SL-T {2,2,3,1,2,2,2}", with "–" for an FR that has no level. */
export function formatSlt(slt: SecurityLevelTarget): string {
  return `SL-T {${sltVector(slt)
    .map((level) => (level === null ? '–' : String(level)))
    .join(',')}}`;
}
