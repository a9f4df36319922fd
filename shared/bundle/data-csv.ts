import { planRoadmap, resolveFindingSettings } from '../findings';
import { achievedVector, catalogueForVersion, targetVector, type SlVector } from '../catalogue';
import { toCsv, type CsvColumn } from '../csv';
import { endpointLabel } from '../network/endpoint-label';
import { FR_IDS, type AssessmentData, type Zone } from '../model';

/** A bundle CSV file: for Excel, so with a byte order mark, and ending in a line end. */
export function bundleCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return toCsv(rows, columns, { bom: true, finalNewline: true });
}

const list = (values: readonly string[]): string => values.join('; ');

/** The CSV files of data/, by file name. */
export function assessmentCsvFiles(data: AssessmentData): Record<string, string> {
  const zoneName = new Map(data.zones.map((z) => [z.id, z.name]));
  const assetName = new Map(data.assets.map((a) => [a.id, a.name || a.ips[0] || a.id]));
  const evidenceName = new Map(data.evidence.map((e) => [e.id, e.name]));
  const zoneOf = (id: string | null): string => (id ? (zoneName.get(id) ?? id) : '');
  const roadmap = planRoadmap(data.findings, {
    quarterCapacity: resolveFindingSettings(data.assessment.findingSettings).quarterCapacity,
  });
  const evidenceList = (ids: readonly string[]): string => list(ids.map((id) => evidenceName.get(id) ?? id));
  const names = {
    assets: new Map(data.assets.map((a) => [a.id, a])),
    zones: new Map(data.zones.map((z) => [z.id, z])),
  };
  // SL-A needs the catalogue the assessment was made against; without it the columns stay empty.
  const catalogue = catalogueForVersion(data.assessment.catalogueVersion);
  const achieved = new Map<string, SlVector>();
  if (catalogue) {
    for (const zone of data.zones) {
      achieved.set(
        zone.id,
        achievedVector(
          catalogue,
          data.answers.filter((a) => a.zoneId === zone.id),
        ),
      );
    }
  }
  const assetZone = new Map(data.assets.map((a) => [a.id, a.zoneId]));
  const conduitName = new Map(
    data.conduits.map((c) => [c.id, c.name || `${zoneOf(c.fromZoneId)} – ${zoneOf(c.toZoneId)}`]),
  );
  const assetCount = new Map<string, number>();
  for (const asset of data.assets) {
    if (asset.zoneId) assetCount.set(asset.zoneId, (assetCount.get(asset.zoneId) ?? 0) + 1);
  }

  return {
    'assets.csv': bundleCsv(data.assets, [
      ['id', (a) => a.id],
      ['name', (a) => a.name],
      ['zone', (a) => zoneOf(a.zoneId)],
      ['ips', (a) => list(a.ips)],
      ['macs', (a) => list(a.macs)],
      ['hostnames', (a) => list(a.hostnames)],
      ['vendor', (a) => a.vendor],
      ['model', (a) => a.model],
      ['firmware', (a) => a.firmware],
      ['os', (a) => a.os],
      ['serial', (a) => a.serial],
      ['type', (a) => a.type],
      ['purdue_level', (a) => a.purdueLevel],
      ['protocols', (a) => list(a.protocols)],
      ['criticality', (a) => a.criticality],
      ['first_seen', (a) => a.firstSeen],
      ['last_seen', (a) => a.lastSeen],
      ['end_of_support', (a) => a.endOfSupport],
      ['notes', (a) => a.notes],
    ]),
    'zones.csv': bundleCsv(data.zones, [
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
      ['ranges', (z) => list(z.ranges)],
      ['assets', (z) => assetCount.get(z.id) ?? 0],
      ['description', (z) => z.description],
    ]),
    'conduits.csv': bundleCsv(data.conduits, [
      ['id', (c) => c.id],
      ['name', (c) => c.name],
      ['from_zone', (c) => zoneOf(c.fromZoneId)],
      ['to_zone', (c) => zoneOf(c.toZoneId)],
      ['direction', (c) => c.direction],
      [
        'services',
        (c) =>
          list(
            c.services.map((s) =>
              [s.transport + (s.ports ? `/${s.ports}` : ''), s.protocol].join(' ').trim(),
            ),
          ),
      ],
      ['controls', (c) => list(c.controls)],
      ['notes', (c) => c.notes],
    ]),
    'answers.csv': bundleCsv(data.answers, [
      ['zone', (a) => zoneOf(a.zoneId)],
      ['item', (a) => a.itemId],
      ['status', (a) => a.status],
      ['notes', (a) => a.notes],
      ['justification', (a) => a.justification],
      ['evidence', (a) => evidenceList(a.evidenceIds)],
      ['answered_by', (a) => a.answeredBy],
      ['answered_at', (a) => a.answeredAt],
    ]),
    'connections.csv': bundleCsv(data.connections, [
      ['id', (c) => c.id],
      ['from', (c) => endpointLabel(c.from, names)],
      ['to', (c) => endpointLabel(c.to, names)],
      ['type', (c) => c.type],
      ['found_by', (c) => c.foundBy],
      ['likelihood', (c) => c.likelihood],
      ['impact', (c) => c.impact],
      ['risk', (c) => c.likelihood * c.impact],
      ['status', (c) => c.status],
      ['description', (c) => c.description],
      ['justification', (c) => c.justification],
      ['recommendation', (c) => c.recommendation],
      ['evidence', (c) => evidenceList(c.evidenceIds)],
    ]),
    'findings.csv': bundleCsv(
      [...data.findings].sort((a, b) => a.order - b.order),
      [
        ['order', (f) => f.order],
        ['id', (f) => f.id],
        ['title', (f) => f.title],
        ['severity', (f) => f.severity],
        ['phase', (f) => f.phase],
        ['status', (f) => f.status],
        ['roadmap_slot', (f) => roadmap.get(f.id)?.slot ?? ''],
        ['effort', (f) => f.effort ?? ''],
        ['roadmap_slot_set_by_assessor', (f) => (f.roadmapSlot ? 'yes' : 'no')],
        ['origin', (f) => f.origin],
        ['description', (f) => f.description],
        ['recommendation', (f) => f.recommendation],
        ['items', (f) => list(f.refs.itemIds)],
        ['zones', (f) => list(f.refs.zoneIds.map(zoneOf))],
        ['dismiss_reason', (f) => f.dismissReason],
      ],
    ),
    'vulnerabilities.csv': bundleCsv(data.vulnerabilities ?? [], [
      ['id', (v) => v.id],
      ['advisory', (v) => v.advisoryId],
      ['title', (v) => v.title],
      ['asset', (v) => assetName.get(v.assetId) ?? v.assetId],
      ['asset_id', (v) => v.assetId],
      ['zone', (v) => zoneOf(assetZone.get(v.assetId) ?? null)],
      ['cves', (v) => list(v.cves)],
      ['cvss', (v) => v.cvss],
      ['kev', (v) => (v.kev ? 'yes' : 'no')],
      ['status', (v) => v.status],
      ['confidence', (v) => v.confidence],
      ['why', (v) => v.why],
      ['remediation', (v) => v.remediation],
      ['stale', (v) => (v.stale ? 'yes' : 'no')],
      ['decision', (v) => v.decision ?? ''],
      ['mitigation', (v) => v.mitigation?.control ?? ''],
      [
        'mitigation_conduit',
        (v) =>
          v.mitigation?.conduitId ? (conduitName.get(v.mitigation.conduitId) ?? v.mitigation.conduitId) : '',
      ],
      [
        'mitigation_countermeasure',
        (v) => {
          const id = v.mitigation?.countermeasureId;
          return id ? ((data.countermeasures ?? []).find((c) => c.id === id)?.title ?? id) : '';
        },
      ],
      ['accept_reason', (v) => v.acceptance?.reason ?? ''],
      ['accept_owner', (v) => v.acceptance?.owner ?? ''],
      ['review_date', (v) => v.acceptance?.reviewDate ?? ''],
      ['decided_at', (v) => v.decidedAt ?? ''],
    ]),
  };
}
