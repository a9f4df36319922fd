import { plural } from '../../findings/types';
import { mitigationText, type MitigationTargets } from '../../findings/mitigation-link';
import { severityFromCvss } from '../../findings/vulnerabilities';
import { SEVERITIES } from '../../model/findings';
import { VULNERABILITY_DECISION_LABELS, type Vulnerability } from '../../model/vulnerabilities';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';

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

/** Phase 5: advisories matched to the inventory, by severity and zone, KEV entries and decisions. */
export function writeVulnerabilities(w: ReportWriter, model: ReportModel): void {
  w.section('Vulnerabilities');
  const current = (model.data.vulnerabilities ?? []).filter((v) => !v.stale);
  if (current.length === 0) {
    w.empty('No published advisory matched the inventory, or matching has not been run.');
    return;
  }
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
  w.paragraph(
    `${plural(advisories.size, 'CISA ICS advisory', 'CISA ICS advisories')} ${advisories.size === 1 ? 'names' : 'name'} ${plural(new Set(current.map((v) => v.assetId)).size, 'asset')} of the inventory ` +
      `(${affectedAssets.size} affected with the firmware in range, the rest possibly affected where the version is not known). ` +
      `${plural(kev.length, 'match', 'matches')} ${kev.length === 1 ? 'carries' : 'carry'} a known exploited vulnerability (CISA KEV). ${undecided} of ${plural(current.length, 'match', 'matches')} ${undecided === 1 ? 'awaits' : 'await'} a decision.`,
  );

  w.subheading('By severity and zone');
  const zones = [...new Set(current.map(zoneOf))].sort();
  const count = (zone: string, severity: string) =>
    current.filter((v) => zoneOf(v) === zone && severityFromCvss(v.cvss) === severity).length;
  w.table({
    head: [['Zone', ...SEVERITIES.slice(0, 4).map((s) => s[0]!.toUpperCase() + s.slice(1)), 'KEV', 'Total']],
    body: zones.map((zone) => [
      zone,
      ...SEVERITIES.slice(0, 4).map((s) => String(count(zone, s))),
      String(current.filter((v) => zoneOf(v) === zone && v.kev).length),
      String(current.filter((v) => zoneOf(v) === zone).length),
    ]),
  });

  if (kev.length > 0) {
    w.subheading('Known exploited vulnerabilities (CISA KEV)');
    w.table({
      head: [['Advisory', 'Asset', 'Zone', 'CVEs', 'Decision']],
      body: kev.map((v) => [
        v.advisoryId,
        assets.get(v.assetId)?.name ?? v.assetId,
        zoneOf(v),
        v.cves.join(', '),
        decisionText(v, targets),
      ]),
    });
  }

  w.subheading('Matches and decisions');
  const sorted = [...current].sort(
    (a, b) => (b.cvss ?? -1) - (a.cvss ?? -1) || a.advisoryId.localeCompare(b.advisoryId),
  );
  w.table({
    head: [['Advisory', 'Asset', 'Zone', 'CVSS', 'Status', 'Decision']],
    body: sorted
      .slice(0, LISTED)
      .map((v) => [
        `${v.advisoryId}${v.kev ? ' (KEV)' : ''}\n${v.title}`,
        `${assets.get(v.assetId)?.name ?? v.assetId}`,
        zoneOf(v),
        v.cvss === null ? '–' : v.cvss.toFixed(1),
        v.status === 'affected' ? 'Affected' : 'Possibly affected',
        decisionText(v, targets),
      ]),
  });
  w.paragraph(
    `${sorted.length > LISTED ? `The ${LISTED} highest-scored of ${sorted.length} matches are listed; all` : 'All matches'} are in data/vulnerabilities.csv of the bundle, with the advisory's product branch and version range for each.`,
    { size: 8.5, color: COLORS.muted },
  );
}
