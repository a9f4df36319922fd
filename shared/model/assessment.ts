import { z } from 'zod';
import { FR_IDS, isoDate, isoDateTime, uuid } from './common';
import { documentControlSchema, narrativeOverrideSchema } from './document-control';

/**
 * How findings are weighed and planned; every field optional, defaults in shared/findings/settings.
 * `frWeights` scale an item's severity by its FR; `quarterCapacity` is the effort points (S 1, M 3,
 * L 8) the client can take on per quarter of the roadmap.
 */
export const findingSettingsSchema = z.object({
  frWeights: z.partialRecord(z.enum(FR_IDS), z.number().min(0).max(3)).optional(),
  quarterCapacity: z.number().int().min(1).max(100_000).nullable().optional(),
});
export type FindingSettings = z.infer<typeof findingSettingsSchema>;

/** Logo files are kept small: they travel inside every saved file and every report. */
export const LOGO_MAX_BYTES = 512 * 1024;

/**
 * The client's branding for the report, PDF, DOCX and XLSX alike; every field optional. The logo is
 * stored as base64 so the assessment file (JSON) carries it as is; shared/report/branding validates it.
 */
export const reportBrandingSchema = z.object({
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'the accent colour must be a hex colour like #0a7a85')
    .optional(),
  logo: z
    .object({
      mediaType: z.enum(['image/png', 'image/jpeg']),
      base64: z.string().max(Math.ceil(LOGO_MAX_BYTES / 3) * 4),
      width: z.number().int().min(1).max(20_000),
      height: z.number().int().min(1).max(20_000),
      fileName: z.string().max(255),
    })
    .optional(),
});
export type ReportBranding = z.infer<typeof reportBrandingSchema>;

export const ASSESSMENT_STATUSES = ['active', 'archived'] as const;

export const assessmentSchema = z.object({
  id: uuid,
  title: z.string().trim().min(1, 'a title is required').max(200),
  client: z.string().trim().min(1, 'the client is required').max(200),
  site: z.string().trim().min(1, 'the site is required').max(200),
  assessors: z.array(z.string().trim().min(1).max(200)).max(50),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  scope: z.string().max(20_000),
  status: z.enum(ASSESSMENT_STATUSES),
  catalogueVersion: z.string().min(1).max(50),
  /** Optional (added without a schema version): FR weights and roadmap capacity for findings. */
  findingSettings: findingSettingsSchema.optional(),
  /** Optional (added without a schema version): the client's logo and accent colour for the report. */
  branding: reportBrandingSchema.optional(),
  /** Optional (no schema version): the report's version, status, date, author and distribution. */
  documentControl: documentControlSchema.optional(),
  /** Optional (no schema version): the assessor's edited executive narrative; absent means generated. */
  narrative: narrativeOverrideSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const newAssessmentInputSchema = z
  .object({
    client: assessmentSchema.shape.client,
    site: assessmentSchema.shape.site,
    title: z.string().trim().max(200).optional(),
    assessors: assessmentSchema.shape.assessors.default([]),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
    scope: assessmentSchema.shape.scope.default(''),
  })
  .refine((a) => !a.startDate || !a.endDate || a.startDate <= a.endDate, {
    message: 'the end date is before the start date',
    path: ['endDate'],
  });
export type NewAssessmentInput = z.input<typeof newAssessmentInputSchema>;

export function defaultTitle(client: string, site: string): string {
  return `${client.trim()} – ${site.trim()}`;
}
