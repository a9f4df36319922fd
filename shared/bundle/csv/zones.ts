import { achievedVector, catalogueForVersion, targetVector, type SlVector } from '../../catalogue';
import type { CsvColumn } from '../../csv';
import { FR_IDS, type AssessmentData, type Zone } from '../../model';
import { bundleCsv, cellList, type BundleCsvFile } from './table';

/** Each zone's SL-A; empty without the catalogue the assessment was made against. */
function achievedByZone(data: AssessmentData): Map<string, SlVector> {
  const catalogue = catalogueForVersion(data.assessment.catalogueVersion);
  const achieved = new Map<string, SlVector>();
  if (!catalogue) return achieved;
  for (const zone of data.zones) {
    achieved.set(
      zone.id,
      achievedVector(
        catalogue,
        data.answers.filter((a) => a.zoneId === zone.id),
      ),
    );
  }
  return achieved;
}

function assetCountByZone(data: AssessmentData): Map<string, number> {
  const count = new Map<string, number>();
  for (const asset of data.assets) {
    if (asset.zoneId) count.set(asset.zoneId, (count.get(asset.zoneId) ?? 0) + 1);
  }
  return count;
}

export const ZONES_CSV: BundleCsvFile = {
  name: 'zones.csv',
  render(data) {
    const achieved = achievedByZone(data);
    const assetCount = assetCountByZone(data);
    return bundleCsv(data.zones, [
      ['id', (z) => z.id],
      ['name', (z) => z.name],
      ['kind', (z) => z.kind],
      ['purdue_level', (z) => z.purdueLevel],
      ['criticality', (z) => z.criticality],
      ...FR_IDS.map((fr): CsvColumn<Zone> => [`slt_${fr.toLowerCase()}`, (z) => targetVector(z.slt)[fr]]),
      ...FR_IDS.map((fr): CsvColumn<Zone> => [
        `sla_${fr.toLowerCase()}`,
        (z) => achieved.get(z.id)?.[fr] ?? null,
      ]),
      ['ranges', (z) => cellList(z.ranges)],
      ['assets', (z) => assetCount.get(z.id) ?? 0],
      ['description', (z) => z.description],
    ]);
  },
};
