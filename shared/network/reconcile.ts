import type { Asset, Conduit, ConduitService, Connection, Flow, Triage, Zone } from '../model';
import { findKnownProtocol } from './protocols';
import { parseIp } from './ip-ranges';
import { subnetIndex, type SubnetIndex } from './subnet-index';

/**
 * Reconciliation of observed traffic against the documented zones and conduits. Pure: the same
 * code runs in the renderer, in a Worker and in the CLI.
 */

export type CandidateKind =
  'undocumented-flow' | 'unzoned-endpoint' | 'public-ip' | 'l2-between-zones' | 'stale-conduit';

export const CANDIDATE_KIND_LABELS: Record<CandidateKind, string> = {
  'undocumented-flow': 'Flow with no conduit',
  'unzoned-endpoint': 'Endpoint in no zone',
  'public-ip': 'Flow to a public IP',
  'l2-between-zones': 'Layer-2 frames between zones',
  'stale-conduit': 'Conduit with no observed traffic',
};

export interface Candidate {
  /** Stable across runs and re-imports: built from zone ids, transport, port, protocol or address. */
  key: string;
  kind: CandidateKind;
  summary: string;
  /** The client's zone (or the first zone) and the server's zone (or the second); null when not zoned. */
  fromZoneId: string | null;
  toZoneId: string | null;
  transport: Flow['transport'] | null;
  port: number | null;
  protocol: string | null;
  /** Addresses involved (IPs, or MACs for layer-2), sorted, at most 50. */
  endpoints: string[];
  flowIds: string[];
  packets: number;
  bytes: number;
  conduitId: string | null;
}

export type FlowStatus = 'internal' | 'documented' | 'undocumented' | 'unzoned' | 'l2';

export interface FlowReconciliation {
  flowId: string;
  /** Zone of the client end (or end a when the server is unknown) and of the server end. */
  fromZoneId: string | null;
  toZoneId: string | null;
  status: FlowStatus;
  conduitId: string | null;
  public: boolean;
}

export interface ReconcileResult {
  candidates: Candidate[];
  flows: FlowReconciliation[];
  /** Problems that did not stop the run, e.g. a zone range that does not parse. */
  warnings: string[];
}

export interface ReconcileInput {
  zones: readonly Zone[];
  conduits: readonly Conduit[];
  assets: readonly Asset[];
  flows: readonly Flow[];
}

const MAX_ENDPOINTS = 50;

/** Finds the zone of an address: the asset's zone, else the most specific zone range. */
class ZoneLocator {
  private readonly ranges: SubnetIndex;
  private readonly assetsById = new Map<string, Asset>();
  private readonly assetByIp = new Map<string, Asset>();
  private readonly assetByMac = new Map<string, Asset>();
  private readonly cache = new Map<string, string | null>();
  readonly warnings: string[] = [];

  constructor(zones: readonly Zone[], assets: readonly Asset[]) {
    const zoneIds = new Set(zones.map((z) => z.id));
    this.ranges = subnetIndex(zones);
    for (const problem of this.ranges.problems) this.warnings.push(`${problem}; ignored`);
    for (const asset of assets) {
      if (asset.zoneId !== null && !zoneIds.has(asset.zoneId)) continue;
      this.assetsById.set(asset.id, asset);
      for (const ip of asset.ips) if (!this.assetByIp.has(ip)) this.assetByIp.set(ip, asset);
      for (const mac of asset.macs) {
        const key = mac.toLowerCase();
        if (!this.assetByMac.has(key)) this.assetByMac.set(key, asset);
      }
    }
  }

  zoneOf(end: Flow['a']): string | null {
    const asset =
      (end.assetId !== null ? this.assetsById.get(end.assetId) : undefined) ??
      (end.ip !== null ? this.assetByIp.get(end.ip) : undefined) ??
      (end.ip === null && end.mac !== null ? this.assetByMac.get(end.mac.toLowerCase()) : undefined);
    if (asset?.zoneId) return asset.zoneId;
    return end.ip === null ? null : this.zoneOfIp(end.ip);
  }

