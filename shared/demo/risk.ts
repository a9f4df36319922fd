import type { AssessmentData } from '../model';
import {
  suggestionsFor,
  type Countermeasure,
  type ImpactCategory,
  type SystemUnderConsideration,
  type ThreatScenario,
  type ZoneRisk,
} from '../risk';
import type { DemoZoneKey } from './plant';

type Base = () => { id: string; assessmentId: string; createdAt: string; updatedAt: string };

/** The worst-case unmitigated consequence per impact category, agreed with the plant (1..5). */
const ZONE_CONSEQUENCES: Record<DemoZoneKey, Partial<Record<ImpactCategory, number>>> = {
  enterprise: { production: 2, reputation: 3 },
  remote: { production: 3, reputation: 3 },
  dmz: { production: 3, reputation: 3 },
  ops: { safety: 3, production: 4, reputation: 4 },
  past: { safety: 4, environment: 3, production: 5, reputation: 5 },
  fill: { safety: 2, production: 4, reputation: 3 },
  util: { safety: 3, environment: 4, production: 4 },
  sis: { safety: 5, environment: 4, production: 4 },
};

/**
 * The demo's risk assessment (IEC 62443-3-2): the system under consideration, a consequence
 * rating per zone, the model's suggested scenarios accepted plus two written by hand, and a
 * countermeasure register with one existing control, one recommended and one that is the
 * compensating control of an answer.
 */
export function demoRisk(
  data: AssessmentData,
  zoneId: (key: DemoZoneKey) => string,
  base: Base,
): Pick<AssessmentData, 'riskScopes' | 'zoneRisks' | 'threatScenarios' | 'countermeasures'> {
  // The records take their ids from `base` in this order, so the demo file stays the same bytes.
  const scope = demoScope(zoneId, base);
  const zoneRisks = demoZoneRisks(zoneId, base);
  const accepted = acceptedSuggestions({ ...data, riskScopes: [scope], zoneRisks }, base);
  const { usb, sis } = handWrittenScenarios(data, zoneId, base);
  const remoteAccess = accepted.filter(
    (s) => s.entryVector.kind === 'remote-access' || s.entryVector.kind === 'connection',
  );
  return {
    riskScopes: [scope],
    zoneRisks,
    threatScenarios: [...accepted, usb, sis],
    countermeasures: demoCountermeasures(data, zoneId, base, { usb, sis, remoteAccess }),
  };
}

function demoScope(zoneId: (key: DemoZoneKey) => string, base: Base): SystemUnderConsideration {
  return {
    ...base(),
    description:
      'The dairy’s production control system: pasteurisation, filling and packaging, utilities and the ' +
      'safety instrumented system, with the control room, the industrial DMZ and vendor remote access.',
    boundary:
      'From the enterprise firewall (it-fw-01, plant side) down to field level. The enterprise network is ' +
      'in the model as the less trusted side of the IT-to-DMZ conduit; its own hosts are out of scope.',
    exclusions: [
      {
        kind: 'zone',
        id: zoneId('enterprise'),
        reason: 'Owned and assessed by corporate IT; kept in the model as the conduit’s untrusted side.',
      },
    ],
    documents: [
      { title: 'Network drawing, production', reference: 'OT-NET-004 rev. C' },
      { title: 'Firewall rule export ot-fw-ops', reference: 'exported 2 March 2026' },
    ],
    people: [
      { name: 'Plant manager', role: 'Asset owner' },
      { name: 'Automation lead', role: 'Control system owner' },
    ],
    assumptions: [
      'The SIS is programmed only from its own engineering station, kept in the locked SIS cabinet.',
      'Corporate IT keeps the enterprise endpoints patched and monitored.',
    ],
  };
}

function demoZoneRisks(zoneId: (key: DemoZoneKey) => string, base: Base): ZoneRisk[] {
  return (Object.keys(ZONE_CONSEQUENCES) as DemoZoneKey[]).map((key) => ({
    ...base(),
    zoneId: zoneId(key),
    consequences: { ...ZONE_CONSEQUENCES[key] },
    sltSource: 'derived',
    manualSlt: null,
    justification: '',
  }));
}

/** Every scenario the model suggests for the plant, accepted as suggested. */
function acceptedSuggestions(withScope: AssessmentData, base: Base): ThreatScenario[] {
  return suggestionsFor(withScope).map((s) => ({
    ...base(),
    target: s.target,
    title: s.title,
    description: s.description,
    source: s.source,
    capability: s.capability,
    entryVector: s.entryVector,
    techniques: [...s.techniques],
    frs: [...s.frs],
    likelihood: s.likelihood,
    consequence: null,
    status: 'active',
    suggestionKey: s.key,
    dropReason: '',
  }));
}

