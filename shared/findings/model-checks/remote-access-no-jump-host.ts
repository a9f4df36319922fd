import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

/**
 * Remote access must end on a jump host or remote-access gateway: every conduit touching a
 * remote-access zone needs the jump-host control, and it should land in a DMZ rather than
 * reaching further in.
 */
export function checkRemoteAccessJumpHost({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const remote = from.kind === 'remote-access' ? from : to.kind === 'remote-access' ? to : null;
    if (!remote) continue;
    const other = remote === from ? to : from;
    const hasJumpHost = conduit.controls.includes('jump-host');
    if (hasJumpHost && (other.kind === 'dmz' || other.kind === 'external' || other.kind === 'remote-access'))
      continue;
    const why = hasJumpHost
      ? `reaches "${other.name}" directly instead of a jump host in the industrial DMZ`
      : 'does not go through a jump host or remote-access gateway';
    entries.push({
      id: `remote-access-no-jump-host:${conduit.id}`,
      checkId: 'remote-access-no-jump-host',
      severity: 'high',
      message: `Remote access from "${remote.name}" over conduit ${conduitName(conduit, from, to)} ${why}.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export const remoteAccessNoJumpHostCheck = defineCheck({
  id: 'remote-access-no-jump-host',
  label: 'Remote access without a jump host',
  run: checkRemoteAccessJumpHost,
  finding: {
    title: (n) => `Remote access without a jump host on ${plural(n, 'conduit')}`,
    phase: 2,
    recommendation:
      'Bring all remote access through one jump host or remote-access gateway in the industrial DMZ, with multi-factor authentication, named accounts and session logging, and close the direct paths.',
  },
});
