/**
 * Sensor inventory import, pure (runs in a Web Worker, the renderer, Node and the CLI).
 *
 *   const parsed = await parseInventory({ name, bytes }, { format, mapping, onProgress, signal });
 *   // show parsed.preview, parsed.format / parsed.detected, parsed.warnings, parsed.skipped
 *   const result = mergeIntoInventory(existingAssets, parsed, { id: batchId, assessmentId, format, fileName }, existingFlows);
 *   const batch = makeImportBatch(batchContext, { sha256, size }, parsed.records, result);
 *   // one transaction: put result.added, put result.updated[].asset, add result.flows, add batch
 *
 *   const plan = undoBatch({ assets, flows }, batch.undo as BatchUndo);
 *   // if plan.ok, one transaction: delete plan.deleteAssetIds and plan.deleteFlowIds,
 *   // put plan.restoreAssets, delete the batch record
 */
export * from './types';
export * from './formats';
export type { SensorSource, Detection, JsonReading, CsvReading, RecordReader } from './source';
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
  MAPPING_TARGET_LABELS,
  mappingTargetOf,
  withMappingTarget,
  suggestMapping,
  applyMapping,
  validateMapping,
  headerKey,
  type ColumnMapping,
  type MappingTarget,
  type MappingPreset,
} from './mapping';
export { detectFormat, type DetectedFormat } from './detect';
export { sniffBinary, notTextMessage, type BinaryContent } from './sniff-content';
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
export { outcomeOf, describeOutcome, changesSomething, countOf, type ImportOutcome } from './outcome';
