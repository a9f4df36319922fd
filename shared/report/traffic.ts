import type { AssessmentData, Triage } from '../model';
import { applyTriageRules, reconcile, withTriage, type Candidate, type FlowStatus } from '../network';

/** Observed flows from one zone to another (either may be "no zone"), with what they carried. */
export interface ZonePairFlows {
  fromZoneId: string | null;
  toZoneId: string | null;
  flows: number;
  packets: number;
  protocols: string[];
  /** Flows of the pair that no conduit documents. */
  undocumented: number;
}

export type TriageState = 'open' | 'documented' | 'confirmed' | 'dismissed';

export interface TriagedCandidate extends Candidate {
  triage: Triage | null;
  state: TriageState;
}

/** What the report's "Observed traffic" section and the narrative read. */
export interface TrafficSummary {
  flows: number;
  crossZoneFlows: number;
  pairs: ZonePairFlows[];
  candidates: TriagedCandidate[];
  counts: Record<TriageState, number>;
}

const CROSS: readonly FlowStatus[] = ['documented', 'undocumented'];

function pairsOf(data: AssessmentData, flows: ReturnType<typeof reconcile>['flows']): ZonePairFlows[] {
  const byId = new Map(data.flows.map((f) => [f.id, f]));
  const pairs = new Map<string, ZonePairFlows & { seen: Set<string> }>();
  for (const r of flows) {
    if (!CROSS.includes(r.status) || r.fromZoneId === r.toZoneId) continue;
    const key = `${r.fromZoneId ?? ''}>${r.toZoneId ?? ''}`;
    const pair = pairs.get(key) ?? {
      fromZoneId: r.fromZoneId,
      toZoneId: r.toZoneId,
      flows: 0,
      packets: 0,
      protocols: [],
      undocumented: 0,
      seen: new Set<string>(),
    };
    const flow = byId.get(r.flowId);
    pair.flows += 1;
    pair.packets += flow?.packets ?? 0;
    if (r.status === 'undocumented') pair.undocumented += 1;
    const protocol = flow?.protocol ?? (flow ? `${flow.transport}` : null);
    if (protocol && !pair.seen.has(protocol)) {
      pair.seen.add(protocol);
      pair.protocols.push(protocol);
    }
    pairs.set(key, pair);
  }
  return [...pairs.values()]
    .map(({ seen: _seen, ...pair }) => ({ ...pair, protocols: [...pair.protocols].sort() }))
    .sort((a, b) => b.flows - a.flows || (a.fromZoneId ?? '').localeCompare(b.fromZoneId ?? ''));
}

/** The observed traffic between zones and the reconciliation candidates with their triage; null with no flows. */
export function trafficSummary(data: AssessmentData): TrafficSummary | null {
  if (data.flows.length === 0) return null;
  const result = reconcile({
    zones: data.zones,
    conduits: data.conduits,
    assets: data.assets,
    flows: data.flows,
  });
  // Rule-triaged candidates read exactly as hand-triaged ones (the assessor's own decision wins).
  const triage = applyTriageRules(result.candidates, data.triage, data.triageRules ?? []);
  const candidates = withTriage(result.candidates, triage).map((c): TriagedCandidate => ({
    ...c,
    state: c.triage ? c.triage.decision : 'open',
  }));
  const counts: Record<TriageState, number> = { open: 0, documented: 0, confirmed: 0, dismissed: 0 };
  for (const c of candidates) counts[c.state] += 1;
  return {
    flows: data.flows.length,
    crossZoneFlows: result.flows.filter((r) => CROSS.includes(r.status) && r.fromZoneId !== r.toZoneId)
      .length,
    pairs: pairsOf(data, result.flows),
    candidates,
    counts,
  };
}
