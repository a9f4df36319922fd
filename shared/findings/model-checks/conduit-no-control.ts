import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

export function checkConduitWithoutControl({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  return conduits
    .filter((conduit) => conduit.controls.length === 0)
    .map((conduit) => ({
      id: `conduit-no-control:${conduit.id}`,
      checkId: 'conduit-no-control' as const,
      severity: 'high' as const,
      message: `Conduit ${conduitName(conduit, zone(conduit.fromZoneId), zone(conduit.toZoneId))} has no control (no firewall, data diode, jump host or VPN).`,
      target: { kind: 'conduit' as const, id: conduit.id },
    }));
}

export const conduitNoControlCheck = defineCheck({
  id: 'conduit-no-control',
  label: 'Conduit without a control',
  run: checkConduitWithoutControl,
  finding: {
    title: (n) => `${plural(n, 'conduit')} without a security control`,
    phase: 2,
    recommendation:
      'Put a firewall (or a data diode for one-way flows) on each of these conduits, with rules that allow only the documented services, and record who owns the rules.',
  },
});
