import { newId, nowIso } from '../model/common';
import {
  EDITABLE_FINDING_FIELDS,
  findingSchema,
  ROADMAP_SLOTS,
  type EditableFindingField,
  type Finding,
  type ProgramPhase,
  type RoadmapSlot,
  type Severity,
} from '../model/findings';
import { emptyRefs, unique } from './types';
import { maxSeverity, severityRank } from './severity';

export type FindingEdit = Partial<Pick<Finding, EditableFindingField>>;

/**
 * Applies an assessor's edit and validates the result (throws a ZodError). On an auto finding the
 * changed fields are remembered, so regeneration keeps them.
 */
export function editFinding(finding: Finding, patch: FindingEdit, now = nowIso()): Finding {
  const changed = EDITABLE_FINDING_FIELDS.filter(
    (field) => field in patch && patch[field] !== finding[field],
  );
  if (changed.length === 0) return finding;
  const next: Finding = { ...finding, ...patch, updatedAt: now };
  if (finding.origin === 'auto') next.edited = unique([...(finding.edited ?? []), ...changed]);
  return findingSchema.parse(next);
}

export class FindingEditError extends Error {
  override name = 'FindingEditError';
}

export function dismissFinding(finding: Finding, reason: string, now = nowIso()): Finding {
  if (!reason.trim()) throw new FindingEditError('Say why the finding is dismissed.');
  return { ...finding, status: 'dismissed', dismissReason: reason.trim(), updatedAt: now };
}

export function restoreFinding(finding: Finding, now = nowIso()): Finding {
  return { ...finding, status: 'open', dismissReason: '', updatedAt: now };
}

export function setRoadmapSlot(finding: Finding, slot: RoadmapSlot | null, now = nowIso()): Finding {
  if (slot !== null && !ROADMAP_SLOTS.includes(slot))
    throw new FindingEditError(`Unknown roadmap slot "${slot}".`);
  return { ...finding, roadmapSlot: slot, updatedAt: now };
}

export interface ManualFindingInput {
  title: string;
  description?: string;
  severity: Severity;
  phase: ProgramPhase;
  recommendation?: string;
  refs?: Partial<Finding['refs']>;
}

/** A finding the assessor writes; it goes after the existing ones. Throws a ZodError on bad input. */
export function createManualFinding(
  assessmentId: string,
  input: ManualFindingInput,
  existing: readonly Pick<Finding, 'order'>[],
  now = nowIso(),
  makeId: () => string = newId,
): Finding {
  return findingSchema.parse({
    id: makeId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    title: input.title,
    description: input.description ?? '',
    severity: input.severity,
    phase: input.phase,
    recommendation: input.recommendation ?? '',
    refs: { ...emptyRefs(), ...input.refs },
    origin: 'manual',
    autoKey: null,
    status: 'open',
    dismissReason: '',
    order: Math.max(0, ...existing.map((f) => f.order)) + 1,
    roadmapSlot: null,
  });
}

function joinDistinct(texts: string[]): string {
  return unique(texts.map((t) => t.trim()).filter(Boolean)).join('\n\n');
}

const ID_REF_KEYS = ['itemIds', 'zoneIds', 'conduitIds', 'connectionIds', 'assetIds'] as const;

/**
 * Several findings combined into one manual finding: the most severe one's title and phase, every
 * description (under its title) and distinct recommendation, the union of refs, the earliest order
 * and roadmap slot. The merged finding remembers the auto keys it absorbed.
 */
export function mergeFindings(
  findings: readonly Finding[],
  now = nowIso(),
  makeId: () => string = newId,
): { merged: Finding; removedIds: string[] } {
  if (findings.length < 2) throw new FindingEditError('Choose at least two findings to merge.');
  const byOrder = [...findings].sort((a, b) => a.order - b.order);
  const severity = maxSeverity(...byOrder.map((f) => f.severity));
  const lead = byOrder.find((f) => severityRank(f.severity) === severityRank(severity))!;
  const refs = emptyRefs();
  for (const key of ID_REF_KEYS) refs[key] = unique(byOrder.flatMap((f) => f.refs[key]));
  const pairs = new Map(
    byOrder.flatMap((f) => f.refs.items ?? []).map((pair) => [`${pair.zoneId}|${pair.itemId}`, pair]),
  );
  if (pairs.size > 0) refs.items = [...pairs.values()];
  const slots = byOrder.flatMap((f) => (f.roadmapSlot ? [f.roadmapSlot] : []));
  const merged = findingSchema.parse({
    id: makeId(),
    assessmentId: lead.assessmentId,
    createdAt: now,
    updatedAt: now,
    title: lead.title,
    description: byOrder
      .map((f) => (f.description.trim() ? `${f.title}\n${f.description.trim()}` : f.title))
      .join('\n\n'),
    severity,
    phase: lead.phase,
    recommendation: joinDistinct(byOrder.map((f) => f.recommendation)),
    refs,
    origin: 'manual',
    autoKey: null,
    status: 'open',
    dismissReason: '',
    order: byOrder[0]!.order,
    roadmapSlot: slots.length > 0 ? ROADMAP_SLOTS.find((s) => slots.includes(s))! : null,
    absorbedKeys: unique(
      byOrder.flatMap((f) => [...(f.autoKey ? [f.autoKey] : []), ...(f.absorbedKeys ?? [])]),
    ),
  });
  return { merged, removedIds: byOrder.map((f) => f.id) };
}

/**
 * Moves a finding to another position of the ordered list and renumbers 1..n. Returns only the
 * findings whose order changed.
 */
export function moveFinding(
  findings: readonly Finding[],
  id: string,
  toIndex: number,
  now = nowIso(),
): Finding[] {
  const ordered = [...findings].sort((a, b) => a.order - b.order);
  const from = ordered.findIndex((f) => f.id === id);
  if (from < 0) throw new FindingEditError('That finding no longer exists.');
  const [moving] = ordered.splice(from, 1);
  ordered.splice(Math.max(0, Math.min(ordered.length, toIndex)), 0, moving!);
  return ordered.flatMap((f, index) =>
    f.order === index + 1 ? [] : [{ ...f, order: index + 1, updatedAt: now }],
  );
}
