import { answersByZone, evaluateZone, type AnswerConflict } from '../catalogue/security-levels';
import type { Catalogue, CatalogueItem } from '../catalogue/types';
import type { Answer } from '../model/answers';
import type { Zone } from '../model/zone';

export interface ZoneTodo {
  zone: Pick<Zone, 'id' | 'name'>;
  /** Required items with no complete answer yet, in catalogue order. */
  notAssessed: CatalogueItem[];
  /** REs marked N/A while their SR is not met: answers to look at again. */
  conflicts: AnswerConflict[];
  answered: number;
  required: number;
}

/**
 * The assessor's own open work, zone by zone: what is still to assess and which answers contradict
 * each other. None of it is a client finding. Zones with nothing open are left out.
 */
export function assessorTodo(
  catalogue: Catalogue,
  zones: readonly Pick<Zone, 'id' | 'name' | 'slt'>[],
  answers: readonly Answer[],
): ZoneTodo[] {
  const byZone = answersByZone(answers);
  return zones
    .map((zone): ZoneTodo => {
      const evaluation = evaluateZone(catalogue, zone, byZone.get(zone.id) ?? []);
      return {
        zone: { id: zone.id, name: zone.name },
        notAssessed: evaluation.perFr.flatMap((fr) =>
          fr.items.filter((i) => i.outcome === 'not-assessed').map((i) => i.item),
        ),
        conflicts: evaluation.conflicts,
        answered: evaluation.coverage.answered,
        required: evaluation.coverage.required,
      };
    })
    .filter((todo) => todo.notAssessed.length > 0 || todo.conflicts.length > 0)
    .sort((a, b) => a.zone.name.localeCompare(b.zone.name));
}
