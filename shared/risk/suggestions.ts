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
import { exclusionTest } from './scope';
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
  const taken = new Set(input.scenarios.map((s) => s.suggestionKey).filter((k): k is string => k !== null));
  const model = suggestionModel(input);
  return [
    ...fromConnections(input.connections, model),
    ...fromUndocumentedFlows(input.undocumentedFlows, model),
    ...fromOpenConduits(input.conduits, model),
    ...fromRemoteAccessZones(input.conduits, model),
  ].filter((s) => !taken.has(s.key));
}

/** The zone model as the suggestion rules read it: included zones, names, and where endpoints sit. */
interface SuggestionModel {
  zones: Map<string, Zone>;
  zoneNames: Map<string, string>;
  isExcluded: (kind: 'zone' | 'conduit', id: string) => boolean;
  level: (likelihood: number) => number;
  endpointZone: (ref: EndpointRef) => string | null;
  /** Of two zones, the one deeper in the plant (lower Purdue level) is the one at stake. */
  deeper: (a: string | null, b: string | null) => string | null;
}

function suggestionModel(input: SuggestionInput): SuggestionModel {
  const isExcluded = exclusionTest(input.scope);
  const zones = new Map(input.zones.filter((z) => !isExcluded('zone', z.id)).map((z) => [z.id, z]));
  // An excluded asset is no entry point: a connection from it suggests nothing on its side.
  const assetZone = new Map(
    input.assets.filter((a) => !isExcluded('asset', a.id)).map((a) => [a.id, a.zoneId]),
  );
  return {
    zones,
    zoneNames: new Map(input.zones.map((z) => [z.id, z.name])),
    isExcluded,
    level: (l) => clampLevel(l, input.method.likelihoodLevels.length),
    endpointZone: (ref) => {
      if (ref.kind === 'zone') return ref.zoneId;
      if (ref.kind === 'asset') return assetZone.get(ref.assetId) ?? null;
      return null;
    },
    deeper: (a, b) => {
      const za = a ? zones.get(a) : undefined;
      const zb = b ? zones.get(b) : undefined;
      if (!za) return zb?.id ?? null;
      if (!zb) return za.id;
      return (zb.purdueLevel ?? 9) < (za.purdueLevel ?? 9) ? zb.id : za.id;
    },
  };
}

function fromConnections(connections: readonly Connection[], model: SuggestionModel): SuggestedScenario[] {
  const out: SuggestedScenario[] = [];
  for (const connection of connections) {
    if (connection.status === 'remediated') continue;
    const zoneId = model.deeper(model.endpointZone(connection.to), model.endpointZone(connection.from));
    if (!zoneId) continue;
    const source = CONNECTION_SOURCE[connection.type];
    const vector: EntryVector =
      connection.type === 'removable-media'
        ? { kind: 'removable-media' }
        : connection.type === 'wireless'
          ? { kind: 'wireless' }
          : { kind: 'connection', connectionId: connection.id };
    const label = CONNECTION_TYPE_LABELS[connection.type];
    out.push({
      key: `connection:${connection.id}`,
      target: { kind: 'zone', zoneId },
      title: `${label} into ${model.zoneNames.get(zoneId)}`,
      description: connection.description.slice(0, 2000),
      source,
      capability: DEFAULT_CAPABILITY[source],
      entryVector: vector,
      techniques: [...VECTOR_TECHNIQUES[connection.type]],
      frs: [],
      likelihood: model.level(connection.likelihood),
      reason: 'An undocumented connection bypasses the zone’s conduits.',
    });
  }
  return out;
}

function fromUndocumentedFlows(
  flows: readonly UndocumentedFlow[],
  model: SuggestionModel,
): SuggestedScenario[] {
  const out: SuggestedScenario[] = [];
  for (const flow of flows) {
    const zoneId =
      flow.toZoneId && model.zones.has(flow.toZoneId) ? flow.toZoneId : model.deeper(flow.fromZoneId, null);
    if (!zoneId) continue;
    out.push({
      key: `flow:${flow.key}`,
      target: { kind: 'zone', zoneId },
      title: `Traffic no conduit allows into ${model.zoneNames.get(zoneId)}: ${flow.summary}`.slice(0, 500),
      description: '',
      source: 'criminal',
      capability: DEFAULT_CAPABILITY.criminal,
      entryVector: { kind: 'flow', candidateKey: flow.key, summary: flow.summary.slice(0, 1000) },
      techniques: [...VECTOR_TECHNIQUES.flow],
      frs: ['FR5'],
      likelihood: model.level(4),
      reason: 'Observed traffic crosses a zone boundary where no conduit allows it.',
    });
  }
  return out;
}

function fromOpenConduits(conduits: readonly Conduit[], model: SuggestionModel): SuggestedScenario[] {
  return conduits
    .filter(
      (conduit) =>
        !model.isExcluded('conduit', conduit.id) &&
        (model.zones.has(conduit.fromZoneId) || model.zones.has(conduit.toZoneId)) &&
        conduit.controls.length === 0,
    )
    .map((conduit) => ({
      key: `open-conduit:${conduit.id}`,
      target: { kind: 'conduit', conduitId: conduit.id },
      title: `Conduit ${conduitLabel(conduit, model.zoneNames)} has no control`,
      description: '',
      source: 'criminal',
      capability: DEFAULT_CAPABILITY.criminal,
      entryVector: { kind: 'conduit', conduitId: conduit.id },
      techniques: [...VECTOR_TECHNIQUES['open-conduit']],
      frs: [],
      likelihood: model.level(4),
      reason: 'Nothing filters or authenticates the traffic this conduit carries.',
    }));
}

function fromRemoteAccessZones(conduits: readonly Conduit[], model: SuggestionModel): SuggestedScenario[] {
  const out: SuggestedScenario[] = [];
  for (const zone of model.zones.values()) {
    if (zone.kind !== 'remote-access') continue;
    const links = conduits.filter(
      (c) => !model.isExcluded('conduit', c.id) && (c.fromZoneId === zone.id || c.toZoneId === zone.id),
    );
    const targets = links
      .map((c) => (c.fromZoneId === zone.id ? c.toZoneId : c.fromZoneId))
      .filter((id, i, all) => model.zones.has(id) && all.indexOf(id) === i);
    for (const zoneId of targets.length > 0 ? targets : [zone.id]) {
      out.push({
        key: `remote-access:${zone.id}:${zoneId}`,
        target: { kind: 'zone', zoneId },
        title:
          zoneId === zone.id
            ? `Remote access through ${zone.name}`
            : `Remote access into ${model.zoneNames.get(zoneId)} through ${zone.name}`,
        description: '',
        source: 'criminal',
        capability: DEFAULT_CAPABILITY.criminal,
        entryVector: { kind: 'remote-access', zoneId: zone.id },
        techniques: [...VECTOR_TECHNIQUES['remote-access']],
        frs: ['FR1', 'FR2', 'FR3', 'FR5'],
        likelihood: model.level(3),
        reason: 'A remote-access zone is an entry point from outside the plant.',
      });
    }
  }
  return out;
}
