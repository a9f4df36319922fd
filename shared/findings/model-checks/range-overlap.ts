import { findRangeOverlaps } from '../../network';
import { defineCheck, type ModelCheckEntry, type ModelCheckInput } from './check';

export function checkRangeOverlaps({ zones }: ModelCheckInput): ModelCheckEntry[] {
  return findRangeOverlaps(zones).map((overlap) => ({
    id: `range-overlap:${overlap.zoneA.id}:${overlap.zoneA.range}:${overlap.zoneB.id}:${overlap.zoneB.range}`,
    checkId: 'range-overlap' as const,
    severity: overlap.nested ? ('low' as const) : ('medium' as const),
    message: overlap.nested
      ? `Range ${overlap.zoneA.range} of "${overlap.zoneA.name}" and ${overlap.zoneB.range} of "${overlap.zoneB.name}" are nested; the more specific one wins when assigning by subnet.`
      : `Range ${overlap.zoneA.range} of "${overlap.zoneA.name}" overlaps ${overlap.zoneB.range} of "${overlap.zoneB.name}".`,
    target: { kind: 'zone' as const, id: overlap.zoneA.id },
  }));
}

export const rangeOverlapCheck = defineCheck({
  id: 'range-overlap',
  label: 'Overlapping ranges',
  run: checkRangeOverlaps,
  finding: {
    title: (n) => `Overlapping address ranges (${n})`,
    phase: 1,
    recommendation:
      'Correct the zone address ranges so that each subnet belongs to one zone; overlapping ranges usually mean the documentation or the network is not what it should be.',
  },
});
