import { isRequiredAt, targetVector, type CatalogueItem } from '../../../shared/catalogue';
import type { AnswerStatus, Zone } from '../../../shared/model';
import { missingJustification } from './status';

/** The zones whose SL-T calls for the item. */
export function zonesRequiring(zones: readonly Zone[], item: CatalogueItem): Zone[] {
  return zones.filter((zone) => isRequiredAt(item, targetVector(zone.slt)[item.fr]));
}

/** A set with one id turned on if it was off, off if it was on: a new set. */
export function toggledIn(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Why a bulk answer cannot be applied yet, or null when it can. */
export function bulkAnswerProblem(
  status: AnswerStatus,
  justification: string,
  zoneCount: number,
): string | null {
  if (zoneCount === 0) return 'Choose at least one zone.';
  return missingJustification(status, justification);
}
