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
    };
    result.findings.push(finding);
    result.added.push(finding);
  }
  result.findings.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  return result;
}
