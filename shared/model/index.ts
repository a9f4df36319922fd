export * from './common';
export * from './assessment';
export * from './document-control';
export * from './zone';
export * from './conduit';
export * from './inventory';
export * from './answers';
export * from './connections';
export * from './triage-rule';
export * from './findings';
export * from './evidence';
export * from './vulnerabilities';
export * from './assessment-file';
export { aliasRecordSchema, parseAliasList, AliasListError } from './aliases';
export * from './factories';
export * from './version';
export { encodeBase64, decodeBase64 } from './base64';
export { sha256Hex, toHex } from './hash';
export * from './remap';
export * from './slt';
export { findExcessiveJsonNesting, excessiveNestingMessage, MAX_JSON_DEPTH } from './json-depth';
export { escapeControlCharacters } from './escape-control';
export { issueInWords, fieldMessages, issuesInWords } from './issue-words';
export {
  lookUpAsset,
  assetLookupMessage,
  assetPickerLabel,
  assetsMatchingQuery,
  type AssetLookup,
} from './asset-lookup';
export {
  assetOrigin,
  countOrigins,
  ASSET_ORIGIN_LABELS,
  TRAFFIC_FORMATS,
  type AssetOrigin,
} from './asset-origin';
export { withoutDanglingReferences } from './dangling';
