import { IEC62443_3_3 } from './iec62443-3-3.data';
import type { Catalogue } from './types';

export * from './types';
export * from './frs';
export * from './parse-tsv';
export * from './security-levels';
export * from './guidance';
export * from './recommendations';
export * from './checklist';
export * from './zone-levels';
export { IEC62443_3_3, IEC62443_3_3_SOURCE_SHA256 } from './iec62443-3-3.data';

/** Every catalogue this build ships; assessments name theirs by version. */
export const SHIPPED_CATALOGUES: readonly Catalogue[] = [IEC62443_3_3];

/** The shipped catalogue with this version, or undefined (the caller says which version is missing). */
export function catalogueForVersion(version: string): Catalogue | undefined {
  return SHIPPED_CATALOGUES.find((catalogue) => catalogue.version === version);
}

/** The catalogue an assessment names, or the shipped one when this build lacks it (`known` says which). */
export function catalogueOf(version: string | undefined): { catalogue: Catalogue; known: boolean } {
  const found = version ? catalogueForVersion(version) : undefined;
  return { catalogue: found ?? IEC62443_3_3, known: found !== undefined };
}
export * from './attack';
export { ATTACK_ICS, ATTACK_ICS_SOURCE_SHA256 } from './attack-ics.data';
