import type { ZoneKind } from '../../model/zone';
import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

const UPSTREAM_KINDS: readonly ZoneKind[] = ['enterprise', 'external'];
const PROTECTED_KINDS: readonly ZoneKind[] = ['cell', 'safety'];

/** A conduit joining an enterprise or external zone straight to a cell/area or safety zone. */
export function checkDmzBypass({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const [upstream, protectedZone] = UPSTREAM_KINDS.includes(from.kind)
      ? [from, to]
      : UPSTREAM_KINDS.includes(to.kind)
        ? [to, from]
        : [null, null];
    if (!upstream || !protectedZone || !PROTECTED_KINDS.includes(protectedZone.kind)) continue;
    entries.push({
      id: `dmz-bypass:${conduit.id}`,
      checkId: 'dmz-bypass',
      severity: protectedZone.kind === 'safety' ? 'critical' : 'high',
      message: `Conduit ${conduitName(conduit, from, to)} links ${upstream.kind} zone "${upstream.name}" straight to "${protectedZone.name}" without passing through an industrial DMZ.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export const dmzBypassCheck = defineCheck({
  id: 'dmz-bypass',
  label: 'Conduit bypasses the DMZ',
  run: checkDmzBypass,
  finding: {
    title: (n) => `${plural(n, 'conduit')} ${n === 1 ? 'bypasses' : 'bypass'} the industrial DMZ`,
    phase: 2,
    recommendation:
      'Terminate traffic from the enterprise network and from outside in the industrial DMZ (historian replica, patch server, remote-access gateway) and let only the DMZ talk to cell and safety zones. Move one flow at a time, with production, so nothing stops.',
  },
});
