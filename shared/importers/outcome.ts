import type { IncomingInventory, MergeResult } from './merge';

/** What one file did (or, in the preview, will do) to an inventory, from the merge itself. */
export interface ImportOutcome {
  /** Source records read (rows, objects, graph nodes and edges). */
  records: number;
  /** Records that describe assets, and connections between them. */
  assetRecords: number;
  connectionRecords: number;
  newAssets: number;
  /** Assets already in the inventory that the file adds to or changes. */
  updatedAssets: number;
  /** Assets already in the inventory that the file matches exactly (nothing to change). */
  unchangedAssets: number;
  /** Records folded into another record of the file or into an asset already there. */
  mergedRecords: number;
  newConnections: number;
  /** Connections already stored (the same observation imported before). */
  knownConnections: number;
  /** Connections whose ends are not assets in the file or the inventory. */
  unlinkedConnections: number;
  /** Malformed records the parser skipped. */
  malformed: number;
}

export function outcomeOf(
  parsed: IncomingInventory & { records: number },
  result: Pick<MergeResult, 'added' | 'updated' | 'flows' | 'counts'>,
): ImportOutcome {
  const unlinked = result.counts.skipped - parsed.skipped;
  return {
    records: parsed.records,
    assetRecords: parsed.assets.length,
    connectionRecords: parsed.flows.length,
    newAssets: result.added.length,
    updatedAssets: result.updated.length,
    unchangedAssets: result.counts.unchanged,
    mergedRecords: result.counts.merged,
    newConnections: result.flows.length,
    knownConnections: parsed.flows.length - result.flows.length - unlinked,
    unlinkedConnections: unlinked,
    malformed: parsed.skipped,
  };
}

/** "1 asset", "2 assets", "1,204 records". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Whether the file changes anything: a new or changed asset, or a new connection. */
export function changesSomething(o: ImportOutcome): boolean {
  return o.newAssets + o.updatedAssets + o.newConnections > 0;
}

/** "42 records → 40 assets (38 new, 2 already in the inventory; 2 records merged)". */
function assetLine(o: ImportOutcome): string | null {
  if (o.assetRecords === 0) return null;
  const total = o.newAssets + o.updatedAssets + o.unchangedAssets;
  const parts = [`${o.newAssets.toLocaleString('en')} new`];
  const existing = o.updatedAssets + o.unchangedAssets;
  if (existing > 0) parts.push(`${existing.toLocaleString('en')} already in the inventory`);
  const merged = o.mergedRecords > 0 ? `; ${countOf(o.mergedRecords, 'record')} merged` : '';
  return `${countOf(o.assetRecords, 'asset record')} → ${countOf(total, 'asset')} (${parts.join(', ')}${merged})`;
}

function connectionLine(o: ImportOutcome): string | null {
  if (o.connectionRecords === 0) return null;
  const parts = [`${o.newConnections.toLocaleString('en')} new`];
  if (o.knownConnections > 0) parts.push(`${o.knownConnections.toLocaleString('en')} already stored`);
  if (o.unlinkedConnections > 0)
    parts.push(
      `${o.unlinkedConnections.toLocaleString('en')} between endpoints that are not in the inventory, left out (import the matching asset export first)`,
    );
  return `${countOf(o.connectionRecords, 'connection record')}: ${parts.join(', ')}`;
}

/** What the file holds, in a few words: "1 connection and no assets". */
function holdings(o: ImportOutcome): string {
  const assets = o.assetRecords > 0 ? countOf(o.assetRecords, 'asset record') : 'no assets';
  if (o.connectionRecords === 0) return assets;
  const links = countOf(o.connectionRecords, 'connection record');
  return o.assetRecords > 0 ? `${assets} and ${links}` : `${links} and no assets`;
}

/**
 * The outcome in words, for the preview (what will happen) and the result (what did): a headline
 * that says what the file holds and what was done with it, and a line per kind of record.
 */
export function describeOutcome(
  fileName: string,
  o: ImportOutcome,
  stage: 'preview' | 'done' = 'done',
): { headline: string; lines: string[]; changesNothing: boolean } {
  const lines = [assetLine(o), connectionLine(o)].filter((l): l is string => l !== null);
  if (o.malformed > 0) lines.push(`${countOf(o.malformed, 'malformed record')} skipped`);
  if (changesSomething(o)) return { headline: `${fileName}: ${holdings(o)}`, lines, changesNothing: false };
  let why: string;
  if (o.assetRecords + o.connectionRecords === 0) why = 'it holds no assets or connections';
  else if (o.assetRecords > 0 && o.newConnections === 0 && o.unlinkedConnections === 0)
    why = 'every asset and connection in it is already in the inventory, unchanged';
  else if (o.unlinkedConnections > 0 && o.assetRecords === 0)
    why = 'its connections are between endpoints that are not in the inventory';
  else why = 'nothing in it is new';
  const nothing = stage === 'done' ? 'nothing was imported' : 'importing it would change nothing';
  return { headline: `${fileName} holds ${holdings(o)}; ${nothing}: ${why}`, lines, changesNothing: true };
}
