import type { Severity } from '../model/findings';
import type { Conduit } from '../model/conduit';
import type { Zone, ZoneKind } from '../model/zone';
import { findRangeOverlaps, describeService, isAnyService } from '../network';
import { hasSlt } from '../model/slt';

export const MODEL_CHECK_IDS = [
  'dmz-bypass',
  'conduit-no-control',
  'conduit-any-service',
  'remote-access-no-jump-host',
  'zone-no-assets',
  'zone-no-slt',
  'range-overlap',
] as const;
export type ModelCheckId = (typeof MODEL_CHECK_IDS)[number];

export const MODEL_CHECK_LABELS: Record<ModelCheckId, string> = {
  'dmz-bypass': 'Conduit bypasses the DMZ',
  'conduit-no-control': 'Conduit without a control',
  'conduit-any-service': 'Conduit allows any service',
  'remote-access-no-jump-host': 'Remote access without a jump host',
  'zone-no-assets': 'Zone without assets',
  'zone-no-slt': 'Zone without an SL-T',
  'range-overlap': 'Overlapping ranges',
};

export interface ModelCheckEntry {
  /** Stable across runs for the same problem, so the UI and the findings engine can key on it. */
  id: string;
  checkId: ModelCheckId;
  severity: Severity;
  message: string;
  target: { kind: 'zone' | 'conduit'; id: string };
}

export type CheckZone = Pick<Zone, 'id' | 'name' | 'kind' | 'slt' | 'ranges'>;
export type CheckConduit = Pick<Conduit, 'id' | 'name' | 'fromZoneId' | 'toZoneId' | 'services' | 'controls'>;

export interface ModelCheckInput {
  zones: readonly CheckZone[];
  conduits: readonly CheckConduit[];
  /** Assets per zone id; a zone missing from the map has none. */
  assetCounts: ReadonlyMap<string, number>;
}

const UPSTREAM_KINDS: readonly ZoneKind[] = ['enterprise', 'external'];
const PROTECTED_KINDS: readonly ZoneKind[] = ['cell', 'safety'];

function zoneLookup(zones: readonly CheckZone[]) {
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  return (id: string) => byId.get(id);
}

function conduitName(conduit: CheckConduit, from: CheckZone | undefined, to: CheckZone | undefined): string {
  const pair = `${from?.name ?? '?'} → ${to?.name ?? '?'}`;
  return conduit.name.trim() ? `"${conduit.name.trim()}" (${pair})` : pair;
}

