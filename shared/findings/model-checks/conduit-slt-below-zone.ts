import { targetVector } from '../../catalogue/security-levels';
import { FR_IDS } from '../../model/common';
import { hasSlt } from '../../model/slt';
import { plural } from '../types';
import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';

/**
 * A conduit is part of the boundary of both zones it joins, so per FR its SL-T must reach the higher
 * of theirs. Conduits without an SL-T of their own are left to the zone checks.
 */
export function checkConduitSltBelowZone({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    if (!conduit.slt || !hasSlt(conduit.slt)) continue;
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const own = targetVector(conduit.slt);
    const fromTarget = targetVector(from.slt);
    const toTarget = targetVector(to.slt);
    const short = FR_IDS.flatMap((fr) => {
      const needed = Math.max(fromTarget[fr], toTarget[fr]);
      return own[fr] < needed ? [`${fr} ${own[fr]} < ${needed}`] : [];
    });
    if (short.length === 0) continue;
    entries.push({
      id: `conduit-slt-below-zone:${conduit.id}`,
      checkId: 'conduit-slt-below-zone',
      severity: from.kind === 'safety' || to.kind === 'safety' ? 'high' : 'medium',
      message: `Conduit ${conduitName(conduit, from, to)} has an SL-T below a zone it joins (${short.join(', ')}).`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export const conduitSltBelowZoneCheck = defineCheck({
  id: 'conduit-slt-below-zone',
  label: 'Conduit SL-T below a zone it joins',
  run: checkConduitSltBelowZone,
  finding: {
    title: (n) => `${plural(n, 'conduit')} with an SL-T below a zone ${n === 1 ? 'it joins' : 'they join'}`,
    phase: 2,
    recommendation:
      "Raise each conduit's target to the higher of its two zones in every FR, and check that its controls (firewall rules, authentication of the traffic, monitoring) can meet it; a conduit weaker than its zones is their weakest boundary.",
  },
});
