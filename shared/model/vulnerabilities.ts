import { z } from 'zod';
import { isoDate, isoDateTime, recordBase, uuid } from './common';

/** The seed's phase-5 choice for an affected asset. */
export const VULNERABILITY_DECISIONS = ['patch-now', 'mitigate', 'accept'] as const;
export type VulnerabilityDecision = (typeof VULNERABILITY_DECISIONS)[number];
export const VULNERABILITY_DECISION_LABELS: Record<VulnerabilityDecision, string> = {
  'patch-now': 'Patch now',
  mitigate: 'Mitigate',
  accept: 'Accept and document',
};

export const vulnerabilityStatusSchema = z.enum(['affected', 'possibly-affected']);
export const matchConfidenceSchema = z.enum(['version-in-range', 'version-unknown', 'name-only']);

/**
 * One advisory matched to one asset, and the assessor's decision on it. The match fields are
 * refreshed whenever matching runs again; the decision fields are only ever set by the assessor,
 * so they survive a pack update. A record whose advisory no longer matches is kept, `stale`.
 */
export const vulnerabilitySchema = z
  .object({
    ...recordBase,
    assetId: uuid,
    advisoryId: z.string().min(1).max(100),
    title: z.string().max(1000),
    cves: z.array(z.string().max(50)).max(1000),
    cvss: z.number().min(0).max(10).nullable(),
    kev: z.boolean(),
    status: vulnerabilityStatusSchema,
    confidence: matchConfidenceSchema,
    why: z.string().max(5000),
    remediation: z.string().max(5000).default(''),
    /** The advisory no longer matches the asset (a pack update, a changed firmware). */
    stale: z.boolean().default(false),
    matchedAt: isoDateTime,
    decision: z.enum(VULNERABILITY_DECISIONS).nullable().default(null),
    /** Mitigate: the conduit whose control stands for the mitigation, and what it is. */
    mitigation: z
      .object({
        conduitId: uuid.nullable(),
        countermeasureId: uuid.nullable().default(null),
        control: z.string().max(5000),
      })
      .nullable()
      .default(null),
    /** Accept and document: why, who owns the risk, when to look again. */
    acceptance: z
      .object({
        reason: z.string().min(1).max(20_000),
        owner: z.string().min(1).max(500),
        reviewDate: isoDate,
      })
      .nullable()
      .default(null),
    decidedAt: isoDateTime.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'accept' && !v.acceptance) {
      ctx.addIssue({
        code: 'custom',
        path: ['acceptance'],
        message: 'an accepted vulnerability needs a reason, an owner and a review date',
      });
    }
    if (v.decision === 'mitigate' && !v.mitigation) {
      ctx.addIssue({
        code: 'custom',
        path: ['mitigation'],
        message: 'a mitigated vulnerability needs the control that mitigates it',
      });
    }
  });
export type Vulnerability = z.infer<typeof vulnerabilitySchema>;

/** A decision as the assessor makes it (one asset or many at once). */
export type DecisionInput =
  | { decision: 'patch-now' }
  | {
      decision: 'mitigate';
      mitigation: { conduitId: string | null; countermeasureId?: string | null; control: string };
    }
  | { decision: 'accept'; acceptance: { reason: string; owner: string; reviewDate: string } }
  | { decision: null };

/** Applies a decision; the match fields stay as they are. */
export function applyDecision(record: Vulnerability, input: DecisionInput, now: string): Vulnerability {
  return vulnerabilitySchema.parse({
    ...record,
    decision: input.decision,
    mitigation:
      input.decision === 'mitigate'
        ? {
            conduitId: input.mitigation.conduitId,
            countermeasureId: input.mitigation.countermeasureId ?? null,
            control: input.mitigation.control.trim(),
          }
        : null,
    acceptance:
      input.decision === 'accept'
        ? {
            reason: input.acceptance.reason.trim(),
            owner: input.acceptance.owner.trim(),
            reviewDate: input.acceptance.reviewDate,
          }
        : null,
    decidedAt: input.decision === null ? null : now,
    updatedAt: now,
  });
}
