import { z } from 'zod';
import { recordBase, uuid } from './common';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The seed's six program phases. */
export const PROGRAM_PHASES = [1, 2, 3, 4, 5, 6] as const;
export type ProgramPhase = (typeof PROGRAM_PHASES)[number];
export const PROGRAM_PHASE_LABELS: Record<(typeof PROGRAM_PHASES)[number], string> = {
  1: 'Asset inventory and network mapping',
  2: 'Segmentation',
  3: 'Identity and access',
  4: 'Monitoring and detection',
  5: 'Patching and vulnerability management',
  6: 'Incident response',
};

/**
 * The first-year timeline: the quarters months 1-3, 4-6, 7-9 and 10-12. The ids are stored in
 * findings and files, so they keep their first spelling; ROADMAP_SLOT_LABELS gives the real months.
 */
export const ROADMAP_SLOTS = ['m1-3', 'm3-6', 'm6-9', 'm9-12'] as const;

/** Rough size of a piece of remediation work: S days, M weeks, L a project. */
export const EFFORTS = ['S', 'M', 'L'] as const;
export type Effort = (typeof EFFORTS)[number];
export const EFFORT_LABELS: Record<Effort, string> = {
  S: 'Small (days)',
  M: 'Medium (weeks)',
  L: 'Large (a project)',
};

export type RoadmapSlot = (typeof ROADMAP_SLOTS)[number];

/** The text and classification fields an assessor can edit. */
export const EDITABLE_FINDING_FIELDS = [
  'title',
  'description',
  'severity',
  'phase',
  'recommendation',
] as const;
export type EditableFindingField = (typeof EDITABLE_FINDING_FIELDS)[number];

export const findingSchema = z
  .object({
    ...recordBase,
    title: z.string().trim().min(1).max(500),
    description: z.string().max(50_000),
    severity: z.enum(SEVERITIES),
    phase: z.union(PROGRAM_PHASES.map((p) => z.literal(p))),
    recommendation: z.string().max(50_000),
    refs: z.object({
      itemIds: z.array(z.string().max(50)).default([]),
      zoneIds: z.array(uuid).default([]),
      conduitIds: z.array(uuid).default([]),
      connectionIds: z.array(uuid).default([]),
      assetIds: z.array(uuid).default([]),
      /** For a finding spanning zones, the exact (zone, item) pairs: zones may fail different items. */
      items: z
        .array(z.object({ zoneId: uuid, itemId: z.string().max(50) }))
        .max(100_000)
        .optional(),
    }),
    origin: z.enum(['auto', 'manual']),
    /** Stable key of the generator rule that produced an auto finding, so regeneration keeps edits. */
    autoKey: z.string().max(500).nullable().default(null),
    status: z.enum(['open', 'dismissed']),
    dismissReason: z.string().max(20_000).default(''),
    order: z.number(),
    roadmapSlot: z.enum(ROADMAP_SLOTS).nullable().default(null),
    /** Size of the work, from the items and zones it covers (absent on findings stored before). */
    effort: z.enum(EFFORTS).optional(),
    /** Fields the assessor changed on an auto finding; regeneration keeps these and refreshes the rest. */
    edited: z.array(z.enum(EDITABLE_FINDING_FIELDS)).optional(),
    /** Auto keys of findings merged into this one, so regeneration does not bring them back. */
    absorbedKeys: z.array(z.string().max(500)).optional(),
  })
  .refine((f) => f.status !== 'dismissed' || f.dismissReason.trim().length > 0, {
    message: 'a dismissed finding needs a reason',
    path: ['dismissReason'],
  });
export type Finding = z.infer<typeof findingSchema>;
