import type { AssessmentData } from '../../model';
import { bundleCsv, cellList, type BundleCsvFile, type CsvLookups } from './table';

/** Names for what a vulnerability points at: its asset, the asset's zone, a mitigating conduit or countermeasure. */
function vulnerabilityNames(data: AssessmentData, { zoneOf }: CsvLookups) {
  const assetName = new Map(data.assets.map((a) => [a.id, a.name || a.ips[0] || a.id]));
  const assetZone = new Map(data.assets.map((a) => [a.id, a.zoneId]));
  const conduitName = new Map(
    data.conduits.map((c) => [c.id, c.name || `${zoneOf(c.fromZoneId)} – ${zoneOf(c.toZoneId)}`]),
  );
  return {
    asset: (id: string) => assetName.get(id) ?? id,
    zoneOfAsset: (id: string) => zoneOf(assetZone.get(id) ?? null),
    conduit: (id: string | null | undefined) => (id ? (conduitName.get(id) ?? id) : ''),
    countermeasure: (id: string | null | undefined) =>
      id ? ((data.countermeasures ?? []).find((c) => c.id === id)?.title ?? id) : '',
  };
}

export const VULNERABILITIES_CSV: BundleCsvFile = {
  name: 'vulnerabilities.csv',
  render(data, lookups) {
    const names = vulnerabilityNames(data, lookups);
    return bundleCsv(data.vulnerabilities ?? [], [
      ['id', (v) => v.id],
      ['advisory', (v) => v.advisoryId],
      ['title', (v) => v.title],
      ['asset', (v) => names.asset(v.assetId)],
      ['asset_id', (v) => v.assetId],
      ['zone', (v) => names.zoneOfAsset(v.assetId)],
      ['cves', (v) => cellList(v.cves)],
      ['cvss', (v) => v.cvss],
      ['kev', (v) => (v.kev ? 'yes' : 'no')],
      ['status', (v) => v.status],
      ['confidence', (v) => v.confidence],
      ['why', (v) => v.why],
      ['remediation', (v) => v.remediation],
      ['stale', (v) => (v.stale ? 'yes' : 'no')],
      ['decision', (v) => v.decision ?? ''],
      ['mitigation', (v) => v.mitigation?.control ?? ''],
      ['mitigation_conduit', (v) => names.conduit(v.mitigation?.conduitId)],
      ['mitigation_countermeasure', (v) => names.countermeasure(v.mitigation?.countermeasureId)],
      ['accept_reason', (v) => v.acceptance?.reason ?? ''],
      ['accept_owner', (v) => v.acceptance?.owner ?? ''],
      ['review_date', (v) => v.acceptance?.reviewDate ?? ''],
      ['decided_at', (v) => v.decidedAt ?? ''],
    ]);
  },
};
