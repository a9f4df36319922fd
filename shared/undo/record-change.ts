/** One record of one table before and after an edit: null before = created, null after = deleted. */
export interface RecordChange<T extends { id: string } = { id: string }> {
  table: string;
  before: T | null;
  after: T | null;
}

/** The changes that take an edit back: each one flipped, in reverse order. */
export function invertRecordChanges<T extends { id: string }>(
  changes: readonly RecordChange<T>[],
): RecordChange<T>[] {
  return changes.map(({ table, before, after }) => ({ table, before: after, after: before })).reverse();
}

/**
 * Whether two stored records are the same, ignoring `updatedAt` (a write elsewhere may restamp a
 * record without changing it). Records are plain data (structured clones), so a deep comparison.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === undefined ? b === null : b === undefined ? a === null : false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameRecord(item, b[i]));
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const keysOf = (o: object) =>
    Object.keys(o).filter((k) => k !== 'updatedAt' && (o as never)[k] !== undefined);
  const ka = keysOf(a);
  const kb = keysOf(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * The changes that can no longer be applied because the record is not as they expect: applying
 * `changes` needs each record to be as its `before` (absent when before is null). `current` reads
 * the record as stored now.
 */
export function staleChanges<T extends { id: string }>(
  changes: readonly RecordChange<T>[],
  current: (table: string, id: string) => T | undefined,
): RecordChange<T>[] {
  const seen = new Set<string>();
  const stale: RecordChange<T>[] = [];
  for (const change of changes) {
    const id = (change.before ?? change.after)!.id;
    const key = `${change.table}:${id}`;
    // A record changed twice in one step: only its first expected state is the stored one.
    if (seen.has(key)) continue;
    seen.add(key);
    const now = current(change.table, id);
    if (change.before === null ? now !== undefined : !sameRecord(now, change.before)) stale.push(change);
  }
  return stale;
}

/** Two consecutive edits as one: each record keeps its first `before` and its last `after`. */
export function mergeRecordChanges<T extends { id: string }>(
  first: readonly RecordChange<T>[],
  second: readonly RecordChange<T>[],
): RecordChange<T>[] {
  const out = new Map<string, RecordChange<T>>();
  for (const change of [...first, ...second]) {
    const key = `${change.table}:${(change.after ?? change.before)!.id}`;
    const previous = out.get(key);
    out.set(key, {
      table: change.table,
      before: previous ? previous.before : change.before,
      after: change.after,
    });
  }
  // A record created and then deleted in the same step is no change at all.
  return [...out.values()].filter((c) => c.before !== null || c.after !== null);
}
