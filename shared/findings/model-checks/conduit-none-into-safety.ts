import { plural } from '../types';
import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';

/** Nothing between a safety system and the zone next to it: the worst single gap a diagram can show. */
export function checkNoControlIntoSafety({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    if (conduit.controls.length > 0) continue;
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const safety = to.kind === 'safety' ? to : from.kind === 'safety' ? from : null;
    if (!safety) continue;
    entries.push({
      id: `conduit-none-into-safety:${conduit.id}`,
      checkId: 'conduit-none-into-safety',
      severity: 'critical',
      message: `Conduit ${conduitName(conduit, from, to)} reaches safety zone "${safety.name}" with no control at all.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export const conduitNoneIntoSafetyCheck = defineCheck({
  id: 'conduit-none-into-safety',
  label: 'Uncontrolled conduit into a safety zone',
  run: checkNoControlIntoSafety,
  finding: {
    title: (n) => `${plural(n, 'conduit')} into a safety zone without any control`,
    phase: 2,
    recommendation:
      'Put a control on every conduit into the safety system at once: a firewall that allows only the documented safety-related services (or a data diode where the data only needs to leave), owned by the safety engineer and changed under the safety management process.',
  },
});