/** A conduit joining an enterprise or external zone straight to a cell/area or safety zone. */
export function checkDmzBypass({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const [upstream, protectedZone] = UPSTREAM_KINDS.includes(from.kind)
      ? [from, to]
      : UPSTREAM_KINDS.includes(to.kind)
        ? [to, from]
        : [null, null];
    if (!upstream || !protectedZone || !PROTECTED_KINDS.includes(protectedZone.kind)) continue;
    entries.push({
      id: `dmz-bypass:${conduit.id}`,
      checkId: 'dmz-bypass',
      severity: protectedZone.kind === 'safety' ? 'critical' : 'high',
      message: `Conduit ${conduitName(conduit, from, to)} links ${upstream.kind} zone "${upstream.name}" straight to "${protectedZone.name}" without passing through an industrial DMZ.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export function checkConduitWithoutControl({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  return conduits
    .filter((conduit) => conduit.controls.length === 0)
    .map((conduit) => ({
      id: `conduit-no-control:${conduit.id}`,
      checkId: 'conduit-no-control' as const,
      severity: 'high' as const,
      message: `Conduit ${conduitName(conduit, zone(conduit.fromZoneId), zone(conduit.toZoneId))} has no control (no firewall, data diode, jump host or VPN).`,
      target: { kind: 'conduit' as const, id: conduit.id },
    }));
}

export function checkAnyService({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const open = conduit.services.filter(isAnyService);
    if (open.length === 0) continue;
    entries.push({
      id: `conduit-any-service:${conduit.id}`,
      checkId: 'conduit-any-service',
      severity: 'medium',
      message: `Conduit ${conduitName(conduit, zone(conduit.fromZoneId), zone(conduit.toZoneId))} allows any service (${open.map(describeService).join(', ')}); list the specific protocols and ports instead.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

/**
 * Remote access must end on a jump host or remote-access gateway: every conduit touching a
 * remote-access zone needs the jump-host control, and it should land in a DMZ rather than
 * reaching further in.
 */
export function checkRemoteAccessJumpHost({ zones, conduits }: ModelCheckInput): ModelCheckEntry[] {
  const zone = zoneLookup(zones);
  const entries: ModelCheckEntry[] = [];
  for (const conduit of conduits) {
    const from = zone(conduit.fromZoneId);
    const to = zone(conduit.toZoneId);
    if (!from || !to) continue;
    const remote = from.kind === 'remote-access' ? from : to.kind === 'remote-access' ? to : null;
    if (!remote) continue;
    const other = remote === from ? to : from;
    const hasJumpHost = conduit.controls.includes('jump-host');
    if (hasJumpHost && (other.kind === 'dmz' || other.kind === 'external' || other.kind === 'remote-access'))
      continue;
    const why = hasJumpHost
      ? `reaches "${other.name}" directly instead of a jump host in the industrial DMZ`
      : 'does not go through a jump host or remote-access gateway';
    entries.push({
      id: `remote-access-no-jump-host:${conduit.id}`,
      checkId: 'remote-access-no-jump-host',
      severity: 'high',
      message: `Remote access from "${remote.name}" over conduit ${conduitName(conduit, from, to)} ${why}.`,
      target: { kind: 'conduit', id: conduit.id },
    });
  }
  return entries;
}

export function checkZoneWithoutAssets({ zones, assetCounts }: ModelCheckInput): ModelCheckEntry[] {
  return zones
    .filter((zone) => (assetCounts.get(zone.id) ?? 0) === 0)
    .map((zone) => ({
      id: `zone-no-assets:${zone.id}`,
      checkId: 'zone-no-assets' as const,
      severity: 'low' as const,
      message: `Zone "${zone.name}" has no assets assigned.`,
      target: { kind: 'zone' as const, id: zone.id },
    }));
}

export function checkZoneWithoutSlt({ zones }: ModelCheckInput): ModelCheckEntry[] {
  return zones
    .filter((zone) => !hasSlt(zone.slt))
    .map((zone) => ({
      id: `zone-no-slt:${zone.id}`,
      checkId: 'zone-no-slt' as const,
      severity: 'medium' as const,
      message: `Zone "${zone.name}" has no target security level (SL-T).`,
      target: { kind: 'zone' as const, id: zone.id },
    }));
}

export function checkRangeOverlaps({ zones }: ModelCheckInput): ModelCheckEntry[] {
  return findRangeOverlaps(zones).map((overlap) => ({
    id: `range-overlap:${overlap.zoneA.id}:${overlap.zoneA.range}:${overlap.zoneB.id}:${overlap.zoneB.range}`,
    checkId: 'range-overlap' as const,
    severity: overlap.nested ? ('low' as const) : ('medium' as const),
    message: overlap.nested
      ? `Range ${overlap.zoneA.range} of "${overlap.zoneA.name}" and ${overlap.zoneB.range} of "${overlap.zoneB.name}" are nested; the more specific one wins when assigning by subnet.`
      : `Range ${overlap.zoneA.range} of "${overlap.zoneA.name}" overlaps ${overlap.zoneB.range} of "${overlap.zoneB.name}".`,
    target: { kind: 'zone' as const, id: overlap.zoneA.id },
  }));
}

const CHECKS = [
  checkDmzBypass,
  checkConduitWithoutControl,
  checkAnyService,
  checkRemoteAccessJumpHost,
  checkZoneWithoutAssets,
  checkZoneWithoutSlt,
  checkRangeOverlaps,
];

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Every model check, most severe first. */
export function runModelChecks(input: ModelCheckInput): ModelCheckEntry[] {
  return CHECKS.flatMap((check) => check(input)).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
