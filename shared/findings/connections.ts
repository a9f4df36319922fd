import type { Asset } from '../model/inventory';
import type { Conduit } from '../model/conduit';
import { CONNECTION_TYPE_LABELS, type Connection } from '../model/connections';
import type { ProgramPhase } from '../model/findings';
import type { Zone } from '../model/zone';
import { endpointLabel } from '../network/endpoint-label';
import { emptyRefs, unique, type GeneratedFinding, type ModelCheckResult } from './types';
import { modelCheckOf, type ModelCheck } from './model-checks';
import { maxSeverity, severityFromRisk, severityRank, shiftSeverity } from './severity';

type ConnectionType = Connection['type'];

const CONNECTION_PHASE: Record<ConnectionType, ProgramPhase> = {
  cellular: 2,
  'vendor-remote-access': 2,
  'dual-homed': 2,
  'direct-it-ot': 2,
  wireless: 2,
  'removable-media': 3,
  other: 2,
};

const CONNECTION_RECOMMENDATION: Record<ConnectionType, string> = {
  cellular:
    'Disconnect cellular modems that are not needed. Where a vendor depends on one, replace it with access through the plant’s remote-access gateway in the industrial DMZ, or at least keep the modem powered off and switch it on only for a scheduled, supervised session.',
  'vendor-remote-access':
    'Route all vendor access through one remote-access gateway or jump host in the industrial DMZ with named accounts, multi-factor authentication, approval per session and session recording. Uninstall standalone remote-desktop tools from OT hosts once the replacement works.',
  'dual-homed':
    'Remove the second network connection from hosts that bridge zones, and move the data exchange they serve onto a documented conduit through a firewall or the DMZ (for example a historian replica or a file-transfer service).',
  'direct-it-ot':
    'Cut direct links between the IT network and OT zones and carry the traffic they serve through the industrial DMZ, with firewall rules limited to the documented services. Agree a cut-over date with production so nothing stops unexpectedly.',
  wireless:
    'Remove unapproved wireless bridges and access points. Where wireless is needed, put it in its own zone behind a firewall, use WPA3-Enterprise or certificate-based authentication, and survey the site periodically for rogue access points.',
  'removable-media':
    'Control removable media: scan every USB stick or laptop at a dedicated kiosk before it reaches the zone, block unknown USB storage on OT hosts where the vendor allows it, and prefer a controlled file-transfer path through the DMZ.',
  other:
    'Document each of these paths as a conduit with an owner and a justification, or remove it; paths that cannot be removed should pass a firewall that allows only the needed services.',
};

/** Open and accepted undocumented connections, one finding per connection type. */
export function connectionFindings(
  connections: readonly Connection[],
  assets: readonly Asset[],
  zones: readonly Zone[],
): GeneratedFinding[] {
  // Only the assets the connections name: the inventory can hold 100k.
  const named = new Set(
    connections.flatMap((c) => [c.from, c.to]).flatMap((e) => (e.kind === 'asset' ? [e.assetId] : [])),
  );
  const assetById = new Map(assets.filter((a) => named.has(a.id)).map((a) => [a.id, a]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const names = { assets: assetById, zones: zoneById };
  const byType = new Map<ConnectionType, Connection[]>();
  for (const connection of connections) {
    if (connection.status === 'remediated') continue;
    byType.set(connection.type, [...(byType.get(connection.type) ?? []), connection]);
  }
  const findings: GeneratedFinding[] = [];
  for (const [type, list] of byType) {
    // An accepted risk still appears, one level lower: the client chose to live with it.
    const severityOf = (c: Connection) =>
      shiftSeverity(severityFromRisk(c.likelihood, c.impact), c.status === 'accepted' ? -1 : 0);
    const sorted = [...list].sort(
      (a, b) =>
        severityRank(severityOf(a)) - severityRank(severityOf(b)) || a.createdAt.localeCompare(b.createdAt),
    );
    const lines = sorted.map((c) => {
      const ends = `${endpointLabel(c.from, names)} → ${endpointLabel(c.to, names)}`;
      const risk = `risk ${c.likelihood}×${c.impact}=${c.likelihood * c.impact}`;
      const state = c.status === 'accepted' ? `accepted: ${c.justification.trim()}` : 'open';
      const detail = [
        c.description.trim(),
        c.recommendation.trim() ? `Proposed: ${c.recommendation.trim()}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `- ${ends} (${risk}, found by ${c.foundBy}, ${state})${detail ? `. ${detail}` : ''}`;
    });
    const endpoints = list.flatMap((c) => [c.from, c.to]);
    const assetIds = unique(endpoints.flatMap((e) => (e.kind === 'asset' ? [e.assetId] : [])));
    const zoneIds = unique([
      ...endpoints.flatMap((e) => (e.kind === 'zone' ? [e.zoneId] : [])),
      ...assetIds.flatMap((id) => {
        const zoneId = assetById.get(id)?.zoneId;
        return zoneId ? [zoneId] : [];
      }),
    ]);
    const label = CONNECTION_TYPE_LABELS[type];
    findings.push({
      autoKey: `connections:${type}`,
      title:
        list.length === 1
          ? `Undocumented connection: ${label}`
          : `Undocumented connections: ${label} (${list.length})`,
      description: `${list.length === 1 ? 'This undocumented connection bypasses' : `These ${list.length} undocumented connections bypass`} the documented zones and conduits:\n${lines.join('\n')}`,
      severity: maxSeverity(...list.map(severityOf)),
      phase: CONNECTION_PHASE[type],
      recommendation: CONNECTION_RECOMMENDATION[type],
      refs: { ...emptyRefs(), connectionIds: sorted.map((c) => c.id), assetIds, zoneIds },
    });
  }
  return findings;
}

/** A check this build does not know (its results were passed in) gets a plain text. */
function genericCheckText(checkId: string, kind: 'zone' | 'conduit'): ModelCheck['finding'] {
  return {
    title: (n) => `Model check "${checkId}" failed (${n})`,
    phase: kind === 'conduit' ? 2 : 1,
    recommendation: 'Review each item below and correct the network or its documentation.',
  };
}

/** Failed model checks, one finding per check. */
export function modelCheckFindings(
  results: readonly ModelCheckResult[],
  conduits: readonly Pick<Conduit, 'id' | 'fromZoneId' | 'toZoneId'>[],
): GeneratedFinding[] {
  const conduitById = new Map(conduits.map((c) => [c.id, c]));
  const byCheck = new Map<string, ModelCheckResult[]>();
  for (const result of results) byCheck.set(result.checkId, [...(byCheck.get(result.checkId) ?? []), result]);
  const findings: GeneratedFinding[] = [];
  for (const [checkId, list] of byCheck) {
    const text = modelCheckOf(checkId)?.finding ?? genericCheckText(checkId, list[0]!.target.kind);
    const conduitIds = unique(list.flatMap((r) => (r.target.kind === 'conduit' ? [r.target.id] : [])));
    const zoneIds = unique([
      ...list.flatMap((r) => (r.target.kind === 'zone' ? [r.target.id] : [])),
      ...conduitIds.flatMap((id) => {
        const conduit = conduitById.get(id);
        return conduit ? [conduit.fromZoneId, conduit.toZoneId] : [];
      }),
    ]);
    findings.push({
      autoKey: `model-check:${checkId}`,
      title: text.title(list.length),
      description: list.map((r) => `- ${r.message}`).join('\n'),
      severity: maxSeverity(...list.map((r) => r.severity)),
      phase: text.phase,
      recommendation: text.recommendation,
      refs: { ...emptyRefs(), conduitIds, zoneIds },
    });
  }
  return findings;
}
