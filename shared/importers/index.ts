export * from './types';
export { decodeText, decodePrefix, type DecodedText, type TextEncodingName } from './decode';
export { parseDelimited, detectDelimiter, detectNewline, DELIMITERS, type Delimiter } from './delimited';
export {
  isUnknown,
  stripFormulaGuard,
  cleanText,
  splitMulti,
  parseTime,
  normalizeMac,
  normalizeIp,
  parseAddress,
  parsePurdue,
  parseCriticality,
  isSharedIp,
  isSharedMac,
  type ParsedAddress,
} from './values';
export {
  MAPPING_TARGETS,
  MAPPING_PRESETS,
  suggestMapping,
  applyMapping,
  validateMapping,
  headerKey,
  type ColumnMapping,
  type MappingTarget,
  type MappingPreset,
} from './mapping';
export { detectFormat, type DetectedFormat } from './detect';
export {
  parseInventory,
  type InventoryFile,
  type ParseInventoryOptions,
  type ParseInventoryResult,
} from './parse-inventory';
export {
  mergeIntoInventory,
  undoBatch,
  makeImportBatch,
  applyMerge,
  applyUndo,
  type BatchContext,
  type BatchUndo,
  type MergeResult,
  type MergeCounts,
  type UndoPlan,
} from './merge';
export { parseXml, XmlError, type XmlElement } from './xml';
