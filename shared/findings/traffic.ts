import type { Conduit } from '../model/conduit';
import type { Flow } from '../model/inventory';
import type { Triage } from '../model/connections';
import type { ProgramPhase, Severity } from '../model/findings';
import type { Zone } from '../model/zone';
import { withTriage, type Candidate, type CandidateKind, type ReconcileResult } from '../network';
import type { ZoneConsequence } from './consequence';
import { zoneTrust } from './exposure';
import { maxSeverity, severityFromScore } from './severity';
import { emptyRefs, listSome, plural, unique, type GeneratedFinding } from './types';

type ZoneLike = Pick<Zone, 'id' | 'name' | 'kind' | 'criticality' | 'purdueLevel'>;

/**
 * Industrial protocols that carry writes and commands with no authentication or encryption of
 * their own. DCE/RPC across zones is, in a plant, almost always OPC DA over DCOM.
 */
const CLEARTEXT_ICS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /^modbus/i, label: 'Modbus/TCP' },
  { pattern: /^s7comm-plus$/i, label: 'S7comm-plus' },
  { pattern: /^s7comm$/i, label: 'S7comm' },
  { pattern: /^(ethernet\/ip|cip)/i, label: 'EtherNet/IP (CIP)' },
  { pattern: /^dnp3/i, label: 'DNP3' },
  { pattern: /^iec 60870-5-104/i, label: 'IEC 60870-5-104' },
  { pattern: /^(opc da|dce\/rpc)/i, label: 'OPC DA (DCOM)' },
];

export function cleartextIcsProtocol(protocol: string | null): string | null {
  if (protocol === null) return null;
  return CLEARTEXT_ICS.find(({ pattern }) => pattern.test(protocol.trim()))?.label ?? null;
}

export interface TrafficContext {
  zones: readonly ZoneLike[];
  conduits: readonly Pick<Conduit, 'id' | 'name' | 'fromZoneId' | 'toZoneId'>[];
  flows: readonly Pick<Flow, 'id' | 'protocol' | 'transport'>[];
  traffic: ReconcileResult;
  triage: readonly Triage[];
  consequence(zone: ZoneLike): ZoneConsequence;
}

interface TrafficRule {
  title: (count: number) => string;
  phase: ProgramPhase;
  recommendation: string;
}

const RULES: Partial<Record<CandidateKind | 'conduit-mismatch' | 'cleartext-ics', TrafficRule>> = {
  'undocumented-flow': {
    title: (n) => `${plural(n, 'cross-zone flow')} with no conduit`,
    phase: 2,
    recommendation:
      'For each flow, find its owner and decide: document it as a conduit with its services if the process needs it, or block it at the zone boundary. Check that the firewall between the zones denies by default, since these flows passed it.',
  },
  'conduit-mismatch': {
    title: (n) => `${plural(n, 'flow')} that ${n === 1 ? 'its conduit does' : 'their conduits do'} not allow`,
    phase: 2,
    recommendation:
      'Compare the firewall rules of these conduits with their documented services: either the rules are wider than documented (tighten them) or the documentation is incomplete (add the service with its justification).',
  },
  'cleartext-ics': {
    title: (n) => `Cleartext control protocols cross zone boundaries (${plural(n, 'path')})`,
    phase: 2,
    recommendation:
      'Keep write-capable control protocols inside their zone where the process allows it. Where they must cross a boundary, allow only the specific hosts and function codes through the conduit (an industrial firewall with protocol inspection, read-only where possible), and plan the move to the secure variants the devices support (Modbus/TCP Security, CIP Security, DNP3 Secure Authentication, OPC UA instead of OPC DA).',
  },
  'public-ip': {
    title: (n) => `Traffic with ${plural(n, 'public address', 'public addresses')}`,
    phase: 2,
    recommendation:
      'Identify each public address and the device talking to it. Remove direct internet paths from OT zones; updates, licences and vendor support go through the industrial DMZ or the remote-access gateway.',
  },
  'stale-conduit': {
    title: (n) => `${plural(n, 'conduit')} with no observed traffic`,
    phase: 2,
    recommendation:
      'Review these conduits with their owners: if the captures covered normal operation and nothing used them, remove or narrow their rules (possible over-permission); if the traffic is seasonal or rare, record why the rule stays.',
  },
};

