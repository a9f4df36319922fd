import type { AssessmentData } from '../model/assessment-file';
import { CONNECTION_TYPE_LABELS, type EndpointRef } from '../model/connections';
import { conduitLabel } from './assess';
import type { EntryVector, ScenarioTarget, ThreatScenario } from './records/threat-scenario';

type Model = Pick<AssessmentData, 'zones' | 'conduits' | 'assets' | 'connections'>;

/** A scenario target's name: the zone's, or "Conduit A → B"; a deleted one says so. */
export function targetNames(data: Pick<AssessmentData, 'zones' | 'conduits'>) {
  const zones = new Map(data.zones.map((z) => [z.id, z.name]));
  const conduits = new Map(data.conduits.map((c) => [c.id, `Conduit ${conduitLabel(c, zones)}`]));
  return (target: ScenarioTarget) =>
    target.kind === 'zone'
      ? (zones.get(target.zoneId) ?? 'deleted zone')
      : (conduits.get(target.conduitId) ?? 'deleted conduit');
}

/** A target as one form value: `zone:<id>` or `conduit:<id>`. */
export const targetKey = (t: ScenarioTarget) =>
  t.kind === 'zone' ? `zone:${t.zoneId}` : `conduit:${t.conduitId}`;

/** The target a form value names (anything but `conduit:` is a zone). */
export function targetOfKey(key: string): ScenarioTarget {
  const [kind, id = ''] = key.split(':');
  return kind === 'conduit' ? { kind: 'conduit', conduitId: id } : { kind: 'zone', zoneId: id };
}

/** An entry vector as one form value: `conduit:<id>`, `connection:<id>`, or its kind. */
export const entryVectorKey = (v: EntryVector) =>
  v.kind === 'conduit'
    ? `conduit:${v.conduitId}`
    : v.kind === 'connection'
      ? `connection:${v.connectionId}`
      : v.kind;

export interface EntryVectorOption {
  value: string;
  label: string;
  vector: EntryVector;
}

type TargetedVector = Pick<ThreatScenario, 'target' | 'entryVector'>;

/** The zones a scenario is about: its zone, or both ends of its conduit. */
function zonesOf(scenario: TargetedVector, data: Model): Set<string> {
  if (scenario.target.kind === 'zone') return new Set([scenario.target.zoneId]);
  const { conduitId } = scenario.target;
  const conduit = data.conduits.find((c) => c.id === conduitId);
  return new Set(conduit ? [conduit.fromZoneId, conduit.toZoneId] : []);
}

/** The conduits touching the scenario's zones (and its own conduit), as entry vectors. */
function conduitOptions(scenario: TargetedVector, zones: Set<string>, data: Model): EntryVectorOption[] {
  const names = targetNames(data);
  const ownConduit = scenario.target.kind === 'conduit' ? scenario.target.conduitId : null;
  return data.conduits
    .filter((c) => zones.has(c.fromZoneId) || zones.has(c.toZoneId) || c.id === ownConduit)
    .map((c) => ({
      value: `conduit:${c.id}`,
      label: names({ kind: 'conduit', conduitId: c.id }),
      vector: { kind: 'conduit', conduitId: c.id },
    }));
}

/** The undocumented connections not yet remediated with an end in the scenario's zones. */
function connectionOptions(zones: Set<string>, data: Model): EntryVectorOption[] {
  const assetZone = new Map(data.assets.map((a) => [a.id, a.zoneId]));
  const inZone = (ref: EndpointRef) =>
    ref.kind === 'zone'
      ? zones.has(ref.zoneId)
      : ref.kind === 'asset' && zones.has(assetZone.get(ref.assetId) ?? '');
  return data.connections
    .filter((c) => c.status !== 'remediated' && (inZone(c.from) || inZone(c.to)))
    .map((c) => ({
      value: `connection:${c.id}`,
      label: `Undocumented connection: ${CONNECTION_TYPE_LABELS[c.type]}${c.description ? ` – ${c.description.slice(0, 60)}` : ''}`,
      vector: { kind: 'connection', connectionId: c.id },
    }));
}

/**
 * The entry vectors offered for a scenario: the conduits and undocumented connections of its
 * zones, its observed flow, then the generic paths. The stored vector stays choosable even when
 * its conduit or connection is gone or no longer on the target.
 */
export function entryVectorOptions(scenario: TargetedVector, data: Model): EntryVectorOption[] {
  const zones = zonesOf(scenario, data);
  const options = [...conduitOptions(scenario, zones, data), ...connectionOptions(zones, data)];
  if (scenario.entryVector.kind === 'flow')
    options.push({
      value: 'flow',
      label: `Observed flow with no conduit: ${scenario.entryVector.summary}`,
      vector: scenario.entryVector,
    });
  const zoneId = scenario.target.kind === 'zone' ? scenario.target.zoneId : null;
  options.push(
    { value: 'remote-access', label: 'Remote access', vector: { kind: 'remote-access', zoneId } },
    { value: 'removable-media', label: 'Removable media', vector: { kind: 'removable-media' } },
    { value: 'wireless', label: 'Wireless', vector: { kind: 'wireless' } },
  );
  const stored = entryVectorKey(scenario.entryVector);
  if (!options.some((o) => o.value === stored))
    options.unshift({
      value: stored,
      label: 'A conduit or connection not on this target (or deleted)',
      vector: scenario.entryVector,
    });
  return options;
}
