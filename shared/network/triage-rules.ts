import type { Triage, TriageRule } from '../model';
import { parseIp, parseRange, rangeContainsIp, type IpRange } from './ip-ranges';
import { protocolNamesMatch, withTriage, type Candidate } from './reconcile';

/**
 * Triage rules: standing decisions over reconciliation candidates. Applying them is pure and
 * cheap (no stored triage is written), so a rule covers present and future candidates alike and
 * deleting it gives back exactly the candidates it had triaged.
 */

/** A decision made by a rule, shaped like the assessor's own so findings and the report treat both alike. */
export type AppliedTriage = Triage & { ruleId?: string };

type RuleCandidate = Pick<
  Candidate,
  'key' | 'kind' | 'fromZoneId' | 'toZoneId' | 'transport' | 'port' | 'protocol'
>;

export interface RuleService {
  transport: 'tcp' | 'udp' | null;
  port: number | null;
  protocol: string | null;
}

/** "udp/123", "123" or a protocol name; null when the text is none of them. */
export function parseRuleService(text: string): RuleService | null {
  const value = text.trim();
  const withTransport = /^(tcp|udp)\s*[/ ]\s*(\d{1,5})$/i.exec(value);
  if (withTransport) {
    const port = Number(withTransport[2]);
    const transport = withTransport[1]!.toLowerCase() as 'tcp' | 'udp';
    return port <= 65535 ? { transport, port, protocol: null } : null;
  }
  if (/^\d{1,5}$/.test(value))
    return Number(value) <= 65535 ? { transport: null, port: Number(value), protocol: null } : null;
  return value === '' ? null : { transport: null, port: null, protocol: value };
}

/** What is wrong with a rule's criteria, as messages for the form; empty when it can be applied. */
export function triageRuleProblems(rule: Pick<TriageRule, 'subnet' | 'service'>): {
  subnet?: string;
  service?: string;
} {
  const problems: { subnet?: string; service?: string } = {};
  if (rule.subnet !== null) {
    const parsed = parseRange(rule.subnet);
    if (!parsed.ok) problems.subnet = parsed.message;
  }
  if (rule.service !== null && parseRuleService(rule.service) === null) {
    problems.service = `"${rule.service}" is not a protocol name, a port (123) or a transport and port (udp/123)`;
  }
  return problems;
}

/** The address a candidate is about: the public address, or the endpoint in no zone. */
function subjectAddress(candidate: RuleCandidate): string | null {
  if (candidate.kind !== 'public-ip' && candidate.kind !== 'unzoned-endpoint') return null;
  return candidate.key.slice(candidate.key.indexOf(':') + 1);
}

function zonesMatch(rule: TriageRule, candidate: RuleCandidate): boolean {
  const { fromZoneId: from, toZoneId: to } = candidate;
  if (rule.zoneBId === null) return from === rule.zoneAId || to === rule.zoneAId;
  return (from === rule.zoneAId && to === rule.zoneBId) || (from === rule.zoneBId && to === rule.zoneAId);
}

function serviceMatches(service: RuleService, candidate: RuleCandidate): boolean {
  if (service.protocol !== null)
    return candidate.protocol !== null && protocolNamesMatch(service.protocol, candidate.protocol);
  if (service.transport !== null && candidate.transport !== service.transport) return false;
  return candidate.port === service.port;
}

/** A rule with its criteria parsed once; a rule whose criteria do not parse matches nothing. */
interface CompiledRule {
  rule: TriageRule;
  range: IpRange | null;
  service: RuleService | null;
  valid: boolean;
}

function compile(rule: TriageRule): CompiledRule {
  const parsed = rule.subnet === null ? null : parseRange(rule.subnet);
  const service = rule.service === null ? null : parseRuleService(rule.service);
  const valid = (parsed === null || parsed.ok) && (rule.service === null || service !== null);
  return { rule, range: parsed?.ok ? parsed.value : null, service, valid };
}

