import { z } from 'zod';
import { isoDate, isoDateTime, uuid } from './common';

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
