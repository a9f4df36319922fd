import { hasSlt } from '../../model/slt';
import { defineCheck, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

export function checkZoneWithoutSlt({ zones }: ModelCheckInput): ModelCheckEntry[] {
  return zones
    .filter((zone) => !hasSlt(zone.slt))
    .map((zone) => ({
      id: `zone-no-slt:${zone.id}`,
      checkId: 'zone-no-slt' as const,
      severity: 'medium' as const,
      message: `Zone "${zone.name}" has no target security level (SL-T).`,
      target: { kind: 'zone' as const, id: zone.id },
    }));
}

export const zoneNoSltCheck = defineCheck({
  id: 'zone-no-slt',
  label: 'Zone without an SL-T',
  run: checkZoneWithoutSlt,
  finding: {
    title: (n) => `${plural(n, 'zone')} without a target security level`,
    phase: 1,
    recommendation:
      'Agree a target security level for each zone with the asset owner, based on the consequences of a compromise and the threat the zone must withstand; it decides which requirements apply.',
  },
});
