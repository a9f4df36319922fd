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
 * Matches many assets, reporting progress per chunk. Assets with the same vendor, model and
 * firmware are matched once (a plant has hundreds of identical I/O modules).
 */
export function matchAssetsCompact(
  index: Pick<AdvisoryIndex, 'advisories'>,
  kev: ReadonlySet<string>,
  assets: readonly MatchableAsset[],
  options: MatchRunOptions = {},
): CompactMatches | null {
  const matcher = new AdvisoryMatcher(index.advisories, kev, options.vendorAliases);
  const chunk = options.chunk ?? 2000;
  // vendor → model → firmware: nested maps, so no joined key string is built and hashed per asset.
  const seen = new Map<string, Map<string, Map<string, number>>>();
  const tableAt = new Map<Verdict, number>();
  const table: CompactMatches['table'] = [];
  const assetRows = new Int32Array(assets.length).fill(-1);
  const rowAssets = new GrowingInts();
  const rowStarts = new GrowingInts();
  const entries = new GrowingInts();
  const comparisons = new GrowingInts();
  rowStarts.push(0);
  for (let start = 0; start < assets.length; start += chunk) {
    if (options.cancelled?.()) return null;
    const end = Math.min(assets.length, start + chunk);
    for (let at = start; at < end; at++) {
      const asset = assets[at]!;
      const byFirmware = firmwareMap(seen, asset.vendor ?? '', asset.model ?? '');
      let row = byFirmware.get(asset.firmware ?? '');
      if (row === undefined) {
        const pending = matcher.pending(asset);
        row = -1;
        if (pending.verdicts.length > 0) {
          row = rowAssets.length;
          rowAssets.push(at);
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
        byFirmware.set(asset.firmware ?? '', row);
      }
      assetRows[at] = row;
    }
    options.onProgress?.(end, assets.length);
  }
  return {
    table,
    assetRows,
    rowAssets: rowAssets.toInt32(),
    rowStarts: rowStarts.toInt32(),
    entries: entries.toInt32(),
    comparisons: Uint8Array.from(comparisons.toInt32()),
  };
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

function firmwareMap<T>(
  seen: Map<string, Map<string, Map<string, T>>>,
  vendor: string,
  model: string,
): Map<string, T> {
  let byModel = seen.get(vendor);
  if (!byModel) seen.set(vendor, (byModel = new Map()));
  let byFirmware = byModel.get(model);
  if (!byFirmware) byModel.set(model, (byFirmware = new Map()));
  return byFirmware;
}
