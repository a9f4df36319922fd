import { excerptList } from '../../text/excerpt';
import { emitAsset } from '../build';
import { isRecord } from '../json-input';
import {
  applyMapping,
  flattenRecord,
  mappingIdentifiesAssets,
  suggestMapping,
  type ColumnMapping,
  type MappingPreset,
} from '../mapping';
import type { RecordImporter } from '../importer';
import { ImportError } from '../types';

/** The array of objects in a document: the root, or the first (or largest) array of objects under it. */
export function findObjectArray(doc: unknown, preferredKeys: readonly string[] = []): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!isRecord(doc)) return null;
  for (const key of preferredKeys) if (Array.isArray(doc[key])) return doc[key];
  let best: unknown[] | null = null;
  for (const value of Object.values(doc)) {
    if (Array.isArray(value) && value.some(isRecord) && (!best || value.length > best.length)) best = value;
    else if (isRecord(value)) {
      const nested = findObjectArray(value);
      if (nested && (!best || nested.length > best.length)) best = nested;
    }
  }
  return best;
}

interface MappedState {
  mapping: ColumnMapping;
}

/**
 * Any CSV/TSV or JSON array of objects through a column mapping: the caller's, or one suggested from
 * the headers (with a preset of the usual names for Dragos and Tenable OT exports).
 */
export function mappedImporter(
  preset: MappingPreset,
  envelopeKeys: string[] = [],
): RecordImporter<MappedState> {
  return {
    records: (doc) => findObjectArray(doc, envelopeKeys),
    createState(ctx, headers) {
      const mapping = ctx.mapping ?? suggestMapping(headers, preset);
      if (!mappingIdentifiesAssets(mapping)) {
        throw new ImportError(
          `${ctx.fileName}: no column could be mapped to an address, a name or an id (columns: ${excerptList(headers)}); choose a mapping`,
        );
      }
      ctx.mapping = mapping;
      return { mapping };
    },
    handle(record, label, ctx, state) {
      emitAsset(ctx, label, applyMapping(flattenRecord(record), state.mapping));
    },
  };
}

export const csvImporter = mappedImporter('generic');
export const jsonImporter = mappedImporter('generic');
