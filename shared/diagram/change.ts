import type { Answer, Asset, Conduit, Zone } from '../model';
import { staleChanges, type RecordChange } from '../undo';

/** One record before and after an edit: null before = created, null after = deleted. */
export interface RecordDiff<T> {
  before: T | null;
  after: T | null;
}

/** An asset moved between zones (null = unassigned); kept small because subnet runs move thousands. */
export interface AssetZoneMove {
  id: string;
  before: string | null;
  after: string | null;
}

/** One diagram edit, as applied and as undone. */
export interface DiagramChange {
  label: string;
  zones: RecordDiff<Zone>[];
  conduits: RecordDiff<Conduit>[];
  assets: RecordDiff<Asset>[];
  assetZones: AssetZoneMove[];
  /**
   * The requirement answers of deleted zones, filled in when the deletion is first written, so
   * that undo brings them back with their zone.
   */
  answers?: RecordDiff<Answer>[];
}

export function emptyChange(label: string): DiagramChange {
  return { label, zones: [], conduits: [], assets: [], assetZones: [] };
}

export function invertChange(change: DiagramChange): DiagramChange {
  const flip = <T>(diffs: RecordDiff<T>[]) =>
    diffs.map(({ before, after }) => ({ before: after, after: before })).reverse();
  return {
    label: change.label,
    zones: flip(change.zones),
    conduits: flip(change.conduits),
    assets: flip(change.assets),
    assetZones: change.assetZones.map(({ id, before, after }) => ({ id, before: after, after: before })),
    answers: change.answers ? flip(change.answers) : undefined,
  };
}

export interface DiagramRecords {
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
}

function applyDiffs<T extends { id: string }>(rows: T[], diffs: RecordDiff<T>[]): T[] {
  if (diffs.length === 0) return rows;
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const { before, after } of diffs) {
    if (after) byId.set(after.id, after);
    else if (before) byId.delete(before.id);
  }
  return [...byId.values()];
}

export function applyToRecords(records: DiagramRecords, change: DiagramChange): DiagramRecords {
  let assets = applyDiffs(records.assets, change.assets);
  if (change.assetZones.length > 0) {
    const moves = new Map(change.assetZones.map((move) => [move.id, move.after]));
    assets = assets.map((asset) =>
      moves.has(asset.id) ? { ...asset, zoneId: moves.get(asset.id) ?? null } : asset,
    );
  }
  return {
    zones: applyDiffs(records.zones, change.zones),
    conduits: applyDiffs(records.conduits, change.conduits),
    assets,
  };
}

export function mergeChanges(first: DiagramChange, second: DiagramChange): DiagramChange {
  const mergeDiffs = <T extends { id: string }>(a: RecordDiff<T>[], b: RecordDiff<T>[]) => {
    const out = new Map<string, RecordDiff<T>>();
    for (const diff of [...a, ...b]) {
      const id = (diff.after ?? diff.before)!.id;
      const previous = out.get(id);
      out.set(id, { before: previous ? previous.before : diff.before, after: diff.after });
    }
    return [...out.values()];
  };
  return {
    label: second.label,
    zones: mergeDiffs(first.zones, second.zones),
    conduits: mergeDiffs(first.conduits, second.conduits),
    assets: mergeDiffs(first.assets, second.assets),
    assetZones: [...first.assetZones, ...second.assetZones],
  };
}

/**
 * Whether a change can be applied to the records as they are: each record it touches is as its
 * `before` (an undo step recorded earlier, when something else has changed those records since,
 * cannot be). Asset moves check only the zone.
 */
export function diagramChangeApplies(change: DiagramChange, records: DiagramRecords): boolean {
  const tables = { zones: records.zones, conduits: records.conduits, assets: records.assets };
  const indexes = new Map<string, Map<string, { id: string }>>();
  const lookup = (table: string, id: string) => {
    let index = indexes.get(table);
    if (!index) {
      index = new Map(tables[table as keyof typeof tables].map((r) => [r.id, r]));
      indexes.set(table, index);
    }
    return index.get(id);
  };
  const diffs: RecordChange[] = [
    ...change.zones.map((d) => ({ table: 'zones', ...d })),
    ...change.conduits.map((d) => ({ table: 'conduits', ...d })),
    ...change.assets.map((d) => ({ table: 'assets', ...d })),
  ];
  if (staleChanges(diffs, lookup).length > 0) return false;
  return change.assetZones.every((move) => {
    const asset = lookup('assets', move.id) as Asset | undefined;
    return asset !== undefined && (asset.zoneId ?? null) === move.before;
  });
}