function compiledMatches({ rule, range, service, valid }: CompiledRule, candidate: RuleCandidate): boolean {
  if (!valid) return false;
  if (rule.kind !== null && candidate.kind !== rule.kind) return false;
  if (rule.zoneAId !== null && !zonesMatch(rule, candidate)) return false;
  if (service !== null && !serviceMatches(service, candidate)) return false;
  if (range !== null) {
    const ip = subjectIp(candidate);
    if (ip === null || !rangeContainsIp(range, ip)) return false;
  }
  return true;
}

/** Parsed once per candidate object, however many rules test it. */
const subjectIps = new WeakMap<object, ReturnType<typeof parseIp>>();

function subjectIp(candidate: RuleCandidate): ReturnType<typeof parseIp> {
  let ip = subjectIps.get(candidate);
  if (ip === undefined) {
    const address = subjectAddress(candidate);
    ip = address === null ? null : parseIp(address);
    subjectIps.set(candidate, ip);
  }
  return ip;
}

/** Whether every criterion of the rule holds for the candidate. */
export function triageRuleMatches(rule: TriageRule, candidate: RuleCandidate): boolean {
  return compiledMatches(compile(rule), candidate);
}

function byAge(rules: readonly TriageRule[]): TriageRule[] {
  return [...rules].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function ruleDecision(rule: TriageRule, candidateKey: string): AppliedTriage {
  return {
    id: `rule:${rule.id}:${candidateKey}`,
    assessmentId: rule.assessmentId,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
    candidateKey,
    decision: rule.action === 'dismiss' ? 'dismissed' : 'documented',
    reason: rule.reason,
    connectionId: null,
    conduitId: null,
    ruleId: rule.id,
  };
}

/**
 * The triage in force: the assessor's own decisions, plus, for each candidate they have not
 * decided, the decision of the oldest rule that matches it. The assessor's decision always wins.
 */
export function applyTriageRules(
  candidates: readonly RuleCandidate[],
  triage: readonly Triage[],
  rules: readonly TriageRule[],
): AppliedTriage[] {
  if (rules.length === 0) return [...triage];
  const compiled = byAge(rules).map(compile);
  const applied: AppliedTriage[] = [...triage];
  withTriage(candidates, triage).forEach((decided, index) => {
    if (decided.triage !== null) return;
    const candidate = candidates[index]!;
    const rule = compiled.find((c) => compiledMatches(c, candidate));
    if (rule) applied.push(ruleDecision(rule.rule, candidate.key));
  });
  return applied;
}

export interface RuleReach {
  /** Candidates the rule's criteria match. */
  matched: number;
  /** Of those, the ones this rule triages (the rest are decided by hand or by an older rule). */
  applied: number;
}

/** How many present candidates each rule matches and triages, by rule id. */
export function triageRuleReach(
  candidates: readonly RuleCandidate[],
  triage: readonly Triage[],
  rules: readonly TriageRule[],
): Map<string, RuleReach> {
  const reach = new Map(rules.map((r) => [r.id, { matched: 0, applied: 0 }]));
  const compiled = rules.map(compile);
  for (const candidate of candidates) {
    for (const c of compiled) if (compiledMatches(c, candidate)) reach.get(c.rule.id)!.matched++;
  }
  for (const decision of applyTriageRules(candidates, triage, rules)) {
    if (decision.ruleId !== undefined) reach.get(decision.ruleId)!.applied++;
  }
  return reach;
}

/** The rule's criteria in words: "Flow to a public IP · in 52.0.0.0/8 · NTP". */
export function describeTriageRule(
  rule: TriageRule,
  zoneName: (id: string) => string,
  kindLabel: (kind: NonNullable<TriageRule['kind']>) => string,
): string {
  const parts: string[] = [];
  if (rule.kind !== null) parts.push(kindLabel(rule.kind));
  if (rule.subnet !== null) parts.push(`address in ${rule.subnet}`);
  if (rule.zoneAId !== null) {
    parts.push(
      rule.zoneBId === null
        ? `involving ${zoneName(rule.zoneAId)}`
        : `between ${zoneName(rule.zoneAId)} and ${zoneName(rule.zoneBId)}`,
    );
  }
  if (rule.service !== null) parts.push(rule.service);
  return parts.join(' · ');
}
