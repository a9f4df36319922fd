import { z } from 'zod';
import { recordBase, uuid } from './common';

export const CONNECTION_TYPES = [
  'cellular',
  'vendor-remote-access',
  'dual-homed',
  'direct-it-ot',
  'wireless',
  'removable-media',
  'other',
] as const;
export const CONNECTION_TYPE_LABELS: Record<(typeof CONNECTION_TYPES)[number], string> = {
  cellular: 'Cellular/4G modem',
  'vendor-remote-access': 'Vendor remote-access tool',
  'dual-homed': 'Dual-homed host',
  'direct-it-ot': 'Direct IT-OT link bypassing the DMZ',
  wireless: 'Wireless bridge or access point',
  'removable-media': 'Removable-media path',
  other: 'Other',
};
export const FOUND_BY = ['walk-down', 'interview', 'traffic', 'inventory'] as const;

export const endpointRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asset'), assetId: uuid }),
  z.object({ kind: z.literal('zone'), zoneId: uuid }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(500) }),
]);
export type EndpointRef = z.infer<typeof endpointRefSchema>;

export const connectionSchema = z
  .object({
    ...recordBase,
    from: endpointRefSchema,
    to: endpointRefSchema,
    type: z.enum(CONNECTION_TYPES),
    foundBy: z.enum(FOUND_BY),
    description: z.string().max(50_000),
    likelihood: z.number().int().min(1).max(5),
    impact: z.number().int().min(1).max(5),
    status: z.enum(['open', 'accepted', 'remediated']),
    justification: z.string().max(20_000).default(''),
    recommendation: z.string().max(20_000),
    flowIds: z.array(uuid).max(10_000).default([]),
    evidenceIds: z.array(uuid).max(500).default([]),
  })
  .refine((c) => c.status !== 'accepted' || c.justification.trim().length > 0, {
    message: 'an accepted connection needs a justification',
    path: ['justification'],
  });
export type Connection = z.infer<typeof connectionSchema>;

/** The assessor's decision on a reconciliation candidate, keyed by the candidate's stable key. */
export const triageSchema = z
  .object({
    ...recordBase,
    candidateKey: z.string().min(1).max(500),
    decision: z.enum(['confirmed', 'documented', 'dismissed']),
    reason: z.string().max(20_000).default(''),
    connectionId: uuid.nullable().default(null),
    conduitId: uuid.nullable().default(null),
  })
  .refine((t) => t.decision !== 'dismissed' || t.reason.trim().length > 0, {
    message: 'a dismissal needs a reason',
    path: ['reason'],
  });
export type Triage = z.infer<typeof triageSchema>;