/** The two scenarios the assessor wrote: what the model cannot see from the network alone. */
function handWrittenScenarios(
  data: AssessmentData,
  zoneId: (key: DemoZoneKey) => string,
  base: Base,
): { usb: ThreatScenario; sis: ThreatScenario } {
  const usb: ThreatScenario = {
    ...base(),
    target: { kind: 'zone', zoneId: zoneId('ops') },
    title: 'Malware on a contractor’s USB stick infects the control room HMIs',
    description:
      'Contractors bring project files on USB sticks to the Windows 7 HMIs; the HMIs cannot run the current ' +
      'antivirus agent. Ransomware of the kind seen at other food plants would stop the operators’ view.',
    source: 'insider',
    capability: 1,
    entryVector: { kind: 'removable-media' },
    techniques: ['T0847', 'T0866'],
    frs: ['FR3'],
    likelihood: 3,
    consequence: null,
    status: 'active',
    suggestionKey: null,
    dropReason: '',
  };
  const sis: ThreatScenario = {
    ...base(),
    target: { kind: 'zone', zoneId: zoneId('sis') },
    title: 'A targeted attacker reprograms the SIS from the control room',
    description:
      'A Triton-style attack: a capable actor who already holds the control room reaches the safety ' +
      'controllers over the read-only conduit and changes the safety logic.',
    source: 'nation-state',
    capability: 4,
    entryVector: { kind: 'conduit', conduitId: conduitId(data, zoneId('ops'), zoneId('sis')) },
    techniques: ['T0843', 'T0880'],
    frs: ['FR3', 'FR5'],
    likelihood: 1,
    consequence: null,
    status: 'active',
    suggestionKey: null,
    dropReason: '',
  };
  return { usb, sis };
}

/** The register: two controls found on the visit and the recommendation that closes the bypasses. */
function demoCountermeasures(
  data: AssessmentData,
  zoneId: (key: DemoZoneKey) => string,
  base: Base,
  scenarios: { usb: ThreatScenario; sis: ThreatScenario; remoteAccess: ThreatScenario[] },
): Countermeasure[] {
  const allowList: Countermeasure = {
    ...base(),
    title: 'Application allow-listing on the control room HMIs',
    description:
      'McAfee Application Control on hmi-cr-01/02, verified on the visit; only signed HMI software runs.',
    kind: 'existing',
    itemIds: ['SR 3.2'],
    controls: [],
    conduitIds: [],
    scenarioIds: [scenarios.usb.id],
    compensates: [{ zoneId: zoneId('ops'), itemId: 'SR 3.2' }],
    likelihoodReduction: 1,
    consequenceReduction: 0,
    owner: 'Automation lead',
    dueDate: null,
    status: 'done',
  };
  const sisFirewall: Countermeasure = {
    ...base(),
    title: 'One-way conduit to the SIS: data diode, X-COM gateway and the PROG key switch',
    description:
      'The control room reads SIS status through the X-COM gateway behind a data diode; SILworX downloads ' +
      'need the key switch in PROG.',
    kind: 'existing',
    itemIds: ['SR 5.1', 'SR 5.2'],
    controls: ['firewall', 'data-diode'],
    conduitIds: [conduitId(data, zoneId('ops'), zoneId('sis'))],
    scenarioIds: [scenarios.sis.id],
    compensates: [],
    likelihoodReduction: 1,
    consequenceReduction: 0,
    owner: 'Automation lead',
    dueDate: null,
    status: 'done',
  };
  const removeBypasses: Countermeasure = {
    ...base(),
    title: 'Remove the LTE router and the enterprise-to-filling rule; remote support only through SINEMA RC',
    description:
      'Take out the vendor’s LTE router in panel U3 and the firewall rule left from the 2025 line upgrade. ' +
      'Vendor sessions go through the remote-access zone with per-session approval and recording.',
    kind: 'recommended',
    itemIds: ['SR 1.13', 'SR 5.1', 'SR 5.2'],
    controls: [],
    conduitIds: [],
    scenarioIds: scenarios.remoteAccess.map((s) => s.id),
    compensates: [],
    likelihoodReduction: 2,
    consequenceReduction: 0,
    owner: 'Plant manager',
    dueDate: '2026-06-30',
    status: 'open',
  };
  return [allowList, sisFirewall, removeBypasses];
}

function conduitId(data: AssessmentData, from: string, to: string): string {
  const conduit = data.conduits.find((c) => c.fromZoneId === from && c.toZoneId === to);
  if (!conduit) throw new Error(`the demo plant has no conduit ${from} → ${to}`);
  return conduit.id;
}
