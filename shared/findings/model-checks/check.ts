import type { Conduit } from '../../model/conduit';
import type { ProgramPhase, Severity } from '../../model/findings';
import type { Zone } from '../../model/zone';
import type { ModelCheckId } from './index';

/**
 * One check of the zone and conduit model: what the diagram's checks panel lists and what the
 * findings engine turns into one finding. Adding a check is one file and one entry in MODEL_CHECKS.
 */
export interface ModelCheck<Id extends string = string> {
  id: Id;
  /** The panel's heading for its entries: "Conduit bypasses the DMZ". */
  label: string;
  run(input: ModelCheckInput): ModelCheckEntry[];
  /** The finding its entries become. */
  finding: {
    title: (count: number) => string;
    phase: ProgramPhase;
    recommendation: string;
  };
}

/** Keeps the id's literal type, so that the list of checks defines ModelCheckId. */
export function defineCheck<Id extends string>(check: ModelCheck<Id>): ModelCheck<Id> {
  return check;
}

export interface ModelCheckEntry {
  /** Stable across runs for the same problem, so the UI and the findings engine can key on it. */
  id: string;
  checkId: ModelCheckId;
  severity: Severity;
  message: string;
  target: { kind: 'zone' | 'conduit'; id: string };
}

export type CheckZone = Pick<Zone, 'id' | 'name' | 'kind' | 'slt' | 'ranges'>;
export type CheckConduit = Pick<
  Conduit,
  'id' | 'name' | 'fromZoneId' | 'toZoneId' | 'services' | 'controls'
> &
  Partial<Pick<Conduit, 'slt'>>;

export interface ModelCheckInput {
  zones: readonly CheckZone[];
  conduits: readonly CheckConduit[];
  /** Assets per zone id; a zone missing from the map has none. */
  assetCounts: ReadonlyMap<string, number>;
}

export function zoneLookup(zones: readonly CheckZone[]) {
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  return (id: string) => byId.get(id);
}

export function conduitName(
  conduit: CheckConduit,
  from: CheckZone | undefined,
  to: CheckZone | undefined,
): string {
  const pair = `${from?.name ?? '?'} → ${to?.name ?? '?'}`;
  return conduit.name.trim() ? `"${conduit.name.trim()}" (${pair})` : pair;
}