/** Untriaged candidates only: a confirmed one is a connection finding, a documented one a conduit. */
function open(candidates: readonly (Candidate & { triage: Triage | null })[]): Candidate[] {
  return candidates.filter((c) => c.triage === null);
}

/** What every traffic rule looks up: zone names, the conduit between two zones, a flow's weight. */
interface TrafficScope {
  context: TrafficContext;
  nameOf(id: string | null): string;
  conduitBetween(a: string | null, b: string | null): Pick<Conduit, 'id'> | undefined;
  flowSeverity(fromZoneId: string | null, toZoneId: string | null): Severity;
  zoneById: ReadonlyMap<string, ZoneLike>;
}

function trafficScope(context: TrafficContext): TrafficScope {
  const zoneById = new Map(context.zones.map((z) => [z.id, z]));
  return {
    context,
    zoneById,
    nameOf: (id) => (id === null ? 'no zone' : (zoneById.get(id)?.name ?? 'unknown zone')),
    conduitBetween: (a, b) =>
      context.conduits.find(
        (c) => (c.fromZoneId === a && c.toZoneId === b) || (c.fromZoneId === b && c.toZoneId === a),
      ),
    /** Into a zone from a less trusted one weighs most: the flow is a way in. */
    flowSeverity(fromZoneId, toZoneId) {
      const to = toZoneId ? zoneById.get(toZoneId) : undefined;
      const from = fromZoneId ? zoneById.get(fromZoneId) : undefined;
      if (!to) return 'medium';
      const inward = from === undefined || zoneTrust(from) < zoneTrust(to);
      return severityFromScore(context.consequence(to).level * (inward ? 4 : 2));
    },
  };
}

const flowLine = (c: Candidate) =>
  `- ${c.summary} (${plural(c.flowIds.length, 'flow')}, ${plural(c.packets, 'packet')}; ${listSome(c.endpoints, 6)})`;

const zonesOf = (list: readonly Pick<Candidate, 'fromZoneId' | 'toZoneId'>[]): string[] =>
  unique(list.flatMap((c) => [c.fromZoneId, c.toZoneId]).filter((z): z is string => !!z));

/** Cross-zone flows with no conduit between their zones, and flows the conduit there does not allow. */
function unconduitedFlowFindings(scope: TrafficScope, candidates: readonly Candidate[]): GeneratedFinding[] {
  const undocumented = candidates.filter((c) => c.kind === 'undocumented-flow');
  const mismatch = undocumented.filter((c) => scope.conduitBetween(c.fromZoneId, c.toZoneId));
  const missing = undocumented.filter((c) => !scope.conduitBetween(c.fromZoneId, c.toZoneId));
  const findings: GeneratedFinding[] = [];
  for (const [rule, list] of [
    ['undocumented-flow', missing],
    ['conduit-mismatch', mismatch],
  ] as const) {
    if (list.length === 0) continue;
    const text = RULES[rule]!;
    findings.push({
      autoKey: `traffic:${rule}`,
      title: text.title(list.length),
      description: list.map(flowLine).join('\n'),
      severity: maxSeverity(...list.map((c) => scope.flowSeverity(c.fromZoneId, c.toZoneId))),
      phase: text.phase,
      recommendation: text.recommendation,
      effort: list.length > 10 ? 'L' : 'M',
      refs: {
        ...emptyRefs(),
        zoneIds: zonesOf(list),
        conduitIds: unique(
          list.flatMap((c) => {
            const conduit = scope.conduitBetween(c.fromZoneId, c.toZoneId);
            return conduit ? [conduit.id] : [];
          }),
        ),
      },
    });
  }
  return findings;
}

