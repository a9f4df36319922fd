import type { Asset } from '../model/inventory';
import type { Severity } from '../model/findings';
import type { Vulnerability } from '../model/vulnerabilities';
import type { Zone } from '../model/zone';
import { zoneConsequence, type ZoneConsequence, type ZoneConsequenceInput } from './consequence';
import { maxSeverity, shiftSeverity } from './severity';
import { emptyRefs, listSome, MAX_REF_ASSETS, plural, unique, type GeneratedFinding } from './types';

const NAMES_SHOWN = 15;

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
 */
export function vulnerabilitySeverity(
  records: readonly Vulnerability[],
  zone: Zone | null,
  risk?: ZoneConsequenceInput,
): Severity {
  const cvss = Math.max(...records.map((r) => r.cvss ?? -1));
  let severity = severityFromCvss(cvss < 0 ? null : cvss);
  if (records.some((r) => r.kev)) severity = maxSeverity(shiftSeverity(severity, 1), 'high');
  const consequence = zone ? zoneConsequence(zone, risk).level : null;
  if (consequence !== null && consequence >= 5) severity = shiftSeverity(severity, 1);
  if (consequence !== null && consequence <= 2) severity = shiftSeverity(severity, -1);
  if (records.every((r) => r.status === 'possibly-affected')) severity = shiftSeverity(severity, -1);
  if (records.every((r) => r.decision === 'mitigate')) severity = shiftSeverity(severity, -1);
  return severity;
}

function assetLabel(asset: Asset): string {
  const name = asset.name.trim() || asset.ips[0] || asset.id;
  const ip = asset.ips[0];
  const what = [asset.model, asset.firmware].filter(Boolean).join(' ');
  return `${ip && ip !== name ? `${name} (${ip})` : name}${what ? `, ${what}` : ''}`;
}

/**
 * Phase-5 findings: one per advisory and zone, over the vulnerabilities that still match and are
 * not accepted. The recommendation follows the assessor's decisions.
 */
export function vulnerabilityFindings(
  vulnerabilities: readonly Vulnerability[],
  assets: readonly Asset[],
  zones: readonly Zone[],
  risk?: ZoneConsequenceInput,
): GeneratedFinding[] {
  const assetById = new Map(assets.map((a) => [a.id, a]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const groups = new Map<string, { zone: Zone | null; records: Vulnerability[] }>();
  for (const record of vulnerabilities) {
    const asset = assetById.get(record.assetId);
    if (!asset || record.stale || record.decision === 'accept') continue;
    const zone = asset.zoneId ? (zoneById.get(asset.zoneId) ?? null) : null;
    const key = `${record.advisoryId}|${zone?.id ?? ''}`;
    const group = groups.get(key) ?? { zone, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  const findings: GeneratedFinding[] = [];
  for (const { zone, records } of groups.values()) {
    const first = records[0]!;
    const affected = records.filter((r) => r.status === 'affected');
    const groupAssets = records.map((r) => assetById.get(r.assetId)!);
    const cves = unique(records.flatMap((r) => r.cves));
    const kev = unique(records.filter((r) => r.kev).flatMap((r) => r.cves));
    const cvss = Math.max(...records.map((r) => r.cvss ?? -1));
    const where = zone ? `in ${zone.name}` : 'outside any zone';
    const consequence: ZoneConsequence | null = zone ? zoneConsequence(zone, risk) : null;
    const count = affected.length > 0 ? plural(affected.length, 'asset') : plural(records.length, 'asset');
    const verb =
      affected.length > 0
        ? affected.length === 1
          ? 'is affected'
          : 'are affected'
        : records.length === 1
          ? 'may be affected'
          : 'may be affected';
    const decided = (d: Vulnerability['decision']) => records.filter((r) => r.decision === d);
    const mitigations = unique(
      decided('mitigate')
        .map((r) => r.mitigation?.control ?? '')
        .filter(Boolean),
    );
    const recommendation = [
      decided('patch-now').length > 0
        ? `Patch now (${plural(decided('patch-now').length, 'asset')}): ${first.remediation || 'apply the vendor fix named in the advisory'}.`
        : '',
      mitigations.length > 0 ? `Keep the mitigation in place and verify it: ${mitigations.join('; ')}.` : '',
      records.some((r) => r.decision === null)
        ? `Decide for each remaining asset: patch now where a maintenance window and the vendor's fix allow${first.remediation ? ` (${first.remediation})` : ''}; otherwise mitigate through the conduit (restrict the affected service to the hosts that need it) or accept and document the risk with an owner and a review date.`
        : '',
    ]
      .filter(Boolean)
      .join('\n');
    findings.push({
      autoKey: `vulnerability:${first.advisoryId}:${zone?.id ?? 'unzoned'}`,
      title: `${first.advisoryId}: ${count} ${where} ${verb} (${first.title})`,
      description: [
        `${first.advisoryId} (${first.title}) names ${plural(records.length, 'asset')} ${where}${affected.length < records.length ? `, ${plural(records.length - affected.length, 'of them', 'of them')} with the version not confirmed` : ''}.`,
        `CVEs: ${listSome(cves, 10)}${cvss >= 0 ? `; highest CVSS ${cvss.toFixed(1)}` : ''}.`,
        kev.length > 0 ? `Known exploited (CISA KEV): ${kev.join(', ')}.` : '',
        `Assets: ${listSome(groupAssets.slice(0, NAMES_SHOWN + 1).map(assetLabel), NAMES_SHOWN, groupAssets.length)}.`,
        `Why: ${first.why}.`,
        consequence
          ? `Zone consequence ${consequence.level} of 5 (from the ${consequence.source}) weighs into the severity.`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
      severity: vulnerabilitySeverity(records, zone, risk),
      phase: 5,
      recommendation,
      refs: {
        ...emptyRefs(),
        zoneIds: zone ? [zone.id] : [],
        assetIds: groupAssets.slice(0, MAX_REF_ASSETS).map((a) => a.id),
      },
    });
  }
  return findings;
}
