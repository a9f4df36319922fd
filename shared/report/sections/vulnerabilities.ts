import { plural } from '../../findings/types';
import { mitigationText, type MitigationTargets } from '../../findings/mitigation-link';
import { severityFromCvss } from '../../findings/vulnerabilities';
import { SEVERITIES } from '../../model/findings';
import { VULNERABILITY_DECISION_LABELS, type Vulnerability } from '../../model/vulnerabilities';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import type { TextTable } from '../wording';

const LISTED = 40;

function decisionText(v: Vulnerability, targets: MitigationTargets): string {
  if (!v.decision) return 'Not decided';
  const label = VULNERABILITY_DECISION_LABELS[v.decision];
  if (v.decision === 'accept' && v.acceptance) {
    return `${label}: ${v.acceptance.reason} (owner ${v.acceptance.owner}, review ${v.acceptance.reviewDate})`;
  }
  if (v.decision === 'mitigate' && v.mitigation) return `${label}: ${mitigationText(v.mitigation, targets)}`;
  return label;
}

export const VULNERABILITIES_EMPTY =
  'No published advisory matched the inventory, or matching has not been run.';

/** The current matches with what every table of the section needs, for the PDF and the editable outputs. */
export interface VulnerabilityTables {
  summary: string;
  bySeverityAndZone: TextTable;
  kev: TextTable | null;
  matches: TextTable;
  /** Where the full list is, and how much of it the matches table shows. */
  note: string;
}

export function vulnerabilityTables(
  model: ReportModel,
  listed: number | null = LISTED,
): VulnerabilityTables | null {
  const current = (model.data.vulnerabilities ?? []).filter((v) => !v.stale);
  if (current.length === 0) return null;
  const assets = new Map(model.data.assets.map((a) => [a.id, a]));
  const targets = { countermeasures: model.data.countermeasures ?? [], conduits: model.data.conduits };
  const zoneOf = (v: Vulnerability) => {
    const zoneId = assets.get(v.assetId)?.zoneId;
    return zoneId ? model.zoneName(zoneId) : 'Not placed in a zone';
  };
  const advisories = new Set(current.map((v) => v.advisoryId));
  const affectedAssets = new Set(current.filter((v) => v.status === 'affected').map((v) => v.assetId));
  const kev = current.filter((v) => v.kev);
  const undecided = current.filter((v) => v.decision === null).length;
  const summary =
    `${plural(advisories.size, 'CISA ICS advisory', 'CISA ICS advisories')} ${advisories.size === 1 ? 'names' : 'name'} ${plural(new Set(current.map((v) => v.assetId)).size, 'asset')} of the inventory ` +
    `(${affectedAssets.size} affected with the firmware in range, the rest possibly affected where the version is not known). ` +
    `${plural(kev.length, 'match', 'matches')} ${kev.length === 1 ? 'carries' : 'carry'} a known exploited vulnerability (CISA KEV). ${undecided} of ${plural(current.length, 'match', 'matches')} ${undecided === 1 ? 'awaits' : 'await'} a decision.`;

  const zones = [...new Set(current.map(zoneOf))].sort();
  const count = (zone: string, severity: string) =>
    current.filter((v) => zoneOf(v) === zone && severityFromCvss(v.cvss) === severity).length;
  const bySeverityAndZone: TextTable = {
    head: ['Zone', ...SEVERITIES.slice(0, 4).map((s) => s[0]!.toUpperCase() + s.slice(1)), 'KEV', 'Total'],
    rows: zones.map((zone) => [
      zone,
      ...SEVERITIES.slice(0, 4).map((s) => String(count(zone, s))),
      String(current.filter((v) => zoneOf(v) === zone && v.kev).length),
      String(current.filter((v) => zoneOf(v) === zone).length),
    ]),
  };
  const sorted = [...current].sort(
    (a, b) => (b.cvss ?? -1) - (a.cvss ?? -1) || a.advisoryId.localeCompare(b.advisoryId),
  );
  const shown = listed === null ? sorted : sorted.slice(0, listed);
  return {
    summary,
    bySeverityAndZone,
    kev:
      kev.length === 0
        ? null
        : {
            head: ['Advisory', 'Asset', 'Zone', 'CVEs', 'Decision'],
            rows: kev.map((v) => [
              v.advisoryId,
              assets.get(v.assetId)?.name ?? v.assetId,
              zoneOf(v),
              v.cves.join(', '),
              decisionText(v, targets),
            ]),
          },
    matches: {
      head: ['Advisory', 'Asset', 'Zone', 'CVSS', 'Status', 'Decision'],
      rows: shown.map((v) => [
        `${v.advisoryId}${v.kev ? ' (KEV)' : ''}\n${v.title}`,
        `${assets.get(v.assetId)?.name ?? v.assetId}`,
        zoneOf(v),
        v.cvss === null ? '–' : v.cvss.toFixed(1),
        v.status === 'affected' ? 'Affected' : 'Possibly affected',
        decisionText(v, targets),
      ]),
    },
    note: `${shown.length < sorted.length ? `The ${shown.length} highest-scored of ${sorted.length} matches are listed; all` : 'All matches'} are in data/vulnerabilities.csv of the bundle, with the advisory's product branch and version range for each.`,
  };
}

/** Phase 5: advisories matched to the inventory, by severity and zone, KEV entries and decisions. */
export function writeVulnerabilities(w: ReportWriter, model: ReportModel): void {
  w.section('Vulnerabilities');
  const tables = vulnerabilityTables(model);
  if (!tables) {
    w.empty(VULNERABILITIES_EMPTY);
    return;
  }
  w.paragraph(tables.summary);
  w.subheading('By severity and zone');
  w.table({ head: [tables.bySeverityAndZone.head], body: tables.bySeverityAndZone.rows });
  if (tables.kev) {
    w.subheading('Known exploited vulnerabilities (CISA KEV)');
    w.table({ head: [tables.kev.head], body: tables.kev.rows });
  }
  w.subheading('Matches and decisions');
  w.table({ head: [tables.matches.head], body: tables.matches.rows });
  w.paragraph(tables.note, { size: 8.5, color: COLORS.muted });
}
