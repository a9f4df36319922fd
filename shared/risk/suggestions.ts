import type { FrId } from '../model/common';
import type { Conduit } from '../model/conduit';
import { CONNECTION_TYPE_LABELS, type Connection, type EndpointRef } from '../model/connections';
import type { Asset } from '../model/inventory';
import type { Zone } from '../model/zone';
import { conduitLabel } from './assess';
import { clampLevel } from './matrix';
import type { RiskMatrixShape } from './records/risk-method';
import type { SystemUnderConsideration } from './records/system-under-consideration';
import type { EntryVector, ScenarioTarget, ThreatScenario } from './records/threat-scenario';
import { DEFAULT_CAPABILITY, type ThreatSource } from './threat-sources';

/** An observed flow that no conduit allows (a reconciliation candidate of kind undocumented-flow). */
export interface UndocumentedFlow {
  key: string;
  fromZoneId: string | null;
  toZoneId: string | null;
  summary: string;
}

export interface SuggestionInput {
  method: Pick<RiskMatrixShape, 'likelihoodLevels'>;
  zones: readonly Zone[];
  conduits: readonly Conduit[];
  connections: readonly Connection[];
  assets: readonly Pick<Asset, 'id' | 'zoneId'>[];
  undocumentedFlows: readonly UndocumentedFlow[];
  scope: Pick<SystemUnderConsideration, 'exclusions'> | null;
  /** Scenarios already recorded: a suggestion accepted or dropped before is not offered again. */
  scenarios: readonly Pick<ThreatScenario, 'suggestionKey'>[];
}

/** A scenario the model suggests, with everything a ThreatScenario needs but its record fields. */
export interface SuggestedScenario {
  key: string;
  target: ScenarioTarget;
  title: string;
  description: string;
  source: ThreatSource;
  capability: number;
  entryVector: EntryVector;
  techniques: string[];
  frs: FrId[];
  likelihood: number;
  /** Why the model suggests it, for the assessor deciding to accept or drop. */
  reason: string;
}

/** ATT&CK for ICS techniques each kind of entry vector typically involves (checked against the STIX data in tests). */
export const VECTOR_TECHNIQUES = {
  'remote-access': ['T0822', 'T0886', 'T0859'],
  cellular: ['T0883', 'T0822'],
  'vendor-remote-access': ['T0822', 'T0862', 'T0859'],
  'dual-homed': ['T0866', 'T0886'],
  'direct-it-ot': ['T0866', 'T0886'],
  wireless: ['T0860'],
  'removable-media': ['T0847'],
  other: ['T0886'],
  flow: ['T0886', 'T0855'],
  'open-conduit': ['T0886', 'T0855', 'T0843'],
} as const satisfies Record<string, readonly string[]>;

const CONNECTION_SOURCE: Record<Connection['type'], ThreatSource> = {
  cellular: 'criminal',
  'vendor-remote-access': 'supply-chain',
  'dual-homed': 'criminal',
  'direct-it-ot': 'criminal',
  wireless: 'hacktivist',
  'removable-media': 'insider',
  other: 'criminal',
};

/**
 * Scenarios the zone model suggests (IEC 62443-3-2 ZCR 5.2, identify threats and vulnerabilities):
 * every undocumented connection and every observed flow that no conduit allows is an entry
 * vector, so is every conduit with no control, and every remote-access zone. Elements excluded
 * from the system under consideration are skipped.
 */
