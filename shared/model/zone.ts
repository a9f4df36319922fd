import { z } from 'zod';
import { FR_IDS, recordBase, securityLevel } from './common';

export const ZONE_KINDS = [
  'enterprise',
  'dmz',
  'operations',
  'cell',
  'safety',
  'utilities',
  'remote-access',
  'external',
  'other',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const ZONE_KIND_LABELS: Record<ZoneKind, string> = {
  enterprise: 'Enterprise',
  dmz: 'Industrial DMZ',
  operations: 'Site operations',
  cell: 'Cell/area',
  safety: 'Safety system',
  utilities: 'Utilities',
  'remote-access': 'Remote access',
  external: 'External',
  other: 'Other',
};

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** SL-T: one level (1..4) that fills FR1..FR7, with optional per-FR overrides; null base = not set. */
export const securityLevelTargetSchema = z.object({
  base: z.number().int().min(1).max(4).nullable(),
  overrides: z.partialRecord(z.enum(FR_IDS), securityLevel).default({}),
});
export type SecurityLevelTarget = z.infer<typeof securityLevelTargetSchema>;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export const sizeSchema = z.object({ width: z.number().positive(), height: z.number().positive() });

export const zoneSchema = z.object({
  ...recordBase,
  name: z.string().trim().min(1, 'a zone needs a name').max(200),
  kind: z.enum(ZONE_KINDS),
  purdueLevel: z.number().min(0).max(5).nullable(),
  criticality: z.enum(CRITICALITIES),
  slt: securityLevelTargetSchema,
  /** IPv4/IPv6 CIDR blocks or "from-to" ranges, as the assessor typed them (validated on entry). */
  ranges: z.array(z.string().trim().min(1).max(100)).max(1000),
  description: z.string().max(20_000).default(''),
  position: positionSchema,
  size: sizeSchema,
});
export type Zone = z.infer<typeof zoneSchema>;
