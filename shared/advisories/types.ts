/** One CVE of an advisory. */
export interface AdvisoryCve {
  id: string;
  title: string | null;
  cvss: number | null;
  vector: string | null;
}

export const REMEDIATION_KINDS = [
  'vendor_fix',
  'mitigation',
  'workaround',
  'none_available',
  'no_fix_planned',
] as const;
export type RemediationKind = (typeof REMEDIATION_KINDS)[number];

export interface Remediation {
  kind: RemediationKind;
  text: string;
}

/**
 * One product of an advisory's product tree, flattened: the branch path that names it, the
 * version range or version text, and its status per CVE (indexes into `Advisory.cves`).
 */
export interface AdvisoryProduct {
  /** The vendor branch as the advisory spells it. */
  vendor: string;
  /** The product_name branch ("SIMATIC S7-1500 CPU family"). */
  family: string;
  /** The full product name when it says more than the branch. */
  name: string;
  /** product_version_range or product_version text; null when the tree gives none. */
  versions: string | null;
  versionKind: 'range' | 'version' | null;
  /** A component installed on a platform (CSAF relationships), by the platform's name. */
  platform: string | null;
  modelNumbers: string[];
  affected: number[];
  fixed: number[];
  notAffected: number[];
  remediations: Remediation[];
}

export interface AdvisoryRevision {
  number: string;
  date: string;
  summary: string;
}

export interface Advisory {
  /** The tracking id, e.g. "ICSA-23-222-07". */
  id: string;
  title: string;
  /** tracking.version: the revision a later file must exceed to supersede this one. */
  revision: string;
  initialRelease: string;
  currentRelease: string;
  revisions: AdvisoryRevision[];
  cves: AdvisoryCve[];
  products: AdvisoryProduct[];
}

/** A file of a pack that did not load, and why (shown to the assessor by name). */
export interface PackProblem {
  file: string;
  message: string;
}

/** The advisories a pack holds, with what it says about itself. */
export interface AdvisoryPack {
  advisories: Advisory[];
  /** Earliest initial and latest current release date (ISO dates). */
  from: string | null;
  to: string | null;
  files: number;
  /** Files whose tracking id came again in a later revision. */
  superseded: Array<{ file: string; id: string; revision: string; by: string }>;
  problems: PackProblem[];
  /** Files whose .sha512 sidecar was checked and matched. */
  verified: number;
}
