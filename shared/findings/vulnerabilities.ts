import type { Asset } from '../model/inventory';
import type { Severity } from '../model/findings';
import { VULNERABILITY_DECISION_LABELS, type Vulnerability } from '../model/vulnerabilities';
import type { Zone } from '../model/zone';
import { zoneConsequence, type ZoneConsequenceInput } from './consequence';
import { mitigationText, NO_TARGETS, type MitigationTargets } from './mitigation-link';
import { productLineOf, type ProductLine } from './product-line';
import { EXPOSURE_FACTOR_LABELS, type ZoneExposure } from './exposure';
import { maxSeverity, shiftSeverity } from './severity';
import { emptyRefs, listSome, MAX_REF_ASSETS, plural, unique, type GeneratedFinding } from './types';

const NAMES_SHOWN = 15;
const ADVISORIES_LISTED = 25;

/** CVSS v3 qualitative bands (FIRST): 9.0 critical, 7.0 high, 4.0 medium, above 0 low. */
export function severityFromCvss(cvss: number | null): Severity {
  if (cvss === null) return 'medium';
  if (cvss >= 9) return 'critical';
  if (cvss >= 7) return 'high';
  if (cvss >= 4) return 'medium';
  return cvss > 0 ? 'low' : 'info';
}

/**
 * A group's severity: the CVSS band, raised for a known exploited CVE (KEV, never below high) and
 * for a zone of catastrophic consequence (5), lowered for a zone of minor consequence (2 or less),
 * for a match whose version is not confirmed, and where every asset is already mitigated. The
 * zone's consequence is the risk assessment's rating, else its criticality (see zoneConsequence).
 * CVSS rates the flaw, not the plant: given the zone's exposure, the catastrophic-consequence raise
 * needs a highly exposed zone (4 or more), and a zone hardly reachable (exposure 2 or less) is
 * never critical, so critical stays for high stakes and high exposure together.
 */
export function vulnerabilitySeverity(
  records: readonly Vulnerability[],
  zone: Zone | null,
  risk?: ZoneConsequenceInput,
  exposure?: ZoneExposure,
): Severity {
  const cvss = Math.max(...records.map((r) => r.cvss ?? -1));
  let severity = severityFromCvss(cvss < 0 ? null : cvss);
  const kev = records.some((r) => r.kev);
  if (kev) severity = maxSeverity(shiftSeverity(severity, 1), 'high');
  const consequence = zone ? zoneConsequence(zone, risk).level : null;
  if (consequence !== null && consequence >= 5 && (exposure === undefined || exposure.level >= 4))
    severity = shiftSeverity(severity, 1);
  if (consequence !== null && consequence <= 2) severity = shiftSeverity(severity, -1);
  if (records.every((r) => r.status === 'possibly-affected')) severity = shiftSeverity(severity, -1);
  if (records.every((r) => r.decision === 'mitigate')) severity = shiftSeverity(severity, -1);
  if (exposure !== undefined && exposure.level <= 2 && severity === 'critical') return 'high';
  return severity;
}

function assetLabel(asset: Asset): string {
  const name = asset.name.trim() || asset.ips[0] || asset.id;
  const ip = asset.ips[0];
  const what = [asset.model, asset.firmware].filter(Boolean).join(' ');
  return `${ip && ip !== name ? `${name} (${ip})` : name}${what ? `, ${what}` : ''}`;
}

/** The matches of one product line in one zone: every asset of the line there, with its records. */
interface LineGroup {
  zone: Zone | null;
  line: ProductLine;
  assets: Asset[];
  records: Vulnerability[];
}

