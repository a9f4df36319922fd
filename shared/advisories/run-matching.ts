import type { AdvisoryIndex } from './index-file';
import type { AliasEdit } from '../vendors/normalise';
import {
  AdvisoryMatcher,
  COMPARISONS,
  explainMatch,
  type AdvisoryMatch,
  type Comparison,
  type MatchableAsset,
  type Verdict,
} from './match';

export interface MatchRunOptions {
  /** Counted in distinct vendor, model and firmware keys. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; a true answer stops the run. */
  cancelled?: () => boolean;
  chunk?: number;
  /** The assessor's aliases (only the vendor ones count), over the built-in vendor table. */
  vendorAliases?: readonly AliasEdit[];
}

/**
 * A matching run as a few flat arrays, cheap to send from a worker: the structured clone of one
 * object per match (100,000 assets, each with its CVE lists and remediations) costs more than the
 * matching. Each distinct match is sent once; its "why" sentence is written by `expandMatches`.
 */
export interface CompactMatches {
  /** The distinct matches without their "why", and whether each was named by product words only. */
  table: Array<{ match: AdvisoryMatch; byName: boolean }>;
  /** Per asset, its row (assets alike in vendor, model and firmware share one); -1: no match. */
  assetRows: Int32Array;
  /** Per row, the asset whose firmware the row was matched with. */
  rowAssets: Int32Array;
  /** Row r's matches are entries[rowStarts[r] .. rowStarts[r + 1]). */
  rowStarts: Int32Array;
  /** Index into `table`. */
  entries: Int32Array;
  /** Index into COMPARISONS: how the row's firmware compares with that match's versions. */
  comparisons: Uint8Array;
}

/**
 * Assets reduced to their distinct vendor, model and firmware (a plant has hundreds of identical
 * I/O modules), as columns of string indexes: what a worker is sent instead of one object per asset.
 */
export interface AssetKeys {
  /** Each distinct text once; '' stands for none. */
  strings: string[];
  /** Per distinct key, indexes into `strings`. */
  vendor: Int32Array;
  model: Int32Array;
  firmware: Int32Array;
}

export interface DistinctAssets {
  keys: AssetKeys;
  /** Per asset, its key. */
  keyOf: Int32Array;
  /** Per key, the first asset with it (whose firmware text the "why" quotes). */
  firstAsset: Int32Array;
}

/** The assets' distinct keys, numbered in the order the assets first name them. */
export function distinctAssets(assets: readonly MatchableAsset[]): DistinctAssets {
  const strings: string[] = [];
  const stringAt = new Map<string, number>();
  const intern = (text: string | null) => {
    const value = text ?? '';
    let at = stringAt.get(value);
    if (at === undefined) {
      stringAt.set(value, (at = strings.length));
      strings.push(value);
    }
    return at;
  };
  // vendor → model → firmware: nested maps, so no joined key string is built and hashed per asset.
  const seen = new Map<number, Map<number, Map<number, number>>>();
  const vendor = new GrowingInts();
  const model = new GrowingInts();
  const firmware = new GrowingInts();
  const firstAsset = new GrowingInts();
  const keyOf = new Int32Array(assets.length);
  assets.forEach((asset, at) => {
    const v = intern(asset.vendor);
    const m = intern(asset.model);
    const f = intern(asset.firmware);
    const byFirmware = firmwareMap(seen, v, m);
    let key = byFirmware.get(f);
    if (key === undefined) {
      byFirmware.set(f, (key = firstAsset.length));
      vendor.push(v);
      model.push(m);
      firmware.push(f);
      firstAsset.push(at);
    }
    keyOf[at] = key;
  });
  return {
    keys: { strings, vendor: vendor.toInt32(), model: model.toInt32(), firmware: firmware.toInt32() },
    keyOf,
    firstAsset: firstAsset.toInt32(),
  };
}

/** Keys [from, to) of `keys`: one worker's share. */
export function sliceKeys(keys: AssetKeys, from: number, to: number): AssetKeys {
  return {
    strings: keys.strings,
    vendor: keys.vendor.slice(from, to),
    model: keys.model.slice(from, to),
    firmware: keys.firmware.slice(from, to),
  };
}

/** The matches of a run of keys: the compact result's rows, by key instead of by asset. */
export interface KeyMatches {
  table: CompactMatches['table'];
  /** Per key, its row; -1: no match. */
  rowOf: Int32Array;
  rowStarts: Int32Array;
  entries: Int32Array;
  comparisons: Uint8Array;
}

/** Matches each distinct key once, reporting progress per chunk of keys; null once cancelled. */
export function matchKeys(
  matcher: AdvisoryMatcher,
  keys: AssetKeys,
  options: Pick<MatchRunOptions, 'onProgress' | 'cancelled' | 'chunk'> = {},
): KeyMatches | null {
  const chunk = options.chunk ?? 2000;
  const count = keys.vendor.length;
  const tableAt = new Map<Verdict, number>();
  const table: CompactMatches['table'] = [];
  const rowOf = new Int32Array(count).fill(-1);
  const rowStarts = new GrowingInts();
  const entries = new GrowingInts();
  const comparisons = new GrowingInts();
  rowStarts.push(0);
  const text = (at: number) => keys.strings[at] || null;
  for (let start = 0; start < count; start += chunk) {
    if (options.cancelled?.()) return null;
    const end = Math.min(count, start + chunk);
    for (let key = start; key < end; key++) {
      const pending = matcher.pending({
        vendor: text(keys.vendor[key]!),
        model: text(keys.model[key]!),
        firmware: text(keys.firmware[key]!),
      });
      if (pending.verdicts.length === 0) continue;
      rowOf[key] = rowStarts.length - 1;
      for (const verdict of pending.verdicts) {
        let entry = tableAt.get(verdict);
        if (entry === undefined) {
          tableAt.set(verdict, (entry = table.length));
          table.push({ match: verdict.match, byName: verdict.byName });
        }
        entries.push(entry);
        comparisons.push(COMPARISONS.indexOf(matcher.comparisonOf(verdict, pending)));
      }
      rowStarts.push(entries.length);
    }
    options.onProgress?.(end, count);
  }
  return {
    table,
    rowOf,
    rowStarts: rowStarts.toInt32(),
    entries: entries.toInt32(),
    comparisons: Uint8Array.from(comparisons.toInt32()),
  };
}

