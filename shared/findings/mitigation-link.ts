import type { Conduit } from '../model/conduit';
import type { Vulnerability } from '../model/vulnerabilities';
import type { Countermeasure } from '../risk/records/countermeasure';

/** What a mitigation decision can point at: the risk assessment's countermeasures and the conduits. */
export interface MitigationTargets {
  countermeasures: ReadonlyArray<Pick<Countermeasure, 'id' | 'title'>>;
  conduits: ReadonlyArray<Pick<Conduit, 'id' | 'name'>>;
}

export const NO_TARGETS: MitigationTargets = { countermeasures: [], conduits: [] };

/**
 * A mitigation as the report and the findings print it: the control, then what it is linked to
 * ("countermeasure “Restrict S7 access”", "conduit Cell 2 ↔ SCADA"). A link whose record was
 * deleted is said to be missing rather than dropped silently.
 */
export function mitigationText(
  mitigation: NonNullable<Vulnerability['mitigation']>,
  targets: MitigationTargets,
): string {
  const links: string[] = [];
  if (mitigation.countermeasureId) {
    const countermeasure = targets.countermeasures.find((c) => c.id === mitigation.countermeasureId);
    links.push(
      countermeasure ? `countermeasure “${countermeasure.title}”` : 'a countermeasure that no longer exists',
    );
  }
  if (mitigation.conduitId) {
    const conduit = targets.conduits.find((c) => c.id === mitigation.conduitId);
    links.push(conduit ? `conduit ${conduit.name || 'without a name'}` : 'a conduit that no longer exists');
  }
  const control = mitigation.control.trim();
  if (links.length === 0) return control;
  return control ? `${control} (${links.join(', ')})` : links.join(', ');
}