function groupByLine(
  vulnerabilities: readonly Vulnerability[],
  assets: readonly Asset[],
  zones: readonly Zone[],
): LineGroup[] {
  const assetById = new Map(assets.map((a) => [a.id, a]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const groups = new Map<string, LineGroup>();
  for (const record of vulnerabilities) {
    const asset = assetById.get(record.assetId);
    if (!asset || record.stale) continue;
    const zone = asset.zoneId ? (zoneById.get(asset.zoneId) ?? null) : null;
    const line = productLineOf(asset);
    const key = `${line.key}\u0000${zone?.id ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { zone, line, assets: [], records: [] }));
    if (!group.assets.includes(asset)) group.assets.push(asset);
    // The fullest wording names the line: "SIMATIC S7-1500" rather than "S7-1500".
    if (line.line.length > group.line.line.length) group.line = line;
    group.records.push(record);
  }
  return [...groups.values()];
}

/** One advisory of a group: its records on the group's assets, worst first when listed. */
interface AdvisoryRow {
  id: string;
  title: string;
  cvss: number | null;
  kevCves: string[];
  records: Vulnerability[];
}

function advisoryRows(records: readonly Vulnerability[]): AdvisoryRow[] {
  const rows = new Map<string, AdvisoryRow>();
  for (const record of records) {
    let row = rows.get(record.advisoryId);
    if (!row) {
      row = { id: record.advisoryId, title: record.title, cvss: null, kevCves: [], records: [] };
      rows.set(record.advisoryId, row);
    }
    row.records.push(record);
    if (record.cvss !== null) row.cvss = Math.max(row.cvss ?? 0, record.cvss);
    if (record.kev) row.kevCves = unique([...row.kevCves, ...record.cves]);
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(b.kevCves.length > 0) - Number(a.kevCves.length > 0) ||
      (b.cvss ?? -1) - (a.cvss ?? -1) ||
      a.id.localeCompare(b.id),
  );
}

/** "2 patch now, 1 accepted, 3 not decided" over the records of one advisory or group. */
function decisionSummary(records: readonly Vulnerability[]): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const label = r.decision ? VULNERABILITY_DECISION_LABELS[r.decision].toLowerCase() : 'not decided';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join(', ');
}

function advisoryLine(row: AdvisoryRow): string {
  const cvss = row.cvss === null ? 'CVSS not given' : `CVSS ${row.cvss.toFixed(1)}`;
  const kev = row.kevCves.length > 0 ? `; KEV: ${row.kevCves.join(', ')}` : '';
  const possibly = row.records.filter((r) => r.status === 'possibly-affected').length;
  const version = possibly > 0 ? `; version not confirmed on ${plural(possibly, 'asset')}` : '';
  const decided = decisionSummary(row.records);
  // The match evidence (product branch, range text) per asset is in the Vulnerabilities section and
  // data/vulnerabilities.csv; repeating it here made one finding span pages.
  return `- ${row.id} (${row.title}): ${cvss}${kev}; ${plural(row.records.length, 'asset')} (${decided})${version}.`;
}

function exposureLine(exposure: ZoneExposure): string {
  const factors = exposure.factors.map((f) => EXPOSURE_FACTOR_LABELS[f]);
  return `Zone exposure ${exposure.level} of 5${factors.length > 0 ? ` (${factors.join(', ')})` : ' (reached only through documented conduits from zones as trusted)'}.`;
}

function lineName(group: LineGroup): string {
  const where = group.zone ? `in ${group.zone.name}` : 'outside any zone';
  return `${group.line.vendor} ${group.line.line} ${where}`;
}

function describe(
  group: LineGroup,
  rows: AdvisoryRow[],
  risk?: ZoneConsequenceInput,
  exposure?: ZoneExposure,
): string {
  const open = group.records.filter((r) => r.decision !== 'accept');
  const openAssets = new Set(open.map((r) => r.assetId)).size;
  const accepted = group.assets.length - openAssets;
  const listed = rows.slice(0, ADVISORIES_LISTED).map(advisoryLine);
  if (rows.length > ADVISORIES_LISTED)
    listed.push(`- and ${rows.length - ADVISORIES_LISTED} more advisories`);
  const labels = group.assets.slice(0, NAMES_SHOWN + 1).map(assetLabel);
  const consequence = group.zone ? zoneConsequence(group.zone, risk) : null;
  return [
    `${plural(rows.length, 'published advisory', 'published advisories')} name ${plural(group.assets.length, 'asset')} of the ${group.line.vendor} ${group.line.line} line ${group.zone ? `in ${group.zone.name}` : 'outside any zone'}` +
      `${accepted > 0 ? `; ${plural(accepted, 'asset')} with every advisory accepted and documented` : ''}.`,
    `Advisories:\n${listed.join('\n')}`,
    `Assets: ${listSome(labels, NAMES_SHOWN, group.assets.length)}.`,
    `Decisions: ${decisionSummary(group.records)}.`,
    consequence
      ? `Zone consequence ${consequence.level} of 5 (from the ${consequence.source}) weighs into the severity.`
      : '',
    exposure ? exposureLine(exposure) : '',
    'Why each asset matches (the advisory’s product and version range) is listed under Vulnerabilities.',
  ]
    .filter(Boolean)
    .join('\n');
}

function names(records: readonly Vulnerability[], assetById: ReadonlyMap<string, Asset>): string {
  const list = unique(records.map((r) => assetById.get(r.assetId)?.name || r.assetId));
  return listSome(list, 5);
}

function recommend(group: LineGroup, rows: AdvisoryRow[], targets: MitigationTargets): string {
  const assetById = new Map(group.assets.map((a) => [a.id, a]));
  const lines: string[] = [];
  for (const row of rows) {
    const patch = row.records.filter((r) => r.decision === 'patch-now');
    if (patch.length === 0) continue;
    const fix = patch[0]!.remediation || 'apply the vendor fix named in the advisory';
    lines.push(`Patch now, ${row.id} on ${names(patch, assetById)}: ${fix}.`);
  }
  const mitigations = unique(
    group.records.flatMap((r) =>
      r.decision === 'mitigate' && r.mitigation ? [mitigationText(r.mitigation, targets)] : [],
    ),
  ).filter(Boolean);
  if (mitigations.length > 0) {
    lines.push(`Keep the mitigation in place and verify it at each review: ${mitigations.join('; ')}.`);
  }
  const undecided = rows.filter((row) => row.records.some((r) => r.decision === null));
  if (undecided.length > 0) {
    lines.push(
      `Decide ${listSome(
        undecided.map((row) => row.id),
        8,
      )}: patch now where a maintenance window and the vendor's fix allow; otherwise mitigate through the conduit (restrict the affected service to the hosts that need it) or accept and document the risk with an owner and a review date.`,
    );
  }
  const reviews = group.records.flatMap((r) =>
    r.decision === 'accept' && r.acceptance ? [r.acceptance] : [],
  );
  if (reviews.length > 0 && lines.length === 0) {
    const next = reviews.reduce((a, b) => (b.reviewDate < a.reviewDate ? b : a));
    lines.push(`Every match is accepted and documented: review by ${next.reviewDate} (owner ${next.owner}).`);
  }
  return lines.join('\n');
}

/** How reachable each zone is (shared/findings/exposure.ts); absent, exposure is not weighed. */
export type ExposureOf = (zoneId: string) => ZoneExposure | undefined;

function lineFinding(
  group: LineGroup,
  risk: ZoneConsequenceInput | undefined,
  targets: MitigationTargets,
  exposureOf?: ExposureOf,
): GeneratedFinding {
  const exposure = group.zone ? exposureOf?.(group.zone.id) : undefined;
  const rows = advisoryRows(group.records);
  const open = group.records.filter((r) => r.decision !== 'accept');
  const kev = rows.filter((row) => row.kevCves.length > 0).length;
  const state = open.length === 0 ? ', all accepted and documented' : kev > 0 ? `, ${kev} in KEV` : '';
  return {
    autoKey: `vulnerability:${group.line.key}:${group.zone?.id ?? 'unzoned'}`,
    title: `${lineName(group)}: ${plural(rows.length, 'advisory', 'advisories')}${state}`,
    description: describe(group, rows, risk, exposure),
    severity: open.length > 0 ? vulnerabilitySeverity(open, group.zone, risk, exposure) : 'info',
    phase: 5,
    recommendation: recommend(group, rows, targets),
    refs: {
      ...emptyRefs(),
      zoneIds: group.zone ? [group.zone.id] : [],
      assetIds: group.assets.slice(0, MAX_REF_ASSETS).map((a) => a.id),
    },
  };
}

/**
 * Phase-5 findings: one per product line and zone ("Siemens SIMATIC S7-1500 in Cell 2: 6
 * advisories, 2 in KEV"), over the matches that still apply, so each matched asset is in exactly
 * one. Accepted matches are listed but do not count as open: they leave the severity, and a line
 * whose matches are all accepted is kept at info as the record of the accepted risk.
 */
export function vulnerabilityFindings(
  vulnerabilities: readonly Vulnerability[],
  assets: readonly Asset[],
  zones: readonly Zone[],
  risk?: ZoneConsequenceInput,
  targets: MitigationTargets = NO_TARGETS,
  exposureOf?: ExposureOf,
): GeneratedFinding[] {
  return groupByLine(vulnerabilities, assets, zones).map((group) =>
    lineFinding(group, risk, targets, exposureOf),
  );
}
