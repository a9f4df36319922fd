import type { SystemUnderConsideration } from './records/system-under-consideration';

export type ScopeElementKind = SystemUnderConsideration['exclusions'][number]['kind'];

/** Whether a zone, conduit or asset is left out of the system under consideration. */
export function exclusionTest(
  scope: Pick<SystemUnderConsideration, 'exclusions'> | null | undefined,
): (kind: ScopeElementKind, id: string) => boolean {
  const excluded = new Set((scope?.exclusions ?? []).map((e) => `${e.kind}:${e.id}`));
  return (kind, id) => excluded.has(`${kind}:${id}`);
}
