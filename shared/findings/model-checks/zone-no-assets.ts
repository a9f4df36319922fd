import { defineCheck, type ModelCheckEntry, type ModelCheckInput } from './check';
import { plural } from '../types';

export function checkZoneWithoutAssets({ zones, assetCounts }: ModelCheckInput): ModelCheckEntry[] {
  return zones
    .filter((zone) => (assetCounts.get(zone.id) ?? 0) === 0)
    .map((zone) => ({
      id: `zone-no-assets:${zone.id}`,
      checkId: 'zone-no-assets' as const,
      severity: 'low' as const,
      message: `Zone "${zone.name}" has no assets assigned.`,
      target: { kind: 'zone' as const, id: zone.id },
    }));
}

export const zoneNoAssetsCheck = defineCheck({
  id: 'zone-no-assets',
  label: 'Zone without assets',
  run: checkZoneWithoutAssets,
  finding: {
    title: (n) => `${plural(n, 'zone')} without assets`,
    phase: 1,
    recommendation:
      'Confirm whether these zones are real and place their assets in them (by subnet or by hand), or remove them from the model, so that the diagram matches the plant.',
  },
});