export function suggestScenarios(input: SuggestionInput): SuggestedScenario[] {
  const excluded = new Set((input.scope?.exclusions ?? []).map((e) => `${e.kind}:${e.id}`));
  const taken = new Set(input.scenarios.map((s) => s.suggestionKey).filter((k): k is string => k !== null));
  const zones = new Map(input.zones.filter((z) => !excluded.has(`zone:${z.id}`)).map((z) => [z.id, z]));
  const zoneNames = new Map(input.zones.map((z) => [z.id, z.name]));
  const assetZone = new Map(input.assets.map((a) => [a.id, a.zoneId]));
  const level = (l: number) => clampLevel(l, input.method.likelihoodLevels.length);
  const out: SuggestedScenario[] = [];
  const add = (s: SuggestedScenario) => {
    if (!taken.has(s.key)) out.push(s);
  };

  const endpointZone = (ref: EndpointRef): string | null => {
    if (ref.kind === 'zone') return ref.zoneId;
    if (ref.kind === 'asset') return assetZone.get(ref.assetId) ?? null;
    return null;
  };
  /** Of two zones, the one deeper in the plant (lower Purdue level) is the one at stake. */
  const deeper = (a: string | null, b: string | null): string | null => {
    const za = a ? zones.get(a) : undefined;
    const zb = b ? zones.get(b) : undefined;
    if (!za) return zb?.id ?? null;
    if (!zb) return za.id;
    return (zb.purdueLevel ?? 9) < (za.purdueLevel ?? 9) ? zb.id : za.id;
  };

  for (const connection of input.connections) {
    if (connection.status === 'remediated') continue;
    const zoneId = deeper(endpointZone(connection.to), endpointZone(connection.from));
    if (!zoneId) continue;
    const source = CONNECTION_SOURCE[connection.type];
    const vector: EntryVector =
      connection.type === 'removable-media'
        ? { kind: 'removable-media' }
        : connection.type === 'wireless'
          ? { kind: 'wireless' }
          : { kind: 'connection', connectionId: connection.id };
    const label = CONNECTION_TYPE_LABELS[connection.type];
    add({
      key: `connection:${connection.id}`,
      target: { kind: 'zone', zoneId },
      title: `${label} into ${zoneNames.get(zoneId)}`,
      description: connection.description.slice(0, 2000),
      source,
      capability: DEFAULT_CAPABILITY[source],
      entryVector: vector,
      techniques: [...VECTOR_TECHNIQUES[connection.type]],
      frs: [],
      likelihood: level(connection.likelihood),
      reason: 'An undocumented connection bypasses the zone’s conduits.',
    });
  }

  for (const flow of input.undocumentedFlows) {
    const zoneId = flow.toZoneId && zones.has(flow.toZoneId) ? flow.toZoneId : deeper(flow.fromZoneId, null);
    if (!zoneId) continue;
    add({
      key: `flow:${flow.key}`,
      target: { kind: 'zone', zoneId },
      title: `Traffic no conduit allows into ${zoneNames.get(zoneId)}: ${flow.summary}`.slice(0, 500),
      description: '',
      source: 'criminal',
      capability: DEFAULT_CAPABILITY.criminal,
      entryVector: { kind: 'flow', candidateKey: flow.key, summary: flow.summary.slice(0, 1000) },
      techniques: [...VECTOR_TECHNIQUES.flow],
      frs: ['FR5'],
      likelihood: level(4),
      reason: 'Observed traffic crosses a zone boundary where no conduit allows it.',
    });
  }

  for (const conduit of input.conduits) {
    if (excluded.has(`conduit:${conduit.id}`)) continue;
    if (!zones.has(conduit.fromZoneId) && !zones.has(conduit.toZoneId)) continue;
    const name = conduitLabel(conduit, zoneNames);
    if (conduit.controls.length === 0) {
      add({
        key: `open-conduit:${conduit.id}`,
        target: { kind: 'conduit', conduitId: conduit.id },
        title: `Conduit ${name} has no control`,
        description: '',
        source: 'criminal',
        capability: DEFAULT_CAPABILITY.criminal,
        entryVector: { kind: 'conduit', conduitId: conduit.id },
        techniques: [...VECTOR_TECHNIQUES['open-conduit']],
        frs: [],
        likelihood: level(4),
        reason: 'Nothing filters or authenticates the traffic this conduit carries.',
      });
    }
  }

  for (const zone of zones.values()) {
    if (zone.kind !== 'remote-access') continue;
    const links = input.conduits.filter(
      (c) => !excluded.has(`conduit:${c.id}`) && (c.fromZoneId === zone.id || c.toZoneId === zone.id),
    );
    const targets = links
      .map((c) => (c.fromZoneId === zone.id ? c.toZoneId : c.fromZoneId))
      .filter((id, i, all) => zones.has(id) && all.indexOf(id) === i);
    for (const zoneId of targets.length > 0 ? targets : [zone.id]) {
      add({
        key: `remote-access:${zone.id}:${zoneId}`,
        target: { kind: 'zone', zoneId },
        title:
          zoneId === zone.id
            ? `Remote access through ${zone.name}`
            : `Remote access into ${zoneNames.get(zoneId)} through ${zone.name}`,
        description: '',
        source: 'criminal',
        capability: DEFAULT_CAPABILITY.criminal,
        entryVector: { kind: 'remote-access', zoneId: zone.id },
        techniques: [...VECTOR_TECHNIQUES['remote-access']],
        frs: ['FR1', 'FR2', 'FR3', 'FR5'],
        likelihood: level(3),
        reason: 'A remote-access zone is an entry point from outside the plant.',
      });
    }
  }
  return out;
}