/** Cleartext control protocols: every cross-zone flow, documented or not, grouped by path and protocol. */
function cleartextIcsFinding(scope: TrafficScope): GeneratedFinding | null {
  const { context, nameOf } = scope;
  const flowById = new Map(context.flows.map((f) => [f.id, f]));
  const paths = new Map<
    string,
    { from: string; to: string; protocol: string; flows: number; conduitId: string | null }
  >();
  for (const result of context.traffic.flows) {
    if (result.fromZoneId === null || result.toZoneId === null || result.fromZoneId === result.toZoneId)
      continue;
    const protocol = cleartextIcsProtocol(flowById.get(result.flowId)?.protocol ?? null);
    if (!protocol) continue;
    const key = `${result.fromZoneId}>${result.toZoneId}:${protocol}`;
    const path = paths.get(key) ?? {
      from: result.fromZoneId,
      to: result.toZoneId,
      protocol,
      flows: 0,
      conduitId: result.conduitId,
    };
    path.flows += 1;
    paths.set(key, path);
  }
  if (paths.size === 0) return null;
  const text = RULES['cleartext-ics']!;
  const list = [...paths.values()].sort(
    (a, b) => nameOf(a.from).localeCompare(nameOf(b.from)) || nameOf(a.to).localeCompare(nameOf(b.to)),
  );
  return {
    autoKey: 'traffic:cleartext-ics',
    title: text.title(list.length),
    description: list
      .map(
        (p) =>
          `- ${p.protocol} from ${nameOf(p.from)} to ${nameOf(p.to)}: ${plural(p.flows, 'flow')}${p.conduitId ? '' : ', no conduit allows it'}`,
      )
      .join('\n'),
    severity: maxSeverity(...list.map((p) => scope.flowSeverity(p.from, p.to))),
    phase: text.phase,
    recommendation: text.recommendation,
    effort: 'L',
    refs: {
      ...emptyRefs(),
      zoneIds: unique(list.flatMap((p) => [p.from, p.to])),
      conduitIds: unique(list.flatMap((p) => (p.conduitId ? [p.conduitId] : []))),
    },
  };
}

function publicIpFinding(scope: TrafficScope, candidates: readonly Candidate[]): GeneratedFinding | null {
  const publicIps = candidates.filter((c) => c.kind === 'public-ip');
  if (publicIps.length === 0) return null;
  const text = RULES['public-ip']!;
  return {
    autoKey: 'traffic:public-ip',
    title: text.title(publicIps.length),
    description: publicIps
      .map((c) => `${flowLine(c)}${c.fromZoneId ? ` in ${scope.nameOf(c.fromZoneId)}` : ''}`)
      .join('\n'),
    severity: maxSeverity(
      ...publicIps.map((c) => {
        const zone = c.fromZoneId ? scope.zoneById.get(c.fromZoneId) : undefined;
        return zone ? severityFromScore(scope.context.consequence(zone).level * 4) : 'high';
      }),
    ),
    phase: text.phase,
    recommendation: text.recommendation,
    effort: 'M',
    refs: {
      ...emptyRefs(),
      zoneIds: unique(publicIps.flatMap((c) => (c.fromZoneId ? [c.fromZoneId] : []))),
    },
  };
}

function staleConduitFinding(candidates: readonly Candidate[]): GeneratedFinding | null {
  const stale = candidates.filter((c) => c.kind === 'stale-conduit');
  if (stale.length === 0) return null;
  const text = RULES['stale-conduit']!;
  return {
    autoKey: 'traffic:stale-conduit',
    title: text.title(stale.length),
    description: stale.map((c) => `- ${c.summary}`).join('\n'),
    severity: 'low',
    phase: text.phase,
    recommendation: text.recommendation,
    effort: 'S',
    refs: {
      ...emptyRefs(),
      conduitIds: unique(stale.flatMap((c) => (c.conduitId ? [c.conduitId] : []))),
      zoneIds: zonesOf(stale),
    },
  };
}

/**
 * Findings from the observed traffic: undocumented cross-zone flows, flows their conduit does not
 * allow, cleartext write-capable ICS protocols across zones, public addresses and unused conduits.
 * Each lists its flows; each is one finding however many zones it spans.
 */
export function trafficFindings(context: TrafficContext): GeneratedFinding[] {
  const scope = trafficScope(context);
  const candidates = open(withTriage(context.traffic.candidates, context.triage));
  return [
    ...unconduitedFlowFindings(scope, candidates),
    cleartextIcsFinding(scope),
    publicIpFinding(scope, candidates),
    staleConduitFinding(candidates),
  ].filter((f): f is GeneratedFinding => f !== null);
}
