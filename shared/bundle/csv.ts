import { planRoadmap, resolveFindingSettings } from '../findings';
import Papa from 'papaparse';
import { achievedVector, catalogueForVersion, targetVector, type SlVector } from '../catalogue';
import { FR_IDS, type AssessmentData, type EndpointRef, type Zone } from '../model';

/**
 * A cell that a spreadsheet would run as a formula starts with one of these (OWASP CSV injection);
 * papaparse prefixes such cells with a quote. Its default pattern misses multi-line cells, so ours
 * only looks at the first character (full-width forms included).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A byte order mark, so that Excel reads the UTF-8 (accents, non-Latin names) correctly. */
const BOM = '\uFEFF';

type Cell = string | number | null;
type Column<T> = [header: string, value: (row: T) => Cell];

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const fields = columns.map(([header]) => header);
  const data = rows.map((row) => columns.map(([, value]) => value(row)));
  return BOM + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n';
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
  const endpoint = (ref: EndpointRef): string => {
    if (ref.kind === 'asset') return assetName.get(ref.assetId) ?? ref.assetId;
    return ref.kind === 'zone' ? zoneOf(ref.zoneId) : ref.text;
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
  const assetCount = new Map<string, number>();
  for (const asset of data.assets) {
    if (asset.zoneId) assetCount.set(asset.zoneId, (assetCount.get(asset.zoneId) ?? 0) + 1);
  }

  return {
    'assets.csv': toCsv(data.assets, [
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
    'zones.csv': toCsv(data.zones, [
      ['id', (z) => z.id],
      ['name', (z) => z.name],
      ['kind', (z) => z.kind],
      ['purdue_level', (z) => z.purdueLevel],
      ['criticality', (z) => z.criticality],
      ...FR_IDS.map((fr): Column<Zone> => [`slt_${fr.toLowerCase()}`, (z) => targetVector(z.slt)[fr]]),
      ...FR_IDS.map((fr): Column<Zone> => [
        `sla_${fr.toLowerCase()}`,
        (z) => achieved.get(z.id)?.[fr] ?? null,
      ]),
      ['ranges', (z) => list(z.ranges)],
      ['assets', (z) => assetCount.get(z.id) ?? 0],
      ['description', (z) => z.description],
    ]),
    'conduits.csv': toCsv(data.conduits, [
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
    'answers.csv': toCsv(data.answers, [
      ['zone', (a) => zoneOf(a.zoneId)],
      ['item', (a) => a.itemId],
      ['status', (a) => a.status],
      ['notes', (a) => a.notes],
      ['justification', (a) => a.justification],
      ['evidence', (a) => evidenceList(a.evidenceIds)],
      ['answered_by', (a) => a.answeredBy],
      ['answered_at', (a) => a.answeredAt],
    ]),
    'connections.csv': toCsv(data.connections, [
      ['id', (c) => c.id],
      ['from', (c) => endpoint(c.from)],
      ['to', (c) => endpoint(c.to)],
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
    'findings.csv': toCsv(
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
  };
}
