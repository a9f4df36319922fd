/**
 * An advisory pack the assessor imported (packs are not per assessment: one plant floor laptop,
 * one set of advisories). The index is stored encoded (shared/advisories/index-file.ts).
 */
export interface StoredAdvisoryPack {
  id: string;
  name: string;
  importedAt: string;
  from: string | null;
  to: string | null;
  advisories: number;
  files: number;
  verified: number;
  superseded: number;
  problems: Array<{ file: string; message: string }>;
  sha256: string;
  index: Uint8Array;
}
