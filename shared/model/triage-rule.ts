import { z } from 'zod';
import { recordBase, uuid } from './common';

/** The kinds of reconciliation candidate (shared/network builds them); a rule may narrow to one. */
export const CANDIDATE_KINDS = [
  'undocumented-flow',
  'public-ip',
  'l2-between-zones',
  'unzoned-endpoint',
  'stale-conduit',
] as const;

/** What a rule does to each candidate it matches that the assessor has not triaged by hand. */
export const TRIAGE_RULE_ACTIONS = ['dismiss', 'expected'] as const;
export type TriageRuleAction = (typeof TRIAGE_RULE_ACTIONS)[number];

/**
 * A standing triage decision: every present and future candidate matching all of the rule's
 * criteria is dismissed (or marked as expected traffic) with the rule's reason. Stored as data;
 * shared/network/triage-rules.ts applies it, so deleting the rule gives the candidates back.
 */
export const triageRuleSchema = z
  .object({
    ...recordBase,
    kind: z.enum(CANDIDATE_KINDS).nullable().default(null),
    /** An IPv4/IPv6 CIDR or range: the public address, or the address in no zone, lies in it. */
    subnet: z.string().trim().max(100).nullable().default(null),
    /** A zone pair, in either direction; a null second zone matches any zone or none. */
    zoneAId: uuid.nullable().default(null),
    zoneBId: uuid.nullable().default(null),
    /** A protocol name ("NTP"), a port ("123") or transport and port ("udp/123"). */
    service: z.string().trim().max(100).nullable().default(null),
    action: z.enum(TRIAGE_RULE_ACTIONS),
    reason: z.string().trim().min(1, 'give the reason for the rule').max(20_000),
  })
  .refine((r) => r.subnet !== null || r.zoneAId !== null || r.service !== null || r.kind !== null, {
    message: 'a rule needs a subnet, a zone pair, a protocol or a kind',
    path: ['subnet'],
  });
export type TriageRule = z.infer<typeof triageRuleSchema>;