  private zoneOfIp(text: string): string | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const zoneId = this.ranges.match(text)?.zoneId ?? null;
    this.cache.set(text, zoneId);
    return zoneId;
  }
}

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8],
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8],
  [0xa9fe0000, 16], // link-local
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved and broadcast
];

/** True for a globally routable address: not private, loopback, link-local, multicast or reserved. */
export function isPublicIp(text: string): boolean {
  const ip = parseIp(text);
  if (!ip) return false;
  if (ip.version === 4) {
    const value = Number(ip.value);
    return !PRIVATE_V4.some(([net, bits]) => value >>> (32 - bits) === net >>> (32 - bits));
  }
  const top16 = Number(ip.value >> 112n);
  if (ip.value <= 1n) return false; // :: and ::1
  if ((top16 & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((top16 & 0xffc0) === 0xfe80) return false; // link-local
  if ((top16 & 0xff00) === 0xff00) return false; // multicast
  if (ip.value >> 32n === 0xffffn) return isPublicIp(formatV4(Number(ip.value & 0xffffffffn))); // v4-mapped
  return (top16 & 0xe000) === 0x2000; // global unicast 2000::/3
}

function formatV4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function protocolNamesMatch(allowed: string, observed: string): boolean {
  const a = normalizeName(allowed);
  const b = normalizeName(observed);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  // "IEC 61850 MMS" allows "MMS", "FINS" allows "Omron FINS".
  return Math.min(a.length, b.length) >= 3 && (a.includes(b) || b.includes(a));
}

function portInSpec(spec: string, port: number): boolean {
  const [from = '', to] = spec.split('-');
  const low = Number(from);
  const high = to === undefined ? low : Number(to);
  return port >= low && port <= high;
}

/** Whether one service of a conduit allows an observed flow (transport, server port, protocol name). */
export function serviceAllows(
  service: ConduitService,
  flow: { transport: Flow['transport']; port: number | null; protocol: string | null },
): boolean {
  const protocol = service.protocol.trim();
  if (protocol.toLowerCase() === 'any' || protocol === '*') return true;
  if (flow.transport !== 'tcp' && flow.transport !== 'udp') return false;
  if (service.transport !== 'any' && service.transport !== flow.transport) return false;
  const ports = service.ports.trim();
  if (ports !== '') return flow.port !== null && portInSpec(ports, flow.port);
  if (protocol === '') return true; // every port of this transport
  // A named protocol: by name when the flow's protocol is known (S7comm on 102 is not MMS), else by its usual port.
  if (flow.protocol !== null) return protocolNamesMatch(protocol, flow.protocol);
  const known = findKnownProtocol(protocol);
  return known !== undefined && flow.port !== null && portInSpec(known.ports, flow.port);
}

/** The conduit that allows traffic from a client in `fromZone` to a server in `toZone`, if any. */
export function findAllowingConduit(
  conduits: readonly Conduit[],
  fromZoneId: string,
  toZoneId: string,
  flow: { transport: Flow['transport']; port: number | null; protocol: string | null },
): Conduit | null {
  for (const conduit of conduits) {
    const forward = conduit.fromZoneId === fromZoneId && conduit.toZoneId === toZoneId;
    const backward =
      conduit.direction === 'both' && conduit.fromZoneId === toZoneId && conduit.toZoneId === fromZoneId;
    if (!forward && !backward) continue;
    if (conduit.services.some((s) => serviceAllows(s, flow))) return conduit;
  }
  return null;
}

function hostOf(end: Flow['a']): string | null {
  return end.ip ?? end.mac;
}

interface Group {
  candidate: Candidate;
  endpoints: Set<string>;
}

class CandidateSet {
  private readonly groups = new Map<string, Group>();

  add(
    key: string,
    make: () => Omit<Candidate, 'key' | 'flowIds' | 'packets' | 'bytes' | 'endpoints'>,
    flow: Flow | null,
    ends: (string | null)[],
  ) {
    let group = this.groups.get(key);
    if (!group) {
      group = {
        candidate: { key, ...make(), endpoints: [], flowIds: [], packets: 0, bytes: 0 },
        endpoints: new Set(),
      };
      this.groups.set(key, group);
    }
    if (flow) {
      group.candidate.flowIds.push(flow.id);
      group.candidate.packets += flow.packets;
      group.candidate.bytes += flow.bytes;
    }
    for (const end of ends) if (end !== null) group.endpoints.add(end);
  }

  list(): Candidate[] {
    return [...this.groups.values()]
      .map(({ candidate, endpoints }) => ({
        ...candidate,
        endpoints: [...endpoints].sort().slice(0, MAX_ENDPOINTS),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** What one reconciliation run builds up as it walks the flows. */
interface Run {
  locator: ZoneLocator;
  conduits: readonly Conduit[];
  nameOf: (id: string | null) => string;
  candidates: CandidateSet;
  usedConduits: Set<string>;
  /** Zones in which each layer-2 capture batch saw industrial frames. */
  l2ZonesByBatch: Map<string, Map<string, Flow[]>>;
}

/** A flow oriented client -> server (when the server is known), with the zone of each end. */
interface OrientedFlow {
  flow: Flow;
  client: Flow['a'];
  server: Flow['a'];
  fromZoneId: string | null;
  toZoneId: string | null;
  clientPublic: boolean;
  serverPublic: boolean;
}

function orient(run: Run, flow: Flow): OrientedFlow {
  const [client, server] = flow.server === 'a' ? [flow.b, flow.a] : [flow.a, flow.b];
  const fromZoneId = run.locator.zoneOf(client);
  const toZoneId = run.locator.zoneOf(server);
  // A public address inside a zone's ranges is the plant's own addressing, not the internet.
  return {
    flow,
    client,
    server,
    fromZoneId,
    toZoneId,
    clientPublic: fromZoneId === null && client.ip !== null && isPublicIp(client.ip),
    serverPublic: toZoneId === null && server.ip !== null && isPublicIp(server.ip),
  };
}

/** An end in no zone (and not a public address or a layer-2 group) is a candidate of its own. */
function noteUnzonedEnds(run: Run, { flow, client, server, fromZoneId, toZoneId }: OrientedFlow): void {
  for (const [end, zoneId] of [
    [client, fromZoneId],
    [server, toZoneId],
  ] as const) {
    const label = hostOf(end);
    if (zoneId !== null || label === null) continue;
    if (end.ip === null && flow.transport === 'l2' && isGroupMac(end.mac)) continue;
    if (end.ip !== null && isPublicIp(end.ip)) continue; // reported as a public IP instead
    run.candidates.add(
      `unzoned:${label}`,
      () => ({
        kind: 'unzoned-endpoint',
        summary: `${label} is in no zone`,
        fromZoneId: null,
        toZoneId: null,
        transport: null,
        port: null,
        protocol: null,
        conduitId: null,
      }),
      flow,
      [label],
    );
  }
}

function notePublicEnds(run: Run, oriented: OrientedFlow): void {
  const { flow, client, server, fromZoneId, toZoneId, clientPublic, serverPublic } = oriented;
  for (const [end, other, otherZone, endPublic] of [
    [client, server, toZoneId, clientPublic],
    [server, client, fromZoneId, serverPublic],
  ] as const) {
    if (!endPublic || end.ip === null) continue;
    run.candidates.add(
      `public:${end.ip}`,
      () => ({
        kind: 'public-ip',
        summary: `Traffic with the public address ${end.ip}`,
        fromZoneId: otherZone,
        toZoneId: null,
        transport: flow.transport,
        port: server.port,
        protocol: flow.protocol,
        conduitId: null,
      }),
      flow,
      [end.ip, hostOf(other)],
    );
  }
}

/** Layer-2 frames cross no conduit: frames between two zones say they share a broadcast domain. */
function noteL2Flow(run: Run, flow: Flow): void {
  const zoneA = run.locator.zoneOf(flow.a);
  const zoneB = isGroupMac(flow.b.mac) ? null : run.locator.zoneOf(flow.b);
  if (zoneA !== null && zoneB !== null && zoneA !== zoneB)
    addL2(run.candidates, flow, zoneA, zoneB, run.nameOf);
  if (zoneA === null) return;
  const batch = flow.batchId ?? '';
  let zones = run.l2ZonesByBatch.get(batch);
  if (!zones) run.l2ZonesByBatch.set(batch, (zones = new Map()));
  let list = zones.get(zoneA);
  if (!list) zones.set(zoneA, (list = []));
  list.push(flow);
}

/** A routed flow between two zones: documented by a conduit that allows it, or a candidate. */
function reconcileBetweenZones(
  run: Run,
  { flow, client, server }: OrientedFlow,
  fromZoneId: string,
  toZoneId: string,
  result: FlowReconciliation,
): void {
  const port = server.port;
  const observed = { transport: flow.transport, port, protocol: flow.protocol };
  let conduit = findAllowingConduit(run.conduits, fromZoneId, toZoneId, observed);
  if (!conduit && flow.server === null) {
    // No side is known to serve: either orientation documented by a conduit will do.
    conduit = findAllowingConduit(run.conduits, toZoneId, fromZoneId, { ...observed, port: client.port });
  }
  if (conduit) {
    result.status = 'documented';
    result.conduitId = conduit.id;
    run.usedConduits.add(conduit.id);
    return;
  }
  result.status = 'undocumented';
  const servicePort = flow.server === null ? minPort(client.port, port) : port;
  const what = flow.protocol ?? `${flow.transport.toUpperCase()} ${servicePort ?? '?'}`;
  const direction = flow.server === null ? '?' : '>';
  run.candidates.add(
    `flow:${fromZoneId}${direction}${toZoneId}:${flow.transport}/${servicePort ?? ''}:${flow.protocol ?? ''}`,
    () => ({
      kind: 'undocumented-flow',
      summary: `${what} from ${run.nameOf(fromZoneId)} to ${run.nameOf(toZoneId)} with no conduit allowing it`,
      fromZoneId,
      toZoneId,
      transport: flow.transport,
      port: servicePort,
      protocol: flow.protocol,
      conduitId: null,
    }),
    flow,
    [hostOf(client), hostOf(server)],
  );
}

function reconcileFlow(run: Run, flow: Flow): FlowReconciliation {
  const oriented = orient(run, flow);
  const { fromZoneId, toZoneId } = oriented;
  const isPublic = oriented.clientPublic || oriented.serverPublic;
  const result: FlowReconciliation = {
    flowId: flow.id,
    fromZoneId,
    toZoneId,
    status: 'internal',
    conduitId: null,
    public: isPublic,
  };
  noteUnzonedEnds(run, oriented);
  if (isPublic) notePublicEnds(run, oriented);
  if (flow.transport === 'l2') {
    result.status = 'l2';
    noteL2Flow(run, flow);
  } else if (fromZoneId === null || toZoneId === null) {
    result.status = 'unzoned';
  } else if (fromZoneId !== toZoneId) {
    reconcileBetweenZones(run, oriented, fromZoneId, toZoneId, result);
  }
  return result;
}

/** Industrial frames from stations in several zones, in one capture: one broadcast domain. */
function noteSharedBroadcastDomains(run: Run): void {
  for (const zones of run.l2ZonesByBatch.values()) {
    const ids = [...zones.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        for (const flow of [...zones.get(ids[i]!)!, ...zones.get(ids[j]!)!]) {
          addL2(run.candidates, flow, ids[i]!, ids[j]!, run.nameOf);
        }
      }
    }
  }
}

/** Conduits no observed flow used: possibly stale rules. */
function noteStaleConduits(run: Run): void {
  for (const conduit of run.conduits) {
    if (run.usedConduits.has(conduit.id)) continue;
    const label =
      conduit.name.trim() || `${run.nameOf(conduit.fromZoneId)} – ${run.nameOf(conduit.toZoneId)}`;
    run.candidates.add(
      `stale:${conduit.id}`,
      () => ({
        kind: 'stale-conduit',
        summary: `No observed traffic uses the conduit ${label}: a possibly stale rule`,
        fromZoneId: conduit.fromZoneId,
        toZoneId: conduit.toZoneId,
        transport: null,
        port: null,
        protocol: null,
        conduitId: conduit.id,
      }),
      null,
      [],
    );
  }
}

/**
 * Maps every flow's ends to zones and lists what the documented conduits do not explain:
 * flows crossing zones with no conduit allowing them, endpoints in no zone, flows to public IPs,
 * layer-2 frames between zones, and conduits no flow used.
 */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const zoneName = new Map(input.zones.map((z) => [z.id, z.name]));
  const run: Run = {
    locator: new ZoneLocator(input.zones, input.assets),
    conduits: input.conduits,
    nameOf: (id) => (id === null ? 'no zone' : (zoneName.get(id) ?? 'unknown zone')),
    candidates: new CandidateSet(),
    usedConduits: new Set(),
    l2ZonesByBatch: new Map(),
  };
  const results = input.flows.map((flow) => reconcileFlow(run, flow));
  noteSharedBroadcastDomains(run);
  if (input.flows.length > 0) noteStaleConduits(run);
  return { candidates: run.candidates.list(), flows: results, warnings: run.locator.warnings };
}

function minPort(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Broadcast and multicast MACs (the group bit of the first octet). */
function isGroupMac(mac: string | null): boolean {
  if (mac === null) return false;
  const first = parseInt(mac.slice(0, 2), 16);
  return Number.isFinite(first) && (first & 1) === 1;
}

function addL2(
  candidates: CandidateSet,
  flow: Flow,
  zoneX: string,
  zoneY: string,
  nameOf: (id: string | null) => string,
) {
  const [first, second] = zoneX < zoneY ? [zoneX, zoneY] : [zoneY, zoneX];
  candidates.add(
    `l2:${first}|${second}`,
    () => ({
      kind: 'l2-between-zones',
      summary: `Layer-2 frames seen in ${nameOf(first)} and ${nameOf(second)}: the zones share a broadcast domain`,
      fromZoneId: first,
      toZoneId: second,
      transport: 'l2',
      port: null,
      protocol: flow.protocol,
      conduitId: null,
    }),
    flow,
    [flow.a.mac, flow.b.mac],
  );
}

/**
 * Earlier versions keyed an undocumented flow `cross:<from zone>:<to zone>:<transport>:<port>`
 * (no direction, no protocol). Such a decision applies to the current `flow:` candidate with the same
 * zones (either way round), transport and port, when exactly one matches.
 */
function legacyCandidateKey<C extends { key: string }>(
  legacy: string,
  candidates: readonly C[],
): string | undefined {
  const match = /^cross:([^:]+):([^:]+):(tcp|udp):(\d*)$/.exec(legacy);
  if (!match) return undefined;
  const [, a, b, transport, port] = match;
  const matches = candidates.filter((c) => {
    const parsed = /^flow:(.+?)[>?](.+?):(tcp|udp)\/(\d*):/.exec(c.key);
    if (!parsed) return false;
    const [, from, to, t, p] = parsed;
    const sameZones = (from === a && to === b) || (from === b && to === a);
    return sameZones && t === transport && p === port;
  });
  return matches.length === 1 ? matches[0]!.key : undefined;
}

/**
 * Triage records whose key is in an earlier format, re-keyed to the current candidate they mean.
 * The caller stores the result so the old keys are not matched again.
 */
export function migrateTriageKeys<C extends { key: string }, T extends Triage = Triage>(
  candidates: readonly C[],
  triage: readonly T[],
): T[] {
  const current = new Set(candidates.map((c) => c.key));
  const taken = new Set(triage.map((t) => t.candidateKey).filter((k) => current.has(k)));
  const migrated: T[] = [];
  for (const record of triage) {
    if (current.has(record.candidateKey)) continue;
    const key = legacyCandidateKey(record.candidateKey, candidates);
    if (key === undefined || taken.has(key)) continue;
    taken.add(key);
    migrated.push({ ...record, candidateKey: key });
  }
  return migrated;
}

/** Each candidate with the assessor's decision on it, if any (decisions under old keys included). */
export function withTriage<C extends { key: string }, T extends Triage = Triage>(
  candidates: readonly C[],
  triage: readonly T[],
): (C & { triage: T | null })[] {
  const byKey = new Map(triage.map((t) => [t.candidateKey, t]));
  for (const record of migrateTriageKeys(candidates, triage)) {
    if (!byKey.has(record.candidateKey)) byKey.set(record.candidateKey, record);
  }
  return candidates.map((c) => ({ ...c, triage: byKey.get(c.key) ?? null }));
}

/** The allowed service that documents a candidate flow. */
export function serviceForCandidate(candidate: Candidate): ConduitService {
  return {
    transport: candidate.transport === 'udp' ? 'udp' : candidate.transport === 'tcp' ? 'tcp' : 'any',
    ports: candidate.port === null ? '' : String(candidate.port),
    protocol: candidate.protocol ?? '',
  };
}

/**
 * How to document an undocumented flow: extend the conduit already joining the two zones (adding
 * the service, and opening the direction when it ran the other way), or create one.
 */
export function documentCandidate(
  conduits: readonly Conduit[],
  candidate: Candidate,
):
  | { kind: 'extend'; conduit: Conduit }
  | { kind: 'create'; fromZoneId: string; toZoneId: string; service: ConduitService }
  | null {
  const { fromZoneId, toZoneId } = candidate;
  if (fromZoneId === null || toZoneId === null || fromZoneId === toZoneId) return null;
  const service = serviceForCandidate(candidate);
  const existing =
    conduits.find((c) => c.fromZoneId === fromZoneId && c.toZoneId === toZoneId) ??
    conduits.find((c) => c.fromZoneId === toZoneId && c.toZoneId === fromZoneId);
  if (!existing) return { kind: 'create', fromZoneId, toZoneId, service };
  const reversed = existing.fromZoneId !== fromZoneId;
  return {
    kind: 'extend',
    conduit: {
      ...existing,
      direction: reversed ? 'both' : existing.direction,
      services: [...existing.services, service],
    },
  };
}

/** The prefilled fields of the undocumented connection a confirmed candidate becomes. */
export function connectionDraftForCandidate(
  candidate: Candidate,
): Pick<
  Connection,
  'from' | 'to' | 'type' | 'foundBy' | 'description' | 'flowIds' | 'likelihood' | 'impact'
> {
  const zoneEnd = (zoneId: string | null, fallback: string) =>
    zoneId !== null ? ({ kind: 'zone', zoneId } as const) : ({ kind: 'text', text: fallback } as const);
  const [first = 'unknown', second = 'unknown'] = candidate.endpoints;
  return {
    from: zoneEnd(candidate.fromZoneId, first),
    to: zoneEnd(candidate.toZoneId, candidate.kind === 'public-ip' ? first : second),
    type: candidate.kind === 'public-ip' ? 'vendor-remote-access' : 'direct-it-ot',
    foundBy: 'traffic',
    description: `${candidate.summary}. Observed: ${candidate.flowIds.length} flow(s), ${candidate.packets} packets; endpoints ${candidate.endpoints.slice(0, 10).join(', ')}.`,
    flowIds: candidate.flowIds.slice(0, 10_000),
    likelihood: 3,
    impact: 3,
  };
}

/** Severity from likelihood and impact (1..5 each): their product on a 5x5 risk matrix. */
export function connectionSeverity(
  likelihood: number,
  impact: number,
): 'critical' | 'high' | 'medium' | 'low' {
  const score = likelihood * impact;
  if (score >= 15) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}
