/**
 * Vulnerability advisories, offline (pure: runs in a worker, the renderer, Node and the CLI).
 *
 *   const pack = readPack(unpackArchive(name, bytes));          // or readPack(folderFiles)
 *   const index = { source, from: pack.from, to: pack.to, advisories: pack.advisories };
 *   const bytes = encodeIndex(index);  decodeIndex(bytes);       // the shipped/stored form
 *   const kev = readKev(text, fileName);
 *   const matcher = new AdvisoryMatcher(index.advisories, new Set(kev.entries.keys()));
 *   matcher.match({ vendor, model, firmware });                 // AdvisoryMatch[]
 */
export * from './types';
export { readCsaf, CsafError, compareRevisions } from './csaf';
export { readPack, unpackArchive, PackError, type PackFile, type ReadPackOptions } from './pack';
export { readKev, KevError, type KevCatalog, type KevEntry } from './kev';
export { buildIndexFromArchive } from './build-index';
export {
  matchAssets,
  matchAssetsCompact,
  expandMatches,
  compactBuffers,
  distinctAssets,
  sliceKeys,
  matchKeys,
  keyMatchBuffers,
  assembleMatches,
  type AssetKeys,
  type DistinctAssets,
  type KeyMatches,
  type CompactMatches,
  type MatchRunOptions,
} from './run-matching';
export { reconcileVulnerabilities, matchableOf, type ReconcileResult } from './decisions';
export {
  encodeIndex,
  decodeIndex,
  IndexError,
  INDEX_FORMAT,
  INDEX_VERSION,
  type AdvisoryIndex,
} from './index-file';
export {
  AdvisoryMatcher,
  productPath,
  MATCH_CONFIDENCES,
  MATCH_STATUSES,
  type AdvisoryMatch,
  type MatchableAsset,
  type MatchConfidence,
  type MatchStatus,
} from './match';
export { parseVersion, compareVersions, type Version } from './version';
export { parseRange, rangeContains, type VersionRange, type Constraint, type RangeAnswer } from './range';
export { tokenizeProduct, matchProduct, type ProductTokens, type ProductMatch } from './product';
export { FAMILY_WORDS } from './family-words';
export {
  VENDOR_ALIASES,
  canonicalVendor,
  canonicalVendors,
  vendorInText,
  vendorKey,
} from '../vendors/vendor-aliases';
export { mergeIndexes } from './merge-packs';
export { MatcherCache, type MatcherSources } from './matcher-cache';
