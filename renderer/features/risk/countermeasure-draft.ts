import type { ConduitControl } from '../../../shared/model';
import {
  countermeasureSchema,
  type Countermeasure,
  type CountermeasureStatus,
  type ThreatScenario,
} from '../../../shared/risk';
import { fieldErrorsOf } from './field-errors';
import { parseItemIds } from './item-ids';
import type { FieldErrors } from './record-editor';

/** A countermeasure as its editor's fields hold it. */
export interface CountermeasureDraft {
  title: string;
  kind: Countermeasure['kind'];
  items: string;
  controls: ConduitControl[];
  scenarioIds: string[];
  likelihoodReduction: number;
  consequenceReduction: number;
  owner: string;
  dueDate: string;
  status: CountermeasureStatus;
}

export function countermeasureDraftOf(c: Countermeasure): CountermeasureDraft {
  return {
    title: c.title,
    kind: c.kind,
    items: c.itemIds.join(', '),
    controls: c.controls,
    scenarioIds: c.scenarioIds,
    likelihoodReduction: c.likelihoodReduction,
    consequenceReduction: c.consequenceReduction,
    owner: c.owner,
    dueDate: c.dueDate ?? '',
    status: c.status,
  };
}

/** The countermeasure a draft makes, or the message of each field that is wrong. */
export function checkCountermeasure(
  original: Countermeasure,
  next: CountermeasureDraft,
): { record?: Countermeasure; errors: FieldErrors } {
  const items = parseItemIds(next.items);
  if (items.unknown.length > 0)
    return {
      errors: {
        itemIds: `Not a requirement id: ${items.unknown.join(', ')} (write them like SR 1.13 or SR 5.1 RE 1)`,
      },
    };
  const parsed = countermeasureSchema.safeParse({
    ...original,
    ...next,
    itemIds: items.ids,
    dueDate: next.dueDate || null,
  });
  return parsed.success ? { record: parsed.data, errors: {} } : { errors: fieldErrorsOf(parsed.error) };
}

/** A list with a value turned on (added last, once) or off. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

/** The zones targeted by the chosen scenarios (a conduit scenario names no zone). */
export function zonesOfScenarios(scenarios: readonly ThreatScenario[], ids: readonly string[]): Set<string> {
  const zones = new Set<string>();
  for (const s of scenarios) if (ids.includes(s.id) && s.target.kind === 'zone') zones.add(s.target.zoneId);
  return zones;
}
