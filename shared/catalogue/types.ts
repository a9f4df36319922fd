import type { FrId } from '../model/common';

/** A security level (SL 0..4); 0 means "no level" (target unset, or nothing achieved). */
export type SecurityLevel = 0 | 1 | 2 | 3 | 4;
/** A level at which a catalogue item can first be required. */
export type RequiredLevel = 1 | 2 | 3 | 4;

/** One foundational requirement: id (FR1..FR7), short name (IAC..RA) and full name. */
export interface FoundationalRequirement {
  id: FrId;
  short: string;
  name: string;
}

/** One system requirement (SR) or requirement enhancement (RE) of IEC 62443-3-3. */
export interface CatalogueItem {
  /** "SR 1.1" for an SR, "SR 1.1 RE 1" for an RE: the `Answer.itemId` of answers to this item. */
  id: string;
  fr: FrId;
  /** The SR id, e.g. "SR 1.1" (for an RE, the SR it enhances). */
  sr: string;
  /** The RE id, e.g. "RE 1"; null for an SR. */
  re: string | null;
  /** Short title (a fact, not the standard's requirement text). */
  title: string;
  /** Lowest SL at which the item is required; required at every level above too. */
  minLevel: RequiredLevel;
  /** Where sources disagree about the row, what was chosen; empty otherwise. */
  note: string;
}

/** A versioned catalogue: everything the security-level logic needs. */
export interface Catalogue {
  version: string;
  frs: readonly FoundationalRequirement[];
  items: readonly CatalogueItem[];
}
