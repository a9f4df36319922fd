import type { Effort, Finding, ProgramPhase, Severity } from '../model/findings';

/** What a generator rule produces: the finding's content, keyed for reconciliation. */
export interface GeneratedFinding {
  /** Stable across runs for the same cause, e.g. "requirements:<zone id>:FR1". */
  autoKey: string;
  title: string;
  description: string;
  severity: Severity;
  phase: ProgramPhase;
  recommendation: string;
  refs: Finding['refs'];
  /** Size of the work; findings without one count as M on the roadmap. */
  effort?: Effort;
}

/**
 * One failed model check (the diagram's checks), in the shape the generator reads. `id` is the
 * check's own stable id when it has one.
 */
export interface ModelCheckResult {
  id?: string;
  checkId: string;
  severity: Severity;
  message: string;
  target: { kind: 'zone' | 'conduit'; id: string };
}

/** Ids kept in one finding's refs: beyond this the description gives the count. */
export const MAX_REF_ASSETS = 1000;

export function emptyRefs(): Finding['refs'] {
  return { itemIds: [], zoneIds: [], conduitIds: [], connectionIds: [], assetIds: [] };
}

export { plural } from '../text/plural';

/** "a, b, c and 4 more" for long lists in descriptions. */
export function listSome(items: readonly string[], limit: number, total = items.length): string {
  if (total <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${total - limit} more`;
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
