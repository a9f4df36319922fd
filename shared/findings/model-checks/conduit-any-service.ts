import { describeService, isAnyService } from '../../network';
import { conduitName, defineCheck, zoneLookup, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

export function checkAnyService({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const open = conduit.services.filter(isAnyService);
    if (open.length === 0) continue;
    entries.push({
      id: `conduit-any-service:${conduit.id}`,
      checkId: 'conduit-any-service',
      severity: 'medium',
      message: `Conduit ${conduitName(conduit, zone(conduit.fromZoneId), zone(conduit.toZoneId))} allows any service (${open.map(describeService).join(', ')}); list the specific protocols and ports instead.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export const conduitAnyServiceCheck = defineCheck({
  id: 'conduit-any-service',
  label: 'Conduit allows any service',
  run: checkAnyService,
  finding: {
    title: (n) => `${plural(n, 'conduit')} ${n === 1 ? 'allows' : 'allow'} any service`,
    phase: 2,
    recommendation:
      'Replace "any" rules with the specific protocols and ports the process needs. Use the observed traffic to draft the list, run the new rules in logging mode through a production cycle, then enforce them.',
  },
});
