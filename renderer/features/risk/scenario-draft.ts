import { attackTechnique } from '../../../shared/catalogue/attack';
import { FR_IDS, type FrId } from '../../../shared/model';
import {
  entryVectorKey,
  targetKey,
  targetOfKey,
  threatScenarioSchema,
  type EntryVectorOption,
  type ThreatScenario,
  type ThreatSource,
} from '../../../shared/risk';
import { fieldErrorsOf, splitList } from './field-errors';
import type { FieldErrors } from './record-editor';

/** A scenario as its editor's fields hold it. */
export interface ScenarioDraft {
  /** `zone:<id>` or `conduit:<id>`. */
  target: string;
  title: string;
  description: string;
  source: ThreatSource;
  capability: number;
  entryVector: string;
  techniques: string;
  frs: FrId[];
  likelihood: number;
  consequence: number | null;
}

export function scenarioDraftOf(s: ThreatScenario): ScenarioDraft {
  return {
    target: targetKey(s.target),
    title: s.title,
    description: s.description,
    source: s.source,
    capability: s.capability,
    entryVector: entryVectorKey(s.entryVector),
    techniques: s.techniques.join(', '),
    frs: s.frs,
    likelihood: s.likelihood,
    consequence: s.consequence,
  };
}

/** The FRs with one turned on or off, kept in FR order. */
export function withFr(frs: readonly FrId[], fr: FrId, on: boolean): FrId[] {
  return on ? FR_IDS.filter((f) => f === fr || frs.includes(f)) : frs.filter((f) => f !== fr);
}

/** The scenario a draft makes, or the message of each field that is wrong. */
export function checkScenario(
  original: ThreatScenario,
  next: ScenarioDraft,
  options: readonly EntryVectorOption[],
): { record?: ThreatScenario; errors: FieldErrors } {
  const techniques = splitList(next.techniques);
  const unknown = techniques.filter((t) => !attackTechnique(t));
  if (unknown.length > 0)
    return {
      errors: {
        techniques: `Not an ATT&CK for ICS technique: ${unknown.join(', ')} (write them like T0886)`,
      },
    };
  const entryVector = options.find((o) => o.value === next.entryVector)?.vector ?? original.entryVector;
  const parsed = threatScenarioSchema.safeParse({
    ...original,
    ...next,
    target: targetOfKey(next.target),
    entryVector,
    techniques: [...new Set(techniques)],
  });
  return parsed.success ? { record: parsed.data, errors: {} } : { errors: fieldErrorsOf(parsed.error) };
}