/** The buffers of a key result, to transfer rather than copy. */
export function keyMatchBuffers(matches: KeyMatches): ArrayBuffer[] {
  return [matches.rowOf, matches.rowStarts, matches.entries, matches.comparisons].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * The per-asset compact result from the key results of consecutive shares of the keys (one per
 * worker, in key order): rows keep the order one run over all keys would give them.
 */
export function assembleMatches(distinct: DistinctAssets, parts: readonly KeyMatches[]): CompactMatches {
  const table: CompactMatches['table'] = [];
  const rowOfKey = new Int32Array(distinct.firstAsset.length).fill(-1);
  const rowAssets = new GrowingInts();
  const rowStarts = new GrowingInts();
  const entries = new GrowingInts();
  const comparisons = new GrowingInts();
  rowStarts.push(0);
  let keyBase = 0;
  for (const part of parts) {
    const tableBase = table.length;
    const rowBase = rowAssets.length;
    for (const entry of part.table) table.push(entry);
    part.rowOf.forEach((row, key) => {
      if (row < 0) return;
      rowOfKey[keyBase + key] = rowBase + row;
      rowAssets.push(distinct.firstAsset[keyBase + key]!);
      for (let at = part.rowStarts[row]!; at < part.rowStarts[row + 1]!; at++) {
        entries.push(tableBase + part.entries[at]!);
        comparisons.push(part.comparisons[at]!);
      }
      rowStarts.push(entries.length);
    });
    keyBase += part.rowOf.length;
  }
  return {
    table,
    assetRows: distinct.keyOf.map((key) => rowOfKey[key]!),
    rowAssets: rowAssets.toInt32(),
    rowStarts: rowStarts.toInt32(),
    entries: entries.toInt32(),
    comparisons: Uint8Array.from(comparisons.toInt32()),
  };
}

/** Matches many assets in this thread, each distinct vendor, model and firmware once. */
export function matchAssetsCompact(
  index: Pick<AdvisoryIndex, 'advisories'>,
  kev: ReadonlySet<string>,
  assets: readonly MatchableAsset[],
  options: MatchRunOptions = {},
): CompactMatches | null {
  const matcher = new AdvisoryMatcher(index.advisories, kev, options.vendorAliases);
  const distinct = distinctAssets(assets);
  const matches = matchKeys(matcher, distinct.keys, options);
  return matches && assembleMatches(distinct, [matches]);
}

/** The buffers of a compact result, to transfer rather than copy. */
export function compactBuffers(compact: CompactMatches): ArrayBuffer[] {
  return [compact.assetRows, compact.rowAssets, compact.rowStarts, compact.entries, compact.comparisons].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** Each matched asset's matches, "why" included; assets alike in vendor, model and firmware share one list. */
export function expandMatches<T extends MatchableAsset & { id: string }>(
  compact: CompactMatches,
  assets: readonly T[],
): Map<string, AdvisoryMatch[]> {
  const rows: AdvisoryMatch[][] = [];
  for (let row = 0; row + 1 < compact.rowStarts.length; row++) {
    const firmware = assets[compact.rowAssets[row]!]!.firmware?.trim() || null;
    const matches: AdvisoryMatch[] = [];
    for (let at = compact.rowStarts[row]!; at < compact.rowStarts[row + 1]!; at++) {
      const { match, byName } = compact.table[compact.entries[at]!]!;
      const comparison: Comparison = COMPARISONS[compact.comparisons[at]!]!;
      matches.push(explainMatch(match, byName, comparison, firmware));
    }
    rows.push(matches);
  }
  const out = new Map<string, AdvisoryMatch[]>();
  compact.assetRows.forEach((row, at) => {
    if (row >= 0) out.set(assets[at]!.id, rows[row]!);
  });
  return out;
}

/** Matches many assets in this thread: `matchAssetsCompact`, expanded. */
export function matchAssets<T extends MatchableAsset & { id: string }>(
  index: Pick<AdvisoryIndex, 'advisories'>,
  kev: ReadonlySet<string>,
  assets: readonly T[],
  options: MatchRunOptions = {},
): Map<string, AdvisoryMatch[]> | null {
  const compact = matchAssetsCompact(index, kev, assets, options);
  return compact && expandMatches(compact, assets);
}

/** An append-only list of integers in one typed array, doubled as it fills. */
class GrowingInts {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toInt32(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function firmwareMap<K, T>(seen: Map<K, Map<K, Map<K, T>>>, vendor: K, model: K): Map<K, T> {
  let byModel = seen.get(vendor);
  if (!byModel) seen.set(vendor, (byModel = new Map()));
  let byFirmware = byModel.get(model);
  if (!byFirmware) byModel.set(model, (byFirmware = new Map()));
  return byFirmware;
}
