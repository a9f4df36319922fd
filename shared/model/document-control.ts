import { z } from 'zod';
import { isoDate } from './common';

export const REPORT_STATUSES = ['draft', 'final'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const distributionEntrySchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  organisation: z.string().trim().max(200).default(''),
  role: z.string().trim().max(200).default(''),
});
export type DistributionEntry = z.infer<typeof distributionEntrySchema>;

/** The report's version, status and who receives it, printed on its document-control page. */
export const documentControlSchema = z.object({
  version: z.string().trim().max(50).default(''),
  status: z.enum(REPORT_STATUSES).default('draft'),
  date: isoDate.nullable().default(null),
  author: z.string().trim().max(200).default(''),
  distribution: z.array(distributionEntrySchema).max(200).default([]),
});
export type DocumentControl = z.infer<typeof documentControlSchema>;

export const DEFAULT_DOCUMENT_CONTROL: DocumentControl = {
  version: '',
  status: 'draft',
  date: null,
  author: '',
  distribution: [],
};

/**
 * The assessor's own wording of the executive narrative. `generated` is the text generated from the
 * data when it was edited, so the app can say when the data has changed since.
 */
export const narrativeOverrideSchema = z.object({
  text: z.string().max(50_000),
  generated: z.string().max(50_000),
});
export type NarrativeOverride = z.infer<typeof narrativeOverrideSchema>;
