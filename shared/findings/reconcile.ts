import { newId, nowIso } from '../model/common';
import { EDITABLE_FINDING_FIELDS, type Finding } from '../model/findings';
import type { GeneratedFinding } from './types';

export interface ReconcileContext {
  assessmentId: string;
  now?: string;
  makeId?: () => string;
}

export interface ReconcileResult {
  /** Every finding after the merge, by order. */
  findings: Finding[];
  added: Finding[];
  /** Existing findings whose content changed (same id). */
  updated: Finding[];
  /** Auto findings whose cause has gone. */
  removed: Finding[];
}

/**
 * Keys of requirement findings from earlier versions: one per zone and topic, and one per zone-wide
 * SL gap. Today one finding covers a cause across zones, so these no longer come back.
 */
const LEGACY_REQUIREMENT_KEY = /^(requirements:[0-9a-f-]{36}:[A-Za-z0-9]+|sl-gap:.+)$/;

function legacyPairs(finding: Finding): Set<string> {
  return new Set(
    finding.refs.zoneIds.flatMap((zoneId) => finding.refs.itemIds.map((id) => `${zoneId}|${id}`)),
  );
}

/**
 * What the assessor did on a legacy requirement finding survives it: a finding with edited text
 * stays, as a manual one; a roadmap placement passes to the new findings covering the same items.
 */
function carryLegacyWork(removed: Finding[], added: Finding[], result: ReconcileResult): void {
  const legacy = removed.filter((f) => f.autoKey !== null && LEGACY_REQUIREMENT_KEY.test(f.autoKey));
  for (const finding of legacy) {
    if ((finding.edited ?? []).length === 0) continue;
    const kept: Finding = { ...finding, origin: 'manual', autoKey: null };
    result.removed.splice(result.removed.indexOf(finding), 1);
    result.updated.push(kept);
    result.findings.push(kept);
  }
  const placed = legacy.filter((f) => f.roadmapSlot !== null).map((f) => ({ f, pairs: legacyPairs(f) }));
  if (placed.length === 0) return;
  for (const finding of added) {
    const pairs = (finding.refs.items ?? []).map((p) => `${p.zoneId}|${p.itemId}`);
    const slots = placed
      .filter(({ pairs: old }) => pairs.some((p) => old.has(p)))
      .map(({ f }) => f.roadmapSlot!);
    if (slots.length > 0) finding.roadmapSlot = [...slots].sort()[0]!;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges freshly generated findings into the stored ones. Manual findings stay as they are. An auto
 * finding whose key is generated again keeps its id, status, dismissal, order, roadmap placement and
 * every field the assessor edited; the other fields and the refs are refreshed. Auto findings whose
 * cause is gone are removed, and keys absorbed by a merged finding are not brought back.
 */
export function reconcileFindings(
  existing: readonly Finding[],
  generated: readonly GeneratedFinding[],
  context: ReconcileContext,
): ReconcileResult {
  const now = context.now ?? nowIso();
  const makeId = context.makeId ?? newId;
  const generatedByKey = new Map(generated.map((g) => [g.autoKey, g]));
  const absorbed = new Set(existing.flatMap((f) => f.absorbedKeys ?? []));
  const matched = new Set<string>();
  const result: ReconcileResult = { findings: [], added: [], updated: [], removed: [] };

  for (const finding of existing) {
    if (finding.origin === 'manual') {
      result.findings.push(finding);
      continue;
    }
    const fresh = finding.autoKey ? generatedByKey.get(finding.autoKey) : undefined;
    if (!fresh || matched.has(fresh.autoKey)) {
      result.removed.push(finding);
      continue;
    }
    matched.add(fresh.autoKey);
    const edited = new Set(finding.edited ?? []);
    const next: Finding = { ...finding, refs: fresh.refs };
    if (fresh.effort) next.effort = fresh.effort;
    else delete next.effort;
    for (const field of EDITABLE_FINDING_FIELDS) {
      if (!edited.has(field)) (next as Record<string, unknown>)[field] = fresh[field];
    }
    if (sameJson(next, finding)) {
      result.findings.push(finding);
    } else {
      const updated = { ...next, updatedAt: now };
      result.findings.push(updated);
      result.updated.push(updated);
    }
  }

  let order = Math.max(0, ...existing.map((f) => f.order));
  for (const fresh of generated) {
    if (matched.has(fresh.autoKey) || absorbed.has(fresh.autoKey)) continue;
    matched.add(fresh.autoKey);
    const finding: Finding = {
      id: makeId(),
      assessmentId: context.assessmentId,
      createdAt: now,
      updatedAt: now,
      title: fresh.title,
      description: fresh.description,
      severity: fresh.severity,
      phase: fresh.phase,
      recommendation: fresh.recommendation,
      refs: fresh.refs,
      origin: 'auto',
      autoKey: fresh.autoKey,
      status: 'open',
      dismissReason: '',
      order: ++order,
      roadmapSlot: null,
      ...(fresh.effort ? { effort: fresh.effort } : {}),
    };
    result.findings.push(finding);
    result.added.push(finding);
  }
  carryLegacyWork(result.removed, result.added, result);
  result.findings.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  return result;
}
