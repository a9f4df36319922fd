import { renderDiagramSvg } from '../diagram';
import type { AssessmentData } from '../model';

/** The bundle's diagram/zones.svg for an assessment, or null when it has no zones to draw. */
export function assessmentDiagramSvg(data: AssessmentData): string | null {
  if (data.zones.length === 0) return null;
  const assetCounts = new Map<string, number>();
  for (const asset of data.assets) {
    if (asset.zoneId) assetCounts.set(asset.zoneId, (assetCounts.get(asset.zoneId) ?? 0) + 1);
  }
  return renderDiagramSvg({
    title: `${data.assessment.client} – ${data.assessment.site}`,
    zones: data.zones,
    conduits: data.conduits,
    assetCounts,
  });
}
